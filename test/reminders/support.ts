import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { waitUntil } from '../../src/infra/wait-until.ts';
import type { FakeTelegramServer, SentMessage } from '../support/fake-telegram/fake-telegram-server.ts';
import { connectTestRedis } from '../support/redis.ts';

export const ZONE = 'Asia/Ho_Chi_Minh';

/** A period of a temporary plan bundle: its unit deadline one day ahead until a test moves it. */
export interface TestPeriod {
  id: string;
  reminders: string[];
  summaries: string[];
}

/** "2027-06-10T17:00:05" in the plan zone. */
export function localTime(ms: number): string {
  return DateTime.fromMillis(ms, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** A whole second at least `leadMs` from now (the deadline a test sets with /giahan). */
export function secondsAhead(leadMs: number): number {
  return Math.ceil((Date.now() + leadMs) / 1000) * 1000;
}

/**
 * Writes a plan bundle in a temporary FLOWS_DIR (the shared form and the demo document, and a plan.yaml
 * with the given periods); returns the env to start the bot with and a cleanup.
 */
export function tempBundle(periods: TestPeriod[]): { env: Record<string, string>; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'doanbot-reminders-'));
  cpSync('flows/_forms', join(dir, '_forms'), { recursive: true });
  mkdirSync(join(dir, 'rtest'));
  cpSync('flows/demo-2027/plan.txt', join(dir, 'rtest', 'plan.txt'));
  const deadline = localTime(Date.now() + 24 * 3600_000);
  const lines = [
    'id: rtest',
    'version: 1',
    'title: { vi: "Kế hoạch thử nhắc hạn", en: "Reminder test plan" }',
    'document: plan.txt',
    'form: ../_forms/qttn-report.yaml',
    `timezone: ${ZONE}`,
    'reminderTime: "08:00"',
    'periods:',
    ...periods.flatMap((p) => [
      `  - id: ${p.id}`,
      `    title: { vi: "Báo cáo thử ${p.id}", en: "Test report ${p.id}" }`,
      `    deadlines: { unit: "${deadline}" }`,
      `    reminders: ${JSON.stringify(p.reminders)}`,
      `    summaries: ${JSON.stringify(p.summaries)}`,
    ]),
  ];
  writeFileSync(join(dir, 'rtest', 'plan.yaml'), `${lines.join('\n')}\n`);
  return { env: { FLOWS_DIR: dir, PLAN_DIR: 'rtest' }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const REMINDER = /^(⏰|⚠️ Quá hạn|⚠️ Report overdue|📣)/u;

/** Reminders (scheduled or nudges) a chat got, over one or more fake servers, oldest first. */
export function remindersTo(fakes: FakeTelegramServer[], chatId: number): SentMessage[] {
  return fakes
    .flatMap((f) => f.messagesTo(chatId))
    .filter((m) => REMINDER.test(m.text ?? ''))
    .sort((a, b) => a.at - b.at);
}

/** Messages to a chat whose text starts with `start`, over one or more fake servers. */
export function messagesStarting(fakes: FakeTelegramServer[], chatId: number, start: string): SentMessage[] {
  return fakes.flatMap((f) => f.messagesTo(chatId)).filter((m) => (m.text ?? '').startsWith(start));
}

/** Resolves once the condition holds; fails the test with `what` after `timeoutMs`. */
export async function eventually(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  if (!(await waitUntil(condition, { timeoutMs, intervalMs: 50 }))) throw new Error(`timed out waiting for ${what}`);
}

/** Resolves once the reminders queue under `prefix` has no delayed, waiting or running job of the period left. */
export async function queueDrained(prefix: string, periodId: string, timeoutMs = 15_000): Promise<void> {
  const connection = connectTestRedis();
  const queue = new Queue<{ periodId: string }>('reminders', { connection, prefix: `${prefix}bull` });
  try {
    await eventually(
      `the reminders of ${periodId} to be done`,
      async () => {
        const jobs = await queue.getJobs(['delayed', 'wait', 'active', 'prioritized']);
        return !jobs.some((job) => job?.data.periodId === periodId);
      },
      timeoutMs,
    );
  } finally {
    await queue.close();
    await connection.quit();
  }
}
