import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegramServer } from '../../support/fake-telegram/fake-telegram-server.ts';
import { until } from './harness.ts';

/** Calls the fake's Bot API directly with fetch (JSON body). */
async function api(fake: FakeTelegramServer, method: string, params: Record<string, unknown> = {}, signal?: AbortSignal) {
  const response = await fetch(`${fake.apiRoot}/bot${fake.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
    ...(signal && { signal }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      ok: boolean;
      result?: any;
      error_code?: number;
      description?: string;
      parameters?: { retry_after?: number };
    },
  };
}

describe('FakeTelegramServer', () => {
  let fake: FakeTelegramServer;
  afterEach(async () => fake?.close());

  it('holds getUpdates until an update arrives, honours offset and confirms', async () => {
    fake = await FakeTelegramServer.start();
    const held = api(fake, 'getUpdates', { offset: 0, timeout: 30 });
    await until(() => fake.heldPolls === 1, 5000, 'the held getUpdates');
    const id = fake.sendText({ userId: 1, text: 'hi' });
    const first = await held;
    expect(first.body.result.map((u: { update_id: number }) => u.update_id)).toEqual([id]);
    // Not confirmed yet: the same update comes again until the offset passes it.
    expect((await api(fake, 'getUpdates', { offset: id })).body.result).toHaveLength(1);
    expect((await api(fake, 'getUpdates', { offset: id + 1 })).body.result).toEqual([]);
    expect(fake.pendingUpdates).toBe(0);
  });

  it('answers an empty list when the timeout passes, and releases held calls on close', async () => {
    fake = await FakeTelegramServer.start();
    const started = Date.now();
    expect((await api(fake, 'getUpdates', { timeout: 1 })).body.result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const held = api(fake, 'getUpdates', { timeout: 50 });
    await until(() => fake.heldPolls === 1, 5000, 'the held getUpdates');
    await fake.close();
    expect((await held).body.result).toEqual([]);
  });

  it('honours limit and refuses getUpdates while a webhook is set', async () => {
    fake = await FakeTelegramServer.start();
    for (let i = 0; i < 3; i++) fake.sendText({ userId: 1, text: `t${i}` });
    expect((await api(fake, 'getUpdates', { limit: 2 })).body.result).toHaveLength(2);
    await api(fake, 'setWebhook', { url: 'http://127.0.0.1:1/hook', secret_token: 'abc' });
    expect(fake.webhook).toEqual({ url: 'http://127.0.0.1:1/hook', secretToken: 'abc' });
    expect((await api(fake, 'getUpdates')).body.error_code).toBe(409);
  });

  it('injects failures and rate limits', async () => {
    fake = await FakeTelegramServer.start();
    fake.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 4', retryAfter: 4 }, 2);
    for (let i = 0; i < 2; i++) {
      const { status, body } = await api(fake, 'sendMessage', { chat_id: 1, text: 'x' });
      expect(status).toBe(429);
      expect(body.parameters?.retry_after).toBe(4);
    }
    expect((await api(fake, 'sendMessage', { chat_id: 1, text: 'x' })).body.ok).toBe(true);
    fake.rateLimit({ perSecond: 2, retryAfter: 1 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api(fake, 'sendMessage', { chat_id: 1, text: `r${i}` })).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(fake.messagesTo(1).map((m) => m.text)).toEqual(['x', 'r0', 'r1']);
  });

  it('validates like Telegram: empty text, long text, callback data, unknown methods and tokens', async () => {
    fake = await FakeTelegramServer.start();
    expect((await api(fake, 'sendMessage', { chat_id: 1, text: ' ' })).body.description).toMatch(/text is empty/);
    expect((await api(fake, 'sendMessage', { chat_id: 1, text: 'x'.repeat(4097) })).body.description).toMatch(/too long/);
    const keyboard = { inline_keyboard: [[{ text: 'A', callback_data: 'x'.repeat(65) }]] };
    expect((await api(fake, 'sendMessage', { chat_id: 1, text: 'a', reply_markup: keyboard })).body.description).toMatch(
      /BUTTON_DATA_INVALID/,
    );
    expect((await api(fake, 'noSuchMethod')).body.error_code).toBe(404);
    const wrongToken = await fetch(`${fake.apiRoot}/bot1:nope/getMe`);
    expect(wrongToken.status).toBe(401);
  });

  it('accepts form bodies and waits for new messages per chat', async () => {
    fake = await FakeTelegramServer.start();
    const form = new URLSearchParams({ chat_id: '7', text: 'Chào bạn' });
    await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, { method: 'POST', body: form });
    expect((await fake.waitForMessage(7, 'Chào')).text).toBe('Chào bạn');
    const later = fake.waitForMessage(7, /bạn/);
    await api(fake, 'sendMessage', { chat_id: 7, text: 'Tạm biệt bạn' });
    expect((await later).text).toBe('Tạm biệt bạn');
    await expect(fake.waitForMessage(7, 'bạn', 50)).rejects.toThrow(/timed out.*\n.*Sent so far/s);
  });
});
