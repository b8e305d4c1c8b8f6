import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localTime } from '../reminders/support.ts';

/** A plan of a temporary FLOWS_DIR: its id, Vietnamese title, periods (deadline in hours from now) and form. */
export interface TestPlanBundle {
  id: string;
  title: string;
  form?: string;
  document?: string;
  periods: { id: string; title: string; hoursAhead: number; reminders?: string[]; summaries?: string[] }[];
}

/** A two-question form (clubs, awareness sessions) so that a test report is quick. */
const MINI_FORM = `id: mini
version: 1
title: form.qttn.title
questions:
  - { id: clubs, type: integer, prompt: form.qttn.clubs.prompt, label: form.qttn.clubs.label, min: 0, max: 1000 }
  - { id: propaganda_sessions, type: integer, prompt: form.qttn.propaganda_sessions.prompt, label: form.qttn.propaganda_sessions.label, min: 0, max: 1000 }
`;

/**
 * Writes several plan bundles in a temporary FLOWS_DIR (the shipped form, a two-question form "mini",
 * and each plan with its periods); returns the env to start the bot with (the first plan is PLAN_DIR).
 */
export function tempPlans(plans: TestPlanBundle[]): { env: Record<string, string>; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'doanbot-plans-'));
  cpSync('flows/_forms', join(dir, '_forms'), { recursive: true });
  writeFileSync(join(dir, '_forms', 'mini.yaml'), MINI_FORM);
  for (const plan of plans) {
    mkdirSync(join(dir, plan.id));
    writeFileSync(join(dir, plan.id, 'plan.txt'), plan.document ?? `KẾ HOẠCH\n${plan.title}\n`);
    const lines = [
      `id: ${plan.id}`,
      'version: 1',
      `title: { vi: "${plan.title}", en: "${plan.title}" }`,
      'document: plan.txt',
      `form: ../_forms/${plan.form ?? 'mini'}.yaml`,
      'periods:',
      ...plan.periods.flatMap((p) => [
        `  - id: ${p.id}`,
        `    title: { vi: "${p.title}", en: "${p.title}" }`,
        `    deadlines: { unit: "${localTime(Date.now() + p.hoursAhead * 3600_000)}" }`,
        ...(p.reminders ? [`    reminders: ${JSON.stringify(p.reminders)}`] : []),
        ...(p.summaries ? [`    summaries: ${JSON.stringify(p.summaries)}`] : []),
      ]),
    ];
    writeFileSync(join(dir, plan.id, 'plan.yaml'), `${lines.join('\n')}\n`);
  }
  return {
    env: { FLOWS_DIR: dir, PLAN_DIR: plans[0]!.id },
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
