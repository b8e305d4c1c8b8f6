import { describe, expect, it } from 'vitest';
import { ZaloAdapter, type ZaloMode } from '../../../src/channels/zalo/zalo-adapter.ts';
import { FakeZaloServer } from '../../support/fake-zalo/fake-zalo-server.ts';
import { freePort, memoryLogger, zaloTranslator } from './helpers.ts';

/** Sockets, servers and timers alive in this process, by kind. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (/TCP|Timeout|Immediate/.test(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** The kinds of which there are more now than in `baseline`, with their counts. */
function leftOver(baseline: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(resources()).filter(([kind, count]) => count > (baseline[kind] ?? 0)));
}

/** Waits (bounded) for closing sockets to finish closing, then expects nothing more than before. */
async function settlesTo(baseline: Record<string, number>): Promise<void> {
  const deadline = Date.now() + 3000;
  while (Object.keys(leftOver(baseline)).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(leftOver(baseline)).toEqual({});
}

describe('ZaloAdapter.stop()', () => {
  it.each<[string, (port: number) => ZaloMode]>([
    ['polling', () => ({ kind: 'polling', pollTimeoutSec: 30 })],
    [
      'webhook',
      (port) => ({
        kind: 'webhook',
        publicUrl: `http://127.0.0.1:${port}/z`,
        port,
        host: '127.0.0.1',
        path: '/z',
        secretToken: 'secret-secret',
      }),
    ],
  ])('leaves no socket, server or timer behind (%s)', async (_name, mode) => {
    const before = resources();
    const fake = await FakeZaloServer.start();
    const port = await freePort();
    const adapter = new ZaloAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      mode: mode(port),
      logger: memoryLogger().logger,
      translator: zaloTranslator(),
    });
    const received: string[] = [];
    await adapter.start(async (message) => void received.push(message.updateKey));
    fake.sendText({ userId: 'u1', text: 'xin chào' });
    await fake.waitFor(() => received.length === 1);
    await adapter.deliver('u1', { type: 'text', text: 'chào bạn' });
    await adapter.stop();
    await fake.close();
    await settlesTo(before);
  });
});
