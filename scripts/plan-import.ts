/**
 * `npm run -s plan:import -- <file> [--yes]`: reads a plan document, prints what it found and the
 * reporting periods it proposes from the deadlines; with --yes, creates those periods in the bot's
 * Redis (REDIS_URL / REDIS_PREFIX as for `npm start`). A running bot plans their reminders within
 * ten minutes, a starting one at once.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { loadContent } from '../src/app/create-app.ts';
import { proposedToPeriods } from '../src/app/proposed-periods.ts';
import { toPeriod } from '../src/app/to-period.ts';
import { loadConfig } from '../src/config/config.ts';
import { formatDeadline } from '../src/core/text/dates.ts';
import { ensureRedis } from '../src/infra/embedded-redis.ts';
import { proposePeriods, readPlanFile, summarizeImport } from '../src/qa/index.ts';
import { createStores } from '../src/store/stores.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  process.stderr.write('usage: npm run -s plan:import -- <file.txt|.md|.docx|.pdf> [--yes]\n');
  process.exit(2);
}
const config = loadConfig(process.env);
const { translator, bundle } = loadContent(config);
const t = (key: string, params?: Record<string, string | number>) => translator.t('vi', key, params);
const doc = await readPlanFile(file);
const periods = proposedToPeriods(proposePeriods(doc), config.timezone);
const out = (line = '') => process.stdout.write(`${line}\n`);

out(summarizeImport(doc, 'vi', t));
out();
out(periods.length ? t('documents.proposed_periods') : t('documents.no_deadlines'));
for (const p of periods) out(`  ${p.id}: ${p.title.vi} — ${t('report.deadline_short', { deadline: formatDeadline(p, config.timezone) })}`);
if (!args.includes('--yes') || periods.length === 0) {
  if (periods.length) out(`\n${t('cli.import_confirm_hint')}`);
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
  const stores = createStores(redis, config.redis.prefix, bundle.periods.map(toPeriod));
  const created: string[] = [];
  for (const period of periods) if (await stores.periods.addImported(period)) created.push(period.id);
  out(`\n${t('cli.imported', { count: created.length, ids: created.join(', ') || '—' })}`);
  out(t('cli.import_reminders_hint'));
} finally {
  await redis.quit();
  await choice.stop();
}
