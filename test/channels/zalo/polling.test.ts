import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/core/messages.ts';
import { ZaloAdapter } from '../../../src/channels/zalo/zalo-adapter.ts';
import { FakeZaloServer } from '../../support/fake-zalo/fake-zalo-server.ts';
import { memoryLogger, zaloTranslator } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(emptyPollStatus: 200 | 408 = 200) {
  const fake = await FakeZaloServer.start({ emptyPollStatus });
  cleanups.push(() => fake.close());
  const { logger, records } = memoryLogger();
  const adapter = new ZaloAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    mode: { kind: 'polling', pollTimeoutSec: 1 },
    logger,
    translator: zaloTranslator(),
  });
  const received: InboundMessage[] = [];
  return { fake, adapter, received, records };
}

describe('ZaloAdapter long polling', () => {
  it('checks the token, drops any webhook, and receives text and commands one update per call', async () => {
    const { fake, adapter, received } = await setup();
    await adapter.start(async (message) => void received.push(message));
    cleanups.push(() => adapter.stop());
    expect(fake.callCount('getMe')).toBe(1);
    expect(fake.callCount('deleteWebhook')).toBe(1);

    fake.sendText({ userId: 'u1', text: 'báo cáo' });
    fake.sendText({ userId: 'u1', text: '/baocao' });
    await fake.waitFor(() => received.length === 2);
    expect(received.map((m) => m.type)).toEqual(['text', 'command']);
    expect(fake.callCount('getUpdates')).toBeGreaterThanOrEqual(2);
  });

  it.each([200, 408] as const)('treats an empty poll (error 408, HTTP %i) as no news, not as a failure', async (status) => {
    const { fake, adapter, received, records } = await setup(status);
    await adapter.start(async (message) => void received.push(message));
    cleanups.push(() => adapter.stop());
    // With a 1 s poll timeout, the third call proves two empty polls went by.
    await fake.waitFor(() => fake.callCount('getUpdates') >= 3, 5000, 'three polls');
    fake.sendText({ userId: 'u2', text: 'vẫn nhận được' });
    await fake.waitFor(() => received.length === 1);
    expect(records.filter((r) => r.level >= 40)).toEqual([]);
  });

  it('logs other failures and polls again after a pause', async () => {
    const { fake, adapter, received, records } = await setup();
    fake.failNext('getUpdates', { errorCode: 500, description: 'Internal Server Error' });
    await adapter.start(async (message) => void received.push(message));
    cleanups.push(() => adapter.stop());
    fake.sendText({ userId: 'u3', text: 'sau lỗi' });
    await fake.waitFor(() => received.length === 1, 5000);
    expect(records.some((r) => r.level === 40 && r.msg === 'zalo getUpdates failed')).toBe(true);
  });

  it('handles the messages of a chat strictly in order, each after the previous one finished', async () => {
    const { fake, adapter } = await setup();
    const log: string[] = [];
    await adapter.start(async (message) => {
      if (message.type !== 'text') return;
      log.push(`start ${message.text}`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`end ${message.text}`);
    });
    cleanups.push(() => adapter.stop());
    for (const text of ['1', '2', '3']) fake.sendText({ userId: 'u4', text });
    await fake.waitFor(() => log.length === 6);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('keeps polling when the handler throws', async () => {
    const { fake, adapter, records } = await setup();
    const seen: string[] = [];
    await adapter.start(async (message) => {
      seen.push(message.updateKey);
      if (seen.length === 1) throw new Error('core failed');
    });
    cleanups.push(() => adapter.stop());
    fake.sendText({ userId: 'u5', text: 'a' });
    fake.sendText({ userId: 'u5', text: 'b' });
    await fake.waitFor(() => seen.length === 2);
    expect(records.some((r) => r.level === 50)).toBe(true);
  });

  it('stop() aborts the poll in flight at once', async () => {
    const fake = await FakeZaloServer.start();
    cleanups.push(() => fake.close());
    const adapter = new ZaloAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      mode: { kind: 'polling', pollTimeoutSec: 30 },
      logger: memoryLogger().logger,
      translator: zaloTranslator(),
    });
    await adapter.start(async () => undefined);
    await fake.waitFor(() => fake.pendingPolls === 1, 3000, 'a held poll');
    const started = Date.now();
    await adapter.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await fake.waitFor(() => fake.pendingPolls === 0, 1000, 'the poll to be dropped');
  });

  it('refuses to start with a bad token', async () => {
    const fake = await FakeZaloServer.start();
    cleanups.push(() => fake.close());
    const adapter = new ZaloAdapter({
      token: 'wrong',
      apiRoot: fake.apiRoot,
      mode: { kind: 'polling' },
      logger: memoryLogger().logger,
      translator: zaloTranslator(),
    });
    await expect(adapter.start(async () => undefined)).rejects.toMatchObject({ errorCode: 401 });
    expect(fake.pendingPolls).toBe(0);
  });
});
