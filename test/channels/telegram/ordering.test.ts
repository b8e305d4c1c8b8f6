import { UpdateNotTakenError } from '../../../src/core/update-not-taken.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/core/messages.ts';
import { telegramTestBed, until, type TelegramTestBed } from './harness.ts';

/** A promise with its resolve function, to hold a handler until the test lets it go. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const textOf = (m: InboundMessage): string => (m.type === 'text' ? m.text : m.type);

describe('TelegramAdapter per-chat ordering', () => {
  let bed: TelegramTestBed;
  afterEach(async () => bed?.close());

  it('processes one chat strictly in order, one message at a time, even when the first is slow', async () => {
    const first = gate();
    const started: string[] = [];
    const finished: string[] = [];
    let running = 0;
    let maxRunning = 0;
    bed = await telegramTestBed({
      start: false,
    });
    // Queue the whole batch before polling starts, so getUpdates returns the five texts at once.
    for (let i = 1; i <= 5; i++) bed.fake.sendText({ userId: 10, text: `m${i}` });
    await bed.adapter.start(async (message) => {
      const text = textOf(message);
      started.push(text);
      running++;
      maxRunning = Math.max(maxRunning, running);
      if (text === 'm1') await first.promise;
      running--;
      finished.push(text);
    });
    await until(() => started.length === 1);
    expect(started).toEqual(['m1']);
    first.open();
    await until(() => finished.length === 5);
    expect(finished).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(maxRunning).toBe(1);
  });

  it('lets another chat go ahead while one chat waits on a slow handler', async () => {
    const slow = gate();
    const finished: string[] = [];
    bed = await telegramTestBed({ start: false });
    bed.fake.sendText({ userId: 1, text: 'a1' });
    bed.fake.sendText({ userId: 2, text: 'b1' });
    bed.fake.sendText({ userId: 1, text: 'a2' });
    bed.fake.sendText({ userId: 2, text: 'b2' });
    await bed.adapter.start(async (message) => {
      if (textOf(message) === 'a1') await slow.promise;
      finished.push(textOf(message));
    });
    await until(() => finished.length === 2);
    expect(finished).toEqual(['b1', 'b2']);
    slow.open();
    await until(() => finished.length === 4);
    expect(finished).toEqual(['b1', 'b2', 'a1', 'a2']);
  });

  it('logs an update the handler could not take and fetches it again, without confirming it', async () => {
    let failures = 0;
    bed = await telegramTestBed({
      handler: async (message) => {
        if (textOf(message) === 'boom' && failures++ === 0) throw new UpdateNotTakenError(message.updateKey);
      },
    });
    bed.fake.sendText({ userId: 4, text: 'boom' });
    await until(() => bed.logs.some((r) => r.msg === 'Telegram update handling failed'));
    const record = bed.logs.find((r) => r.msg === 'Telegram update handling failed');
    expect(record).toMatchObject({ level: 50, err: { type: 'UpdateNotTakenError' } });
    // The same update again (the core recognises what it already handled), then what came next.
    await until(() => bed.received.filter((m) => textOf(m) === 'boom').length === 2, 10_000);
    bed.fake.sendText({ userId: 4, text: 'and again' });
    await until(() => bed.received.some((m) => textOf(m) === 'and again'));
    expect(bed.received.map(textOf)).toEqual(['boom', 'boom', 'and again']);
  });
});
