import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import type { InboundMessage } from '../../../src/core/messages.ts';
import { TelegramAdapter, type TelegramMode } from '../../../src/channels/telegram/telegram-adapter.ts';
import { FakeTelegramServer } from '../../support/fake-telegram/fake-telegram-server.ts';

/** A pino logger whose records the test can read. */
export function captureLogger(): { logger: Logger; records: Record<string, unknown>[] } {
  const records: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      records.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), records };
}

/** A fake Bot API, an adapter pointed at it, and the inbound messages the adapter handed over. */
export interface TelegramTestBed {
  fake: FakeTelegramServer;
  adapter: TelegramAdapter;
  received: InboundMessage[];
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Builds a test bed; pass `handler` to replace the default one (which only records). */
export async function telegramTestBed(
  options: { mode?: TelegramMode; handler?: (message: InboundMessage) => Promise<void>; start?: boolean } = {},
): Promise<TelegramTestBed> {
  const fake = await FakeTelegramServer.start();
  const { logger, records } = captureLogger();
  const adapter = new TelegramAdapter({ token: fake.token, apiRoot: fake.apiRoot, mode: options.mode ?? { kind: 'polling' }, logger });
  const received: InboundMessage[] = [];
  if (options.start !== false) {
    await adapter.start(async (message) => {
      received.push(message);
      await options.handler?.(message);
    });
  }
  return {
    fake,
    adapter,
    received,
    logs: records,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** Waits until `condition()` holds, checking after every event-loop turn, for at most `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
