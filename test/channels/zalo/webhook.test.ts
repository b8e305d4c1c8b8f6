import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/core/messages.ts';
import { ZaloAdapter } from '../../../src/channels/zalo/zalo-adapter.ts';
import { UpdateNotTakenError } from '../../../src/core/update-not-taken.ts';
import { FakeZaloServer } from '../../support/fake-zalo/fake-zalo-server.ts';
import { textUpdate } from '../../support/fake-zalo/zalo-updates.ts';
import { freePort, memoryLogger, zaloTranslator } from './helpers.ts';

const SECRET = 'webhook-secret-for-tests';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(handler?: (message: InboundMessage) => Promise<void>) {
  const fake = await FakeZaloServer.start();
  cleanups.push(() => fake.close());
  const port = await freePort();
  const adapter = new ZaloAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    mode: {
      kind: 'webhook',
      publicUrl: `http://127.0.0.1:${port}/zalo/hook`,
      port,
      host: '127.0.0.1',
      path: '/zalo/hook',
      secretToken: SECRET,
    },
    logger: memoryLogger().logger,
    translator: zaloTranslator(),
  });
  const received: InboundMessage[] = [];
  await adapter.start(handler ?? (async (message) => void received.push(message)));
  cleanups.push(() => adapter.stop());
  return { fake, adapter, received, port };
}

describe('ZaloAdapter webhook', () => {
  it('registers its URL and secret with setWebhook', async () => {
    const { fake, port } = await setup();
    expect(fake.webhook).toEqual({ url: `http://127.0.0.1:${port}/zalo/hook`, secretToken: SECRET });
  });

  it('accepts both payload shapes with the right secret', async () => {
    const { fake, received } = await setup();
    expect(await fake.postToWebhook(textUpdate({ userId: 'u1', text: 'bare' }), SECRET, 'bare')).toBe(200);
    expect(await fake.postToWebhook(textUpdate({ userId: 'u1', text: 'wrapped' }), SECRET, 'wrapped')).toBe(200);
    await fake.waitFor(() => received.length === 2);
    expect(received.map((m) => (m.type === 'text' ? m.text : m.type))).toEqual(['bare', 'wrapped']);
  });

  it.each([
    ['a wrong secret', 'not-the-secret'],
    ['a secret of another length', 'x'],
    ['no secret header', null],
  ])('refuses a request with %s and processes nothing in it', async (_label, secret) => {
    const { fake, received } = await setup();
    expect(await fake.postToWebhook(textUpdate({ userId: 'u1', text: '/baocao' }), secret)).toBe(401);
    // A good request afterwards is the first and only one handled.
    await fake.postToWebhook(textUpdate({ userId: 'u1', text: 'hợp lệ' }));
    await fake.waitFor(() => received.length === 1);
    expect(received).toMatchObject([{ type: 'text', text: 'hợp lệ' }]);
  });

  it('delivers updates pushed by the platform (sendText while a webhook is set)', async () => {
    const { fake, received } = await setup();
    fake.sendText({ userId: 'u2', text: 'qua webhook' });
    fake.sendSticker({ userId: 'u2' });
    await fake.waitFor(() => received.length === 2);
    expect(received.map((m) => m.type)).toEqual(['text', 'unsupported']);
    // Each answer comes once its update is handled.
    await fake.waitFor(() => fake.webhookStatuses.length === 2);
    expect(fake.webhookStatuses).toEqual([200, 200]);
  });

  it('gives a repeated delivery the same update key, so the core can drop it', async () => {
    const { fake, received } = await setup();
    const update = textUpdate({ userId: 'u3', text: 'gửi hai lần' });
    await fake.postToWebhook(update, SECRET, 'bare');
    await fake.postToWebhook(update, SECRET, 'wrapped');
    await fake.waitFor(() => received.length === 2);
    expect(received[0]?.updateKey).toBe(`zalo:message.text.received:${update.message?.message_id}`);
    expect(received[1]?.updateKey).toBe(received[0]?.updateKey);
  });

  it('answers 400 to a body that is not an update, and 404 elsewhere', async () => {
    const { fake, port } = await setup();
    expect(await fake.postToWebhook({ hello: 'world' })).toBe(400);
    const other = await fetch(`http://127.0.0.1:${port}/elsewhere`, { method: 'POST', headers: { 'x-bot-api-secret-token': SECRET } });
    expect(other.status).toBe(404);
  });

  it('answers once the update is handled; one chat in order, chats in parallel', async () => {
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { fake } = await setup(async (message) => {
      if (message.type !== 'text') return;
      log.push(`start ${message.chat.chatId} ${message.text}`);
      if (message.text === 'a1') await gate;
      log.push(`end ${message.chat.chatId} ${message.text}`);
    });
    const answers: string[] = [];
    const posts = (
      [
        ['a', 'a1'],
        ['a', 'a2'],
        ['b', 'b1'],
      ] as const
    ).map(([userId, text]) =>
      fake.postToWebhook(textUpdate({ userId, text })).then((status) => {
        answers.push(`${text} ${status}`);
      }),
    );
    // b1 is handled and answered while a1 is still held, and a2 waits for a1; a1 has no answer yet.
    await fake.waitFor(() => answers.includes('b1 200'));
    expect(log).toContain('end b b1');
    expect(log).not.toContain('start a a2');
    expect(answers).toEqual(['b1 200']);
    release();
    await Promise.all(posts);
    expect(log.indexOf('end a a1')).toBeLessThan(log.indexOf('start a a2'));
    expect(answers.slice(1).sort()).toEqual(['a1 200', 'a2 200']);
  });

  it('answers 503 when the core could not take the update, so Zalo may deliver it again', async () => {
    const { fake } = await setup(async (message) => {
      expect(message.redeliverable).toBe(true);
      throw new UpdateNotTakenError(message.updateKey);
    });
    expect(await fake.postToWebhook(textUpdate({ userId: 'u5', text: 'x' }))).toBe(503);
  });

  it('stop() closes the port and waits for accepted updates', async () => {
    let finished = false;
    const { fake, adapter, port } = await setup(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      finished = true;
    });
    await fake.postToWebhook(textUpdate({ userId: 'u4', text: 'x' }));
    await adapter.stop();
    expect(finished).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/zalo/hook`, { method: 'POST' })).rejects.toThrow();
  });
});
