/**
 * `npm run -s plan:import -- <file> [--yes]`: reads a plan document, prints what it found and the
 * reporting periods it proposes from the deadlines; with --yes, creates a new plan with those periods
 * (its document kept for questions, the default form) in the bot's Redis (REDIS_URL / REDIS_PREFIX as for `npm start`). A running bot plans their reminders within
 * ten minutes, a starting one at once.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { loadContent } from '../src/app/load-content.ts';
import { readPlanImport } from '../src/app/plan-services.ts';
import { planFromDraft } from '../src/core/plans/new-plan.ts';
import { DEFAULT_REMINDER_TIME } from '../src/plan-bundle/plan-schema.ts';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { formatDeadline } from '../src/core/text/dates.ts';
import { ensureRedis } from '../src/infra/embedded-redis.ts';
import { createStores } from '../src/store/stores.ts';
import { sayText } from '../src/flow/form-text.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  process.stderr.write('usage: npm run -s plan:import -- <file.txt|.md|.docx|.pdf> [--yes]\n');
  process.exit(2);
}
const config = loadConfig(process.env);
const { translator, content, forms } = loadContent(config);
const t = (key: string, params?: Record<string, string | number>) => translator.t('vi', key, params);
const found = await readPlanImport(await readFile(file), basename(file), 'vi', translator, config.timezone);
const out = (line = '') => process.stdout.write(`${line}\n`);

out(found.summary);
out();
out(found.periods.length ? t('plans.import.proposed', { title: found.draft.title }) : t('documents.no_deadlines'));
for (const p of found.periods) {
  const province = p.provinceDeadline
    ? `; ${t('plans.import.province_deadline', { deadline: formatDeadline({ unitDeadline: p.provinceDeadline, deadlineIsDateOnly: p.deadlineIsDateOnly }, config.timezone) })}`
    : '';
  out(`  • ${p.title.vi} — ${t('report.deadline_short', { deadline: formatDeadline(p, config.timezone) })}${province}`);
}
if (!args.includes('--yes') || found.periods.length === 0) {
  if (found.periods.length) out(`\n${t('cli.import_confirm_hint')}`);
  process.exit(0);
}

const choice = await ensureRedis({
  ...(config.redis.url ? { configuredUrl: config.redis.url } : {}),
  localUrl: config.redis.localUrl,
  dataDir: config.redis.dataDir,
  logger: pino({ level: 'silent' }),
});
const redis = new Redis(choice.url, { maxRetriesPerRequest: null });
try {
  const stores = createStores(redis, config.redis.prefix, content);
  const [plans, periods] = await Promise.all([stores.plans.list(), stores.periods.list()]);
  const form = forms.get(forms.defaultId)!;
  const created = planFromDraft(found.draft, found.periods, {
    formId: form.id,
    timezone: config.timezone,
    reminderTime: DEFAULT_REMINDER_TIME,
    createdBy: 'plan:import',
    now: new Date(),
    takenPlanIds: new Set(plans.map((p) => p.id)),
    takenPeriodIds: new Set(periods.map((p) => p.id)),
  });
  const ok = await stores.plans.create(created.plan, found.draft.documentText, created.periods);
  out(
    `\n${
      ok
        ? t('plans.import.created', {
            count: created.periods.length,
            ids: created.periods.map((p) => p.id).join(', '),
            title: created.plan.title.vi,
            id: created.plan.id,
            form: sayText(form.title, t),
          })
        : t('plans.import.taken', { id: created.plan.id })
    }`,
  );
  out(t('cli.import_reminders_hint'));
} finally {
  await redis.quit();
  await choice.stop();
}
