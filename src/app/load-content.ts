import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, type AppConfig } from '../config/config.ts';
import { InMemoryFormRegistry } from '../core/plans/form-registry.ts';
import { Translator } from '../i18n/translator.ts';
import type { PlanBundle } from '../plan-bundle/bundle-types.ts';
import { checkBundlesTogether } from '../plan-bundle/check-bundles.ts';
import { bundleFolders, loadBundle } from '../plan-bundle/load-bundle.ts';
import { loadSharedForms } from '../plan-bundle/load-forms.ts';
import type { BundleContent } from '../store/stores.ts';
import { bundlePlan, toPeriod } from './to-period.ts';

/** What start-up reads from disk: texts, the plan bundles that run, and the forms. */
export interface LoadedContent {
  translator: Translator;
  /** The bundles that run, the default one (PLAN_DIR) first. */
  bundles: PlanBundle[];
  forms: InMemoryFormRegistry;
  /** Plans and periods of the bundles, for the stores. */
  content: BundleContent;
}

/**
 * Loads the locale texts, every plan bundle that runs (PLANS, with PLAN_DIR always among them) and the
 * forms; an authoring error stops start-up naming file and field.
 */
export function loadContent(config: AppConfig): LoadedContent {
  const translator = Translator.fromDirectory(config.localesDir);
  const defaultDir = resolve(config.flowsDir, config.planDir);
  if (!existsSync(join(defaultDir, 'plan.yaml'))) {
    throw new ConfigError([`PLAN_DIR: no plan bundle at ${defaultDir} (expected a plan.yaml there)`]);
  }
  const dirs = bundleDirs(config);
  for (const dir of dirs) {
    const bundleLocales = join(dir, 'locales');
    if (existsSync(bundleLocales)) translator.loadDirectory(bundleLocales);
  }
  const opts = { defaultTimezone: config.timezone, hasKey: (key: string) => translator.has(key) };
  const bundles = dirs.map((dir) => loadBundle(dir, opts));
  const shared = loadSharedForms(config.flowsDir, opts.hasKey);
  checkBundlesTogether(bundles, shared);
  const defaultBundle = bundles[0]!;
  const forms = new InMemoryFormRegistry([...bundles.map((b) => b.form), ...shared], defaultBundle.form.id);
  return {
    translator,
    bundles,
    forms,
    content: {
      plans: bundles.map(bundlePlan),
      periods: bundles.flatMap((b) => b.periods.map((p) => toPeriod(p, b.id))),
      defaultPlanId: defaultBundle.id,
    },
  };
}

/** The bundle folders named by PLANS (every one under FLOWS_DIR for "all"), PLAN_DIR first. */
function bundleDirs(config: AppConfig): string[] {
  const names = config.plans === 'all' ? bundleFolders(config.flowsDir) : config.plans;
  const missing = names.filter((name) => !existsSync(join(resolve(config.flowsDir, name), 'plan.yaml')));
  if (missing.length) throw new ConfigError([`PLANS: no plan bundle named ${missing.join(', ')} under ${config.flowsDir}`]);
  return [config.planDir, ...names.filter((n) => n !== config.planDir)].map((name) => resolve(config.flowsDir, name));
}
