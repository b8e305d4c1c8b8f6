import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../src/channels/telegram/telegram-adapter.ts';
import type { PermanentDeliveryError } from '../../src/core/delivery-errors.ts';
import type { ChatRef } from '../../src/core/messages.ts';
import type { RateLimits } from '../../src/outbound/outbox.ts';
import { Outbox } from '../../src/outbound/outbox.ts';
import { FakeTelegramServer } from '../support/fake-telegram/fake-telegram-server.ts';
import { waitUntil } from './fake-adapter.ts';

const logger = pino({ level: 'silent' });
let fake: FakeTelegramServer;
let outbox: Outbox;
const reported: { to: ChatRef; error: PermanentDeliveryError }[] = [];

function setup(limits: RateLimits): void {
  const adapter = new TelegramAdapter({ token: fake.token, apiRoot: fake.apiRoot, mode: { kind: 'polling' }, logger });
  outbox = new Outbox([adapter], {
    logger,
    limits: { telegram: limits },
    baseBackoffMs: 20,
    onPermanentFailure: (to, error) => void reported.push({ to, error }),
  });
}

function person(chatId: number): ChatRef {
  return { channel: 'telegram', chatId: String(chatId), kind: 'private' };
}

function texts(chatId: number): string[] {
  return fake.messagesTo(chatId).map((m) => m.text ?? '');
}

beforeEach(async () => {
  fake = await FakeTelegramServer.start();
  reported.length = 0;
});

afterEach(async () => {
  await outbox.close();
  await fake.close();
});

describe('Outbox through the Telegram adapter and a fake Bot API', () => {
  it('waits out a 429 retry_after and then delivers every message once, in order', async () => {
    setup({ globalPerSecond: 30, perChatPerSecond: 100, perGroupPerMinute: 20 });
    fake.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    const started = Date.now();
    const messages = ['Nhắc hạn 1', 'Nhắc hạn 2', 'Nhắc hạn 3'];
    const first = outbox.sendMany(
      person(101),
      messages.map((text) => ({ type: 'text', text })),
    );
    await waitUntil(() => outbox.stats.rateLimited === 1);
    // Another chat, after the 429: the pause holds for the whole channel.
    const other = outbox.send(person(102), { type: 'text', text: 'Xin chào' });
    const results = [...(await first), await other];

    expect(results.every((r) => r.status === 'sent')).toBe(true);
    expect(texts(101)).toEqual(messages);
    expect(texts(102)).toEqual(['Xin chào']);
    // The 429 answered the very first call: nothing may arrive before its second is up.
    expect(fake.sent).toHaveLength(4);
    for (const sent of fake.sent) expect(sent.at - started).toBeGreaterThanOrEqual(1000);
    expect(outbox.stats.rateLimited).toBe(1);
  });

  it('loses nothing and duplicates nothing when the server rate-limits harder than configured', async () => {
    // The outbox believes 20 a second is fine; the server allows 8 and answers 429 beyond.
    setup({ globalPerSecond: 20, perChatPerSecond: 1, perGroupPerMinute: 20 });
    fake.rateLimit({ perSecond: 8 });
    const chats = Array.from({ length: 24 }, (_, i) => 1000 + i);
    const results = await Promise.all(chats.map((c) => outbox.send(person(c), { type: 'text', text: `Nhắc ${c}` })));

    expect(results.every((r) => r.status === 'sent')).toBe(true);
    expect(outbox.stats.rateLimited).toBeGreaterThan(0);
    for (const c of chats) expect(texts(c)).toEqual([`Nhắc ${c}`]);
    expect(fake.sent).toHaveLength(chats.length);
  });

  it('retries a 5xx, gives up at once on "blocked by the user" and reports it', async () => {
    setup({ globalPerSecond: 30, perChatPerSecond: 100, perGroupPerMinute: 20 });
    fake.failNext('sendMessage', { status: 502, description: 'Bad Gateway' });
    const first = await outbox.send(person(201), { type: 'text', text: 'một' });
    expect(first).toEqual({ status: 'sent', attempts: 2 });

    fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    const [blocked, after] = await outbox.sendMany(person(202), [
      { type: 'text', text: 'hai' },
      { type: 'text', text: 'ba' },
    ]);
    expect(blocked).toMatchObject({ status: 'failed', attempts: 1, permanent: true });
    expect(after).toEqual({ status: 'sent', attempts: 1 });
    expect(reported.map((r) => [r.to.chatId, r.error.reason, r.error.code])).toEqual([['202', 'blocked', 403]]);
    expect(texts(202)).toEqual(['ba']);
    expect(outbox.stats).toMatchObject({ sent: 2, retried: 1, failedPermanent: 1 });
  });
});
