import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { IANAZone } from 'luxon';
import { parse as parseYaml } from 'yaml';
import { parseFormSpec } from '../flow/form-spec.ts';
import { SpecError, formatPath, type SpecIssue } from '../flow/spec-error.ts';
import { addDays, resolveInstant } from './instants.ts';
import type { PeriodDef, PlanBundle } from './bundle-types.ts';
import { SUPPORTED_PLAN_VERSION, planSchema, rawPeriodSchema, type RawPeriod } from './plan-schema.ts';
import { expandSeries } from './series.ts';

export interface LoadBundleOptions {
  /** The zone used when plan.yaml gives none (from config). */
  defaultTimezone: string;
  /** Whether a locale key exists (Translator.has), to check the form's texts. */
  hasKey: (key: string) => boolean;
}

/** How long late reports are accepted after the unit deadline when a period gives no `closes`. */
export const DEFAULT_CLOSE_AFTER_DAYS = 30;

/**
 * Reads and checks one bundle folder: plan.yaml, its document and its form.
 * @throws SpecError naming the file and field at fault.
 */
export function loadBundle(dir: string, opts: LoadBundleOptions): PlanBundle {
  const source = join(dir, 'plan.yaml');
  const raw = readYaml(source);
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SUPPORTED_PLAN_VERSION) {
    throw new SpecError(source, [
      { path: 'version', message: `version ${version} is newer than this doanbot reads (${SUPPORTED_PLAN_VERSION}); update doanbot` },
    ]);
  }
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) throw SpecError.fromZod(source, parsed.error);
  const plan = parsed.data;

  const issues: SpecIssue[] = [];
  if (plan.id !== basename(dir)) issues.push({ path: 'id', message: `"${plan.id}" must be the folder's name "${basename(dir)}"` });
  const timezone = plan.timezone ?? opts.defaultTimezone;
  if (!IANAZone.isValidZone(timezone)) issues.push({ path: 'timezone', message: `"${timezone}" is not an IANA time zone` });
  const documentPath = join(dir, plan.document);
  if (!isFile(documentPath)) issues.push({ path: 'document', message: `file not found: ${documentPath}` });
  const formPath = join(dir, plan.form);
  if (!isFile(formPath)) issues.push({ path: 'form', message: `file not found: ${formPath}` });
  if (issues.length > 0) throw new SpecError(source, issues);

  const periods = resolvePeriods(
    [...plan.periods, ...plan.series.flatMap((series) => expandSeries(series).map((p) => rawPeriodSchema.parse(p)))],
    timezone,
    issues,
  );
  if (issues.length > 0) throw new SpecError(source, issues);

  return {
    id: plan.id,
    dir,
    title: plan.title,
    ...(plan.issuer !== undefined && { issuer: plan.issuer }),
    documentPath,
    documentText: readFileSync(documentPath, 'utf8')
      .replace(/^\uFEFF/, '')
      .normalize('NFC'),
    form: parseFormSpec(readYaml(formPath), formPath, opts.hasKey),
    timezone,
    reminderTime: plan.reminderTime,
    periods,
  };
}

/**
 * Loads every bundle under `flowsDir`: each subfolder with a plan.yaml, sorted by id. Folders whose name
 * starts with "_" hold shared resources (forms) and are not bundles.
 * @throws SpecError for the first bundle that is wrong.
 */
export function loadBundles(flowsDir: string, opts: LoadBundleOptions): PlanBundle[] {
  return bundleFolders(flowsDir).map((name) => loadBundle(join(flowsDir, name), opts));
}

/** The names of the bundle folders under `flowsDir` (those with a plan.yaml, not starting with "_"), sorted. */
export function bundleFolders(flowsDir: string): string[] {
  return readdirSync(flowsDir)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .filter((name) => isFile(join(flowsDir, name, 'plan.yaml')))
    .sort((a, b) => a.localeCompare(b));
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SpecError(file, [{ path: '(root)', message: 'file cannot be read' }]);
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw new SpecError(file, [{ path: '(root)', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` }]);
  }
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function resolvePeriods(raw: RawPeriod[], zone: string, issues: SpecIssue[]): PeriodDef[] {
  const seen = new Set<string>();
  const periods: PeriodDef[] = [];
  raw.forEach((period, i) => {
    const at = (...rest: string[]): string => formatPath(['periods', i, ...rest]);
    if (seen.has(period.id)) issues.push({ path: at('id'), message: `duplicate period id "${period.id}"` });
    seen.add(period.id);
    const resolve = (text: string | undefined, edge: 'start' | 'end', ...field: string[]) => {
      if (text === undefined) return undefined;
      const instant = resolveInstant(text, zone, edge);
      if (!instant) issues.push({ path: at(...field), message: `"${text}" is not a valid date` });
      return instant ?? undefined;
    };
    const unit = resolve(period.deadlines.unit, 'end', 'deadlines', 'unit');
    const province = resolve(period.deadlines.province, 'end', 'deadlines', 'province');
    const levels = Object.entries(period.deadlines.levels ?? {}).flatMap(([depth, text]) => {
      const at = resolve(text, 'end', 'deadlines', 'levels', depth);
      return at ? [[depth, { at: at.iso, dateOnly: at.dateOnly }] as const] : [];
    });
    const opens = resolve(period.opens, 'start', 'opens');
    const explicitCloses = resolve(period.closes, 'end', 'closes');
    if (!unit) return;
    const closes = explicitCloses ?? addDays(unit, DEFAULT_CLOSE_AFTER_DAYS, zone);
    if (province && province.millis < unit.millis)
      issues.push({ path: at('deadlines', 'province'), message: 'is before the unit deadline' });
    if (opens && opens.millis >= unit.millis) issues.push({ path: at('opens'), message: 'is not before the unit deadline' });
    if (closes.millis < unit.millis) issues.push({ path: at('closes'), message: 'is before the unit deadline' });
    periods.push({
      id: period.id,
      title: period.title,
      unitDeadline: unit.iso,
      ...(levels.length > 0 && { levelDeadlines: Object.fromEntries(levels) }),
      ...(province && { provinceDeadline: province.iso }),
      deadlineIsDateOnly: unit.dateOnly,
      ...(opens && { opens: opens.iso }),
      closes: closes.iso,
      reminders: period.reminders,
      summaries: period.summaries,
      ...(period.section !== undefined && { section: period.section }),
    });
  });
  return periods;
}
