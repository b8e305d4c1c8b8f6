import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentDeliveryError, RateLimitedError, TransientDeliveryError } from '../../src/core/delivery-errors.ts';
import type { ChatRef } from '../../src/core/messages.ts';
import type { OutboxOptions, RateLimits } from '../../src/outbound/outbox.ts';
import { Outbox } from '../../src/outbound/outbox.ts';
import type { Script } from './fake-adapter.ts';
import { FakeAdapter, maxInWindow, memoryLogger } from './fake-adapter.ts';

const FAST: RateLimits = { globalPerSecond: 1000, perChatPerSecond: 1000, perGroupPerMinute: 60_000 };
const outboxes: Outbox[] = [];

function chat(chatId: string, kind: ChatRef['kind'] = 'private'): ChatRef {
  return { channel: 'telegram', chatId, kind };
}

function text(t: string) {
  return { type: 'text' as const, text: t };
}

function setup(script?: Script, options: Partial<OutboxOptions> = {}, limits: RateLimits = FAST) {
  const adapter = new FakeAdapter('telegram', script);
  const { logger, lines } = memoryLogger();
  const outbox = new Outbox([adapter], { logger, limits: { telegram: limits }, baseBackoffMs: 10, ...options });
  outboxes.push(outbox);
  return { adapter, outbox, lines };
}

afterEach(async () => {
  await Promise.all(outboxes.splice(0).map((o) => o.close()));
});

