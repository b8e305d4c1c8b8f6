import { afterEach, describe, expect, it } from 'vitest';
import { telegramTestBed, until, type TelegramTestBed } from './harness.ts';

let bed: TelegramTestBed | undefined;
afterEach(async () => {
  await bed?.close();
});

describe('Telegram long polling after a 409 Conflict', () => {
  it('keeps polling (another process was still polling during a deploy) and receives what comes next', async () => {
    bed = await telegramTestBed({ start: false });
    bed.fake.failNext('getUpdates', { status: 409, description: 'Conflict: terminated by other getUpdates request' });
    const received = bed.received;
    await bed.adapter.start(async (message) => void received.push(message));
    bed.fake.sendText({ userId: 42, text: 'xin chào' });
    await until(() => received.length > 0, 10_000, 'the message after the conflict');
    expect(received[0]).toMatchObject({ type: 'text', text: 'xin chào' });
  });
});
