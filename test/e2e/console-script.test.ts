import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Translator, type Params } from '../../src/i18n/translator.ts';
import { TEST_REDIS_URL, connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { numberOf, readScript } from './console-script-model.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = readFileSync(join(ROOT, 'examples/console-demo.txt'), 'utf8');
const RUN_TIMEOUT_MS = 90_000;

const translator = Translator.fromDirectory(join(ROOT, 'locales'));
const t = (key: string, params?: Params) => translator.t('vi', key, params);

interface FormQuestion {
  id: string;
  type: string;
  label?: string;
  prompt: string;
}
const form = parse(readFileSync(join(ROOT, 'flows/_forms/qttn-report.yaml'), 'utf8')) as { questions: FormQuestion[] };
const numericQuestions = form.questions.filter((q) => q.type === 'integer' || q.type === 'decimal');

/** A locale text as a pattern: the given params filled in, every other `{param}` matching anything on the line. */
function textPattern(key: string, params?: Params): RegExp {
  const template = t(key, params);
  const parts = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.*?'), 'g');
}

/** Runs `src/main.ts` as `npm start` does, with the script on standard input; resolves when it exits. */
function runBot(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`doanbot did not exit within ${RUN_TIMEOUT_MS} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, RUN_TIMEOUT_MS);
    child.once('error', fail);
    child.once('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(script);
  });
}

describe('the console demo script piped into npm start', () => {
  const prefix = uniquePrefix('e2e-console');
  const dataDir = mkdtempSync(join(tmpdir(), 'doanbot-e2e-console-'));
  const redis = connectTestRedis();

  afterAll(async () => {
    await deleteByPrefix(redis, prefix);
    await redis.quit();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const model = readScript(SCRIPT, new Set(numericQuestions.map((q) => q.id)));
  const run = () =>
    runBot(SCRIPT, {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      DATA_DIR: dataDir,
      CONSOLE: 'on',
    });
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run();
  }, RUN_TIMEOUT_MS + 10_000);

  it('runs to the end of the script and exits cleanly', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(t('core.errors.internal'));
    expect(result.stdout).toContain(t('startup.title'));
  });

  it('makes every invited person a member of the invited unit', () => {
    expect(model.unitOf.size).toBeGreaterThan(0);
    expect(result.stdout.match(textPattern('invite.joined'))).toHaveLength(model.unitOf.size);
  });

  it('explains a refused answer', () => {
    expect(model.refusedNumbers.length).toBeGreaterThan(0);
    for (const { text } of model.refusedNumbers) {
      expect(result.stdout).toContain(t('form.errors.not_a_number', { text }));
    }
  });

  it('saves every report the script sends', () => {
    expect(model.reports.length).toBeGreaterThan(0);
    const saved = [
      ...(result.stdout.match(textPattern('report.submitted')) ?? []),
      ...(result.stdout.match(textPattern('report.submitted_late')) ?? []),
    ];
    expect(saved).toHaveLength(model.reports.length);
  });

  it('shows how many units reported and names the one that did not, with its officer', () => {
    const reportedUnits = new Set(model.reports.map((r) => r.unitCode));
    const missing = model.units.filter((u) => !reportedUnits.has(u.code));
    expect(missing.length).toBeGreaterThan(0);

    expect(result.stdout).toMatch(textPattern('status.completeness', { reported: reportedUnits.size, total: model.units.length }));
    for (const unit of missing) {
      const officers = [...model.unitOf].filter(([, code]) => code === unit.code).map(([user]) => user);
      expect(result.stdout).toContain(
        t('status.unit_missing', { code: unit.code, unit: unit.name, officers: officers.join(', ') || t('status.no_officer') }),
      );
    }
    expect(result.stdout).toContain(t('status.missing_list', { units: missing.map((u) => u.name).join(', ') }));
  });

  it('totals every numeric question over the reports, with the corrected answer', () => {
    const format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
    expect(result.stdout).toContain(t('status.totals_heading', { count: model.reports.length }));
    for (const question of numericQuestions) {
      const total = model.reports.reduce((sum, report) => sum + numberOf(report.answers.get(question.id)), 0);
      expect(result.stdout).toContain(`• ${t(question.label ?? question.prompt)}: ${format.format(total)}`);
    }
  });
});
