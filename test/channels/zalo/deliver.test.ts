import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentDeliveryError, RateLimitedError, TransientDeliveryError } from '../../../src/core/delivery-errors.ts';
import { ZaloAdapter } from '../../../src/channels/zalo/zalo-adapter.ts';
import { FakeZaloServer } from '../../support/fake-zalo/fake-zalo-server.ts';
import { memoryLogger, zaloTranslator } from './helpers.ts';

let fake: FakeZaloServer;
let adapter: ZaloAdapter;
const translator = zaloTranslator();

beforeEach(async () => {
  fake = await FakeZaloServer.start();
  adapter = new ZaloAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    mode: { kind: 'polling' },
    logger: memoryLogger().logger,
    translator,
  });
});
afterEach(async () => {
  await fake.close();
});

describe('ZaloAdapter.deliver', () => {
  it('sends text longer than 2,000 characters as several messages Zalo accepts, in order', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `${i + 1}. Chi đoàn ${i + 1}: 25 đoàn viên tham gia.`);
    await adapter.deliver('c1', { type: 'text', text: lines.join('\n') });
    const texts = fake.textsTo('c1');
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.every((text) => text.length <= 2000)).toBe(true);
    expect(texts.join('\n')).toBe(lines.join('\n'));
  });

  it('resumes a long message where it failed when the same message is retried, without repeating parts', async () => {
    const message = {
      type: 'text' as const,
      text: Array.from({ length: 150 }, (_, i) => `Dòng ${i + 1}: báo cáo của chi đoàn.`).join('\n'),
    };
    await adapter.deliver('c0', message);
    const expected = fake.textsTo('c0');
    expect(expected.length).toBeGreaterThan(1);
    // The first part goes through, the second is rate limited; the retry goes on from the second.
    fake.rateLimit({ perSecond: 1 });
    const error = await adapter.deliver('c1', message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(fake.textsTo('c1')).toEqual(expected.slice(0, 1));
    fake.rateLimit(null);
    await adapter.deliver('c1', message);
    expect(fake.textsTo('c1')).toEqual(expected);
  });

  it('is held to the 2,000-character limit by the fake, as by Zalo', async () => {
    const small = new ZaloAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      mode: { kind: 'polling' },
      logger: memoryLogger().logger,
      translator,
      maxTextLength: 5000,
    });
    const error = await small.deliver('c1', { type: 'text', text: 'x'.repeat(2001) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect((error as PermanentDeliveryError).reason).toBe('invalid');
  });

  it('sends choices as numbered lines with the hint', async () => {
    await adapter.deliver('c2', {
      type: 'choices',
      text: 'Đơn vị của bạn?',
      choices: [
        { id: 'u1', label: 'Chi đoàn A' },
        { id: 'u2', label: 'Chi đoàn B' },
      ],
    });
    const [text] = fake.textsTo('c2');
    expect(text).toContain('1. Chi đoàn A\n2. Chi đoàn B');
    expect(text).toContain(translator.t('vi', 'zalo.choices.hint'));
  });

  it('sends a photo by URL, and its link as text when Zalo refuses the picture', async () => {
    await adapter.deliver('c3', { type: 'photo', url: 'https://example.org/a.png', caption: 'Biểu đồ' });
    expect(fake.messagesTo('c3')).toMatchObject([{ method: 'sendPhoto', photo: 'https://example.org/a.png', caption: 'Biểu đồ' }]);

    fake.failNext('sendPhoto', { errorCode: 400, description: 'Bad Request: cannot download photo' });
    await adapter.deliver('c4', { type: 'photo', url: 'https://example.org/b.png' });
    expect(fake.messagesTo('c4')).toMatchObject([{ method: 'sendMessage', text: expect.stringContaining('https://example.org/b.png') }]);
  });

  it('says a file cannot be sent, naming it', async () => {
    await adapter.deliver('c5', { type: 'file', fileName: 'bao-cao.xlsx', mimeType: 'application/octet-stream', content: Buffer.from('') });
    expect(fake.textsTo('c5')).toEqual([translator.t('vi', 'zalo.file.notSent', { fileName: 'bao-cao.xlsx' })]);
  });

  it('throws RateLimitedError with Zalo’s retry time on 429', async () => {
    fake.rateLimit({ perSecond: 1 });
    await adapter.deliver('c6', { type: 'text', text: 'một' });
    const error = await adapter.deliver('c6', { type: 'text', text: 'hai' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(fake.textsTo('c6')).toEqual(['một']);
  });

  it('uses retry_after from an injected 429', async () => {
    fake.failNext('sendMessage', { errorCode: 429, description: 'Too Many Requests', retryAfter: 12 });
    const error = await adapter.deliver('c7', { type: 'text', text: 'x' }).catch((e: unknown) => e);
    expect((error as RateLimitedError).retryAfterMs).toBe(12_000);
  });

  it.each([
    [{ errorCode: 403, description: 'Forbidden: bot was blocked by the user' }, 'blocked'],
    [{ errorCode: 400, description: 'Bad Request: chat not found' }, 'not_found'],
    [{ errorCode: 401, description: 'Unauthorized' }, 'unauthorized'],
    [{ status: 200, errorCode: 400, description: 'Bad Request: invalid chat_id' }, 'invalid'],
  ])('records permanent failures: %j → %s', async (failure, reason) => {
    fake.failNext('sendMessage', failure);
    const error = await adapter.deliver('c8', { type: 'text', text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect((error as PermanentDeliveryError).reason).toBe(reason);
  });

  it('throws a transient error on 5xx and when Zalo cannot be reached', async () => {
    fake.failNext('sendMessage', { errorCode: 502, description: 'Bad Gateway' });
    await expect(adapter.deliver('c9', { type: 'text', text: 'x' })).rejects.toBeInstanceOf(TransientDeliveryError);
    await fake.close();
    await expect(adapter.deliver('c9', { type: 'text', text: 'x' })).rejects.toBeInstanceOf(TransientDeliveryError);
    fake = await FakeZaloServer.start();
  });

  it('refuses to send blank text', async () => {
    await expect(adapter.deliver('c10', { type: 'text', text: ' ' })).rejects.toMatchObject({ kind: 'permanent', reason: 'invalid' });
    expect(fake.calls).toEqual([]);
  });

  it('shows typing and has no invite deep link', async () => {
    await adapter.typing('c11');
    expect(fake.sent).toMatchObject([{ method: 'sendChatAction', chatId: 'c11', action: 'typing' }]);
    expect(adapter.inviteLink()).toBeUndefined();
  });
});
