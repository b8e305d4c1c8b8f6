import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentDeliveryError, RateLimitedError, TransientDeliveryError } from '../../../src/core/delivery-errors.ts';
import { TelegramAdapter } from '../../../src/channels/telegram/telegram-adapter.ts';
import { freePort } from '../../support/fake-telegram/free-port.ts';
import { telegramTestBed, type TelegramTestBed } from './harness.ts';

describe('TelegramAdapter error mapping (through real HTTP)', () => {
  let bed: TelegramTestBed;
  afterEach(async () => bed?.close());

  const cases = [
    {
      status: 429,
      description: 'Too Many Requests: retry after 7',
      retryAfter: 7,
      expected: RateLimitedError,
      fields: { retryAfterMs: 7000, code: 429 },
    },
    {
      status: 403,
      description: 'Forbidden: bot was blocked by the user',
      expected: PermanentDeliveryError,
      fields: { reason: 'blocked', code: 403 },
    },
    { status: 403, description: 'Forbidden: user is deactivated', expected: PermanentDeliveryError, fields: { reason: 'blocked' } },
    {
      status: 400,
      description: 'Bad Request: chat not found',
      expected: PermanentDeliveryError,
      fields: { reason: 'not_found', code: 400 },
    },
    { status: 400, description: "Bad Request: can't parse entities", expected: PermanentDeliveryError, fields: { reason: 'invalid' } },
    { status: 401, description: 'Unauthorized', expected: PermanentDeliveryError, fields: { reason: 'unauthorized' } },
    { status: 500, description: 'Internal Server Error', expected: TransientDeliveryError, fields: { code: 500 } },
    { status: 502, description: 'Bad Gateway', expected: TransientDeliveryError, fields: { code: 502 } },
  ] as const;

  it.each(cases)('$status $description → $expected.name', async ({ status, description, expected, fields, ...rest }) => {
    bed = await telegramTestBed();
    bed.fake.failNext('sendMessage', { status, description, ...('retryAfter' in rest && { retryAfter: rest.retryAfter }) });
    const delivery = bed.adapter.deliver('42', { type: 'text', text: 'xin chào' });
    await expect(delivery).rejects.toBeInstanceOf(expected);
    await expect(bed.adapter.deliver('42', { type: 'text', text: 'lần sau' })).resolves.toBeUndefined();
    bed.fake.failNext('sendMessage', { status, description, ...('retryAfter' in rest && { retryAfter: rest.retryAfter }) });
    await expect(bed.adapter.deliver('42', { type: 'text', text: 'xin chào' })).rejects.toMatchObject(fields);
  });

  it('maps failures of documents and command menus too', async () => {
    bed = await telegramTestBed();
    bed.fake.failNext('sendDocument', { status: 403, description: 'Forbidden: bot was kicked from the group chat' });
    await expect(
      bed.adapter.deliver('-5', { type: 'file', fileName: 'a.txt', mimeType: 'text/plain', content: Buffer.from('a') }),
    ).rejects.toMatchObject({ kind: 'permanent', reason: 'blocked' });
    await expect(bed.adapter.setCommands([{ command: 'Báo_cáo', description: 'x' }])).rejects.toMatchObject({
      kind: 'permanent',
      reason: 'invalid',
    });
  });

  it('maps a refused connection to TransientDeliveryError', async () => {
    const port = await freePort();
    const adapter = new TelegramAdapter({
      token: '1:x',
      apiRoot: `http://127.0.0.1:${port}`,
      mode: { kind: 'polling' },
      logger: pino({ level: 'silent' }),
    });
    const delivery = adapter.deliver('42', { type: 'text', text: 'xin chào' });
    await expect(delivery).rejects.toBeInstanceOf(TransientDeliveryError);
    await expect(delivery).rejects.toMatchObject({ message: expect.not.stringContaining('1:x') });
  });
});
