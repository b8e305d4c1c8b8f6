import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback port that was free a moment ago, for servers whose URL must be known before they
 * listen (a webhook's public URL). Another process could take it in between; on loopback in tests
 * that does not happen in practice.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
