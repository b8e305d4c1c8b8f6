import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import pino from 'pino';
import type { Logger } from 'pino';
import type { ChannelAdapter } from '../../src/core/channel.ts';
import type { ChannelName, OutboundMessage } from '../../src/core/messages.ts';

/** One call to `deliver`, as the fake adapter saw it. */
export interface DeliverCall {
  chatId: string;
  text: string;
  /** performance.now() when the call started. */
  startedAt: number;
  /** performance.now() when it answered (after the simulated latency). */
  endedAt: number;
  outcome: 'ok' | Error;
}

/** Decides the fate of a call: return nothing to deliver, or an error to throw. Called once per attempt. */
export type Script = (chatId: string, text: string, attempt: number) => Error | undefined;

/**
 * An in-memory channel adapter for the outbound path's unit tests. It answers after `latencyMs`
 * of simulated network time and records every call; `script` decides which calls fail.
 */
export class FakeAdapter implements ChannelAdapter {
  readonly calls: DeliverCall[] = [];
  private readonly attemptsByText = new Map<string, number>();

  constructor(
    readonly channel: ChannelName = 'telegram',
    private readonly script: Script = () => undefined,
    private readonly latencyMs = 2,
  ) {}

  /** The texts delivered to one chat, in delivery order. */
  delivered(chatId?: string): string[] {
    return this.calls.filter((c) => c.outcome === 'ok' && (chatId === undefined || c.chatId === chatId)).map((c) => c.text);
  }

  async deliver(chatId: string, message: OutboundMessage): Promise<void> {
    const text =
      message.type === 'file' || message.type === 'image' ? message.fileName : message.type === 'photo' ? message.url : message.text;
    const key = `${chatId}\u0000${text}`;
    const attempt = (this.attemptsByText.get(key) ?? 0) + 1;
    this.attemptsByText.set(key, attempt);
    const startedAt = performance.now();
    await delay(this.latencyMs);
    const error = this.script(chatId, text, attempt);
    this.calls.push({ chatId, text, startedAt, endedAt: performance.now(), outcome: error ?? 'ok' });
    if (error) throw error;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  inviteLink(): string | undefined {
    return undefined;
  }
}

/** A pino logger whose JSON lines are kept in `lines`, for asserting what was logged. */
export function memoryLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

/** Polls `condition` every few milliseconds until it holds, failing after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await delay(5);
  }
}

/** The largest number of calls that started within any window of `windowMs`. */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while ((sorted[to] ?? 0) - (sorted[from] ?? 0) >= windowMs) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}
