import { createServer } from 'node:net';

/** Asks the OS for a free TCP port on 127.0.0.1 (binds port 0, reads the port, closes). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not read the free port'))));
    });
  });
}
