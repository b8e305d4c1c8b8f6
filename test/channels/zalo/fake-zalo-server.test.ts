import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZaloApiClient } from '../../../src/channels/zalo/zalo-api-client.ts';
import { ZaloApiError } from '../../../src/channels/zalo/zalo-errors.ts';
import { FakeZaloServer } from '../../support/fake-zalo/fake-zalo-server.ts';

let fake: FakeZaloServer;
let client: ZaloApiClient;
beforeEach(async () => {
  fake = await FakeZaloServer.start();
  client = new ZaloApiClient(fake.token, fake.apiRoot);
});
afterEach(async () => {
  await fake.close();
});

/** These pin the fake to what the Zalo Bot API documents, so adapter tests against it mean something. */
describe('FakeZaloServer', () => {
  it('answers getMe only with the right token', async () => {
    await expect(client.call('getMe')).resolves.toMatchObject({ account_name: expect.any(String) });
    await expect(new ZaloApiClient('bad', fake.apiRoot).call('getMe')).rejects.toMatchObject({ errorCode: 401 });
  });

  it('returns one update per getUpdates call, wrapped in the envelope, and 408 when empty after `timeout`', async () => {
    fake.sendText({ userId: 'u1', text: 'một' });
    fake.sendText({ userId: 'u1', text: 'hai' });
    await expect(client.call('getUpdates', { timeout: '1' })).resolves.toMatchObject({
      event_name: 'message.text.received',
      message: { text: 'một' },
    });
    await expect(client.call('getUpdates', { timeout: '1' })).resolves.toMatchObject({ message: { text: 'hai' } });
    const started = Date.now();
    const empty = await client.call('getUpdates', { timeout: '1' }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(empty).toBeInstanceOf(ZaloApiError);
    expect((empty as ZaloApiError).isEmptyPoll).toBe(true);
  });

  it('hands an update to a poll already waiting', async () => {
    const poll = client.call('getUpdates', { timeout: '5' });
    await fake.waitFor(() => fake.pendingPolls === 1);
    const id = fake.sendText({ userId: 'u2', text: 'đến ngay' });
    await expect(poll).resolves.toMatchObject({ message: { message_id: id } });
  });

  it('checks setWebhook parameters as Zalo does (secret of 8 to 256 characters)', async () => {
    await expect(client.call('setWebhook', { url: 'https://bot.example.org/zalo', secret_token: 'short' })).rejects.toMatchObject({
      errorCode: 400,
    });
    await client.call('setWebhook', { url: 'https://bot.example.org/zalo', secret_token: 'long-enough' });
    expect(fake.webhook).toEqual({ url: 'https://bot.example.org/zalo', secretToken: 'long-enough' });
    await client.call('deleteWebhook');
    expect(fake.webhook).toBeNull();
  });

  it('accepts 2,000 characters and refuses 2,001', async () => {
    await client.call('sendMessage', { chat_id: 'c', text: 'x'.repeat(2000) });
    await expect(client.call('sendMessage', { chat_id: 'c', text: 'x'.repeat(2001) })).rejects.toMatchObject({ errorCode: 400 });
    await expect(client.call('sendMessage', { chat_id: 'c', text: '' })).rejects.toMatchObject({ errorCode: 400 });
    expect(fake.textsTo('c')).toHaveLength(1);
  });

  it('rate-limits sends with 429 and a retry time', async () => {
    fake.rateLimit({ perSecond: 2, retryAfter: 4 });
    await client.call('sendMessage', { chat_id: 'c', text: '1' });
    await client.call('sendMessage', { chat_id: 'c', text: '2' });
    await expect(client.call('sendMessage', { chat_id: 'c', text: '3' })).rejects.toMatchObject({ errorCode: 429, retryAfterSec: 4 });
    fake.rateLimit(null);
    await client.call('sendMessage', { chat_id: 'c', text: '4' });
  });

  it('waitForMessage returns each matching message once, in order', async () => {
    await client.call('sendMessage', { chat_id: 'c', text: 'Đã nhận báo cáo 1' });
    await client.call('sendMessage', { chat_id: 'c', text: 'Đã nhận báo cáo 2' });
    expect((await fake.waitForMessage('c', /báo cáo/)).text).toBe('Đã nhận báo cáo 1');
    expect((await fake.waitForMessage('c', /báo cáo/)).text).toBe('Đã nhận báo cáo 2');
    fake.mark('c');
    await expect(fake.waitForMessage('c', /báo cáo/, 50)).rejects.toThrow(/timed out/);
  });
});