describe('Outbox', () => {
  it('keeps each chat in order, even across retries', async () => {
    // Every message whose number is divisible by 3 fails once, transiently.
    const { adapter, outbox } = setup((_chat, t, attempt) =>
      Number(t.split('-')[1]) % 3 === 0 && attempt === 1 ? new TransientDeliveryError('502', 502) : undefined,
    );
    const chats = ['a', 'b', 'c'];
    const expected = Array.from({ length: 8 }, (_, i) => `m-${i}`);
    const results = await Promise.all(chats.map((c) => outbox.sendMany(chat(c), expected.map(text))));
    expect(results.flat().every((r) => r.status === 'sent')).toBe(true);
    for (const c of chats) expect(adapter.delivered(c)).toEqual(expected);
    expect(outbox.stats.retried).toBe(chats.length * 3);
  });

  it('pauses the whole channel for a 429 retry_after and then delivers everything', async () => {
    const retryAfterMs = 300;
    let throwAt = 0;
    const { adapter, outbox, lines } = setup((chatId, t, attempt) => {
      if (chatId === 'c2' && t === 'm-1' && attempt === 1) {
        throwAt = performance.now();
        return new RateLimitedError('Too Many Requests: retry after 0.3', retryAfterMs);
      }
      return undefined;
    });
    const expected = Array.from({ length: 4 }, (_, i) => `m-${i}`);
    const chats = ['c1', 'c2', 'c3', 'c4'];
    const results = await Promise.all(chats.map((c) => outbox.sendMany(chat(c), expected.map(text))));

    expect(results.flat().every((r) => r.status === 'sent')).toBe(true);
    for (const c of chats) expect(adapter.delivered(c)).toEqual(expected);
    const startedAfter = adapter.calls.filter((call) => call.startedAt > throwAt);
    expect(startedAfter.length).toBeGreaterThan(0);
    for (const call of startedAfter) expect(call.startedAt - throwAt).toBeGreaterThanOrEqual(retryAfterMs);
    expect(results[1]?.[1]).toEqual({ status: 'sent', attempts: 2 });
    expect(outbox.stats.rateLimited).toBe(1);
    expect(lines.find((l) => l.kind === 'rate_limited')).toMatchObject({ channel: 'telegram', chatId: 'c2', attempt: 1, code: 429 });
  });

  it('retries transient errors with growing backoff, then succeeds', async () => {
    const { adapter, outbox } = setup((_c, _t, attempt) =>
      attempt === 1 ? new TransientDeliveryError('503', 503) : attempt === 2 ? new Error('ECONNRESET') : undefined,
    );
    const result = await outbox.send(chat('x'), text('hello'));
    expect(result).toEqual({ status: 'sent', attempts: 3 });
    const [first, second, third] = adapter.calls;
    // Equal jitter: at least half of each step (10 ms, then 20 ms).
    expect(second!.startedAt - first!.endedAt).toBeGreaterThanOrEqual(5);
    expect(third!.startedAt - second!.endedAt).toBeGreaterThanOrEqual(10);
    expect(outbox.stats).toMatchObject({ sent: 1, retried: 2, failedTransient: 0 });
  });

  it('gives up after maxAttempts transient failures, logs it, and goes on with the chat', async () => {
    const { adapter, outbox, lines } = setup((_c, t) => (t === 'doomed' ? new TransientDeliveryError('500', 500) : undefined), {
      maxAttempts: 3,
    });
    const [doomed, next] = await outbox.sendMany(chat('x'), [text('doomed'), text('next')]);
    expect(doomed).toMatchObject({ status: 'failed', attempts: 3, permanent: false });
    expect(next).toEqual({ status: 'sent', attempts: 1 });
    expect(adapter.delivered('x')).toEqual(['next']);
    expect(outbox.stats).toMatchObject({ sent: 1, retried: 2, failedTransient: 1 });
    expect(outbox.stats.byChannel.telegram).toMatchObject({ sent: 1, retried: 2, failedTransient: 1 });
    expect(lines.filter((l) => l.kind === 'transient' && l.chatId === 'x')).toHaveLength(3);
  });

  it('does not retry a permanent error and reports it before send resolves', async () => {
    const reported: { to: ChatRef; reason: string }[] = [];
    const { adapter, outbox, lines } = setup(
      (chatId) => (chatId === 'blocker' ? new PermanentDeliveryError('Forbidden: bot was blocked by the user', 403, 'blocked') : undefined),
      {
        onPermanentFailure: async (to, error) => {
          await Promise.resolve();
          reported.push({ to, reason: error.reason });
        },
      },
    );
    const result = await outbox.send(chat('blocker'), text('hi'));
    expect(result).toMatchObject({ status: 'failed', attempts: 1, permanent: true });
    expect(reported).toEqual([{ to: chat('blocker'), reason: 'blocked' }]);
    expect(adapter.calls).toHaveLength(1);
    expect(outbox.stats).toMatchObject({ failedPermanent: 1, retried: 0 });
    expect(lines.find((l) => l.kind === 'permanent')).toMatchObject({ chatId: 'blocker', attempt: 1, code: 403 });
  });

  it('loses nothing and sends nothing twice under a mix of failures', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const { adapter, outbox } = setup(
      (chatId) => {
        if (chatId === 'gone') return new PermanentDeliveryError('Bad Request: chat not found', 400, 'not_found');
        const r = random();
        if (r < 0.05) return new RateLimitedError('429', 20);
        if (r < 0.2) return new TransientDeliveryError('502', 502);
        return undefined;
      },
      { maxAttempts: 10, baseBackoffMs: 2 },
    );
    const chats = [...Array.from({ length: 15 }, (_, i) => `c${i}`), 'gone'];
    const perChat = 10;
    const messages = Array.from({ length: perChat }, (_, i) => `m-${i}`);
    const results = (await Promise.all(chats.map((c) => outbox.sendMany(chat(c), messages.map(text))))).flat();

    expect(results).toHaveLength(chats.length * perChat);
    const sent = results.filter((r) => r.status === 'sent').length;
    const failed = results.filter((r) => r.status === 'failed');
    expect(sent + failed.length).toBe(results.length);
    expect(failed.every((r) => r.status === 'failed' && r.permanent)).toBe(true);
    expect(failed).toHaveLength(perChat);
    for (const c of chats.filter((c) => c !== 'gone')) expect(adapter.delivered(c)).toEqual(messages);
    expect(outbox.stats.sent + outbox.stats.failedPermanent + outbox.stats.failedTransient).toBe(results.length);
  });

  it('never sends more than globalPerSecond in any second', async () => {
    const limit = 20;
    const { adapter, outbox } = setup(undefined, {}, { ...FAST, globalPerSecond: limit });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => outbox.send(chat(`p${i}`), text('reminder'))));
    const elapsed = performance.now() - started;
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    // 1 ms of tolerance: the window is kept on the scheduler's clock, calls are stamped a moment later.
    expect(
      maxInWindow(
        adapter.calls.map((c) => c.startedAt),
        999,
      ),
    ).toBeLessThanOrEqual(limit);
    // Not slower than needed either: 50 at 20 a second take a little over 2 s.
    expect(elapsed).toBeLessThan(3000);
  });

  it('spaces messages to one private chat by perChatPerSecond', async () => {
    const { adapter, outbox } = setup(undefined, {}, { ...FAST, perChatPerSecond: 4 });
    await outbox.sendMany(
      chat('one'),
      Array.from({ length: 8 }, (_, i) => text(`m-${i}`)),
    );
    expect(
      maxInWindow(
        adapter.calls.map((c) => c.startedAt),
        999,
      ),
    ).toBeLessThanOrEqual(4);
    expect(adapter.delivered('one')).toHaveLength(8);
  });

  it('holds a group at perGroupPerMinute while other chats go on, and close() reports what was held', async () => {
    const { adapter, outbox, lines } = setup(undefined, {}, { ...FAST, perGroupPerMinute: 3 });
    const group = outbox.sendMany(
      chat('g', 'group'),
      Array.from({ length: 4 }, (_, i) => text(`g-${i}`)),
    );
    const privates = await outbox.sendMany(
      chat('p'),
      Array.from({ length: 5 }, (_, i) => text(`p-${i}`)),
    );
    expect(privates.every((r) => r.status === 'sent')).toBe(true);
    expect(adapter.delivered('g')).toEqual(['g-0', 'g-1', 'g-2']);

    await outbox.close();
    const results = await group;
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'failed']);
    expect(outbox.stats.failedTransient).toBe(1);
    expect(lines.find((l) => l.kind === 'closed')).toMatchObject({ chatId: 'g' });
  });

  it('idle() waits for every message; close() leaves no timer behind', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const { adapter, outbox } = setup(undefined, {}, { ...FAST, perChatPerSecond: 10 });
    void outbox.sendMany(
      chat('i'),
      Array.from({ length: 15 }, (_, i) => text(`m-${i}`)),
    );
    await outbox.idle();
    expect(adapter.delivered('i')).toHaveLength(15);
    await outbox.close();
    expect(timers()).toBeLessThanOrEqual(before);
    expect(await outbox.send(chat('i'), text('late'))).toMatchObject({ status: 'failed', permanent: false });
  });

  it('fails a message for a channel without adapter, without throwing', async () => {
    const { outbox } = setup();
    const result = await outbox.send({ channel: 'zalo', chatId: 'z', kind: 'private' }, text('hi'));
    expect(result).toMatchObject({ status: 'failed', attempts: 0, permanent: true });
    expect(outbox.stats.byChannel.zalo?.failedPermanent).toBe(1);
  });
});
