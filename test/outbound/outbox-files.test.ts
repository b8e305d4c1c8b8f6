import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../src/channels/telegram/telegram-adapter.ts';
import type { ChatRef, OutboundMessage } from '../../src/core/messages.ts';
import { Outbox } from '../../src/outbound/outbox.ts';
import { FakeTelegramServer } from '../support/fake-telegram/fake-telegram-server.ts';

/** Files and pictures take the one outbound path like text: retries, permanent failures, order. */
const logger = pino({ level: 'silent' });
let fake: FakeTelegramServer;
let outbox: Outbox;
const permanent: ChatRef[] = [];

const chat = (id: number): ChatRef => ({ channel: 'telegram', chatId: String(id), kind: 'private' });
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const chart: OutboundMessage = { type: 'image', fileName: 'bieu-do.png', content: png, caption: 'Biểu đồ' };
const workbook: OutboundMessage = {
  type: 'file',
  fileName: 'tong-hop.xlsx',
  mimeType: 'application/octet-stream',
  content: Buffer.from('xlsx'),
};

beforeEach(async () => {
  fake = await FakeTelegramServer.start();
  permanent.length = 0;
  const adapter = new TelegramAdapter({ token: fake.token, apiRoot: fake.apiRoot, mode: { kind: 'polling' }, logger });
  outbox = new Outbox([adapter], {
    logger,
    limits: { telegram: { globalPerSecond: 30, perChatPerSecond: 100, perGroupPerMinute: 20 } },
    baseBackoffMs: 20,
    onPermanentFailure: (to) => void permanent.push(to),
  });
});

afterEach(async () => {
  await outbox.close();
  await fake.close();
});

describe('files and pictures through the outbound path', () => {
  it('retries a picture and a file after server errors and delivers each once, after the text, in order', async () => {
    fake.failNext('sendPhoto', { status: 502, description: 'Bad Gateway' });
    fake.failNext('sendDocument', { status: 500, description: 'Internal Server Error' }, 2);
    const results = await outbox.sendMany(chat(301), [{ type: 'text', text: 'Tổng hợp' }, chart, workbook]);
    expect(results).toMatchObject([{ status: 'sent' }, { status: 'sent' }, { status: 'sent' }]);
    const sent = fake.messagesTo(301);
    expect(sent.map((m) => m.method)).toEqual(['sendMessage', 'sendPhoto', 'sendDocument']);
    expect(sent[1]?.photoContent?.equals(png)).toBe(true);
    expect(sent[1]?.caption).toBe('Biểu đồ');
    expect(sent[2]?.document?.fileName).toBe('tong-hop.xlsx');
    expect(outbox.stats.retried).toBeGreaterThanOrEqual(3);
  });

  it('does not retry a picture refused for good, and records the permanent failure', async () => {
    fake.failNext('sendPhoto', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    const [result] = await outbox.sendMany(chat(302), [chart]);
    expect(result).toMatchObject({ status: 'failed', permanent: true });
    expect(fake.messagesTo(302)).toEqual([]);
    expect(permanent).toEqual([chat(302)]);
  });
});
