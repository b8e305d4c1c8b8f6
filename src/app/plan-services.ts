import type { PlanAnswerer, PlanImporter } from '../core/bot/bot-services.ts';
import type { Lang, Translator } from '../i18n/translator.ts';
import { DateTime } from 'luxon';
import type { PlanDraft, ProposedPlanPeriod } from '../core/plans/new-plan.ts';
import { proposeSeries } from '../qa/propose-series.ts';
import { seriesToPeriods } from './series-periods.ts';
import type { PlanBundle } from '../plan-bundle/bundle-types.ts';
import { looksLikeQuestion, proposePeriods, readPlanDocument, summarizeImport } from '../qa/index.ts';
import { documentText } from '../qa/reading/document-text.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { PlanLibrary } from './plan-library.ts';
import { draftForm } from '../core/forms/draft-form.ts';
import { extractPlanTargets } from '../qa/plan-targets.ts';
import { proposedToPeriods } from './proposed-periods.ts';

/** Plan Q&A over every plan's document, and the import of new plan documents sent in chat. */
export function createPlanServices(
  bundles: readonly PlanBundle[],
  plans: Pick<PlanStore, 'list' | 'document'>,
  translator: Translator,
  timezone: string,
): {
  answerer: PlanAnswerer;
  importer: PlanImporter;
  library: PlanLibrary;
  /** The default plan's signer, for the province's report. */
  signer: { name?: string; title?: string } | undefined;
} {
  const library = new PlanLibrary(plans, translator, bundles);
  const answerer: PlanAnswerer = {
    answer: (question, lang, context) => library.answer(question, lang, context),
    looksLikeQuestion,
  };
  const importer: PlanImporter = {
    read: (content, fileName, lang) => readPlanImport(content, fileName, lang, translator, timezone),
    draftForm(documentText, fileName, planId, title) {
      const targets = extractPlanTargets(readPlanDocument(documentText, fileName));
      return targets.length > 0 ? draftForm(planId, title, targets) : null;
    },
  };
  const signer = planSigner(bundles[0] ? library.documentOf(bundles[0].id)?.signer : undefined);
  return { answerer, importer, library, signer };
}

/**
 * Reads a plan document sent in chat (or given to `npm run plan:import`): what was found, the periods
 * proposed from its deadlines (ids and plan given on confirmation) and the plan they would belong to.
 */
export async function readPlanImport(
  content: Buffer,
  fileName: string,
  lang: Lang,
  translator: Translator,
  timezone: string,
): Promise<{ summary: string; periods: ProposedPlanPeriod[]; draft: PlanDraft }> {
  const text = await documentText(content, fileName);
  const doc = readPlanDocument(text, fileName);
  const summary = summarizeImport(doc, lang, (key, params) => translator.t(lang, key, params));
  const { header } = doc;
  // Recurring reports start with the month the plan is issued in, or this month if that is later.
  const thisMonth = DateTime.now().setZone(timezone).toFormat('yyyy-MM');
  const issued = header.date?.slice(0, 7);
  const fromMonth = issued && issued > thisMonth ? issued : thisMonth;
  const periods = [...proposedToPeriods(proposePeriods(doc), timezone, ''), ...seriesToPeriods(proposeSeries(doc), fromMonth, timezone)];
  return {
    summary,
    periods,
    draft: {
      title: header.title ?? fileName.replace(/\.[^.]+$/, ''),
      ...(header.number ? { number: header.number } : {}),
      ...(header.issuer.length ? { issuer: header.issuer.join(' – ') } : {}),
      documentText: text,
      fileName,
    },
  };
}

/** The plan's signer as the province's report signs: the name, and the title that is not "TM. …" / "KT. …". */
function planSigner(signer: { name: string; roles: readonly string[] } | null | undefined): { name?: string; title?: string } | undefined {
  if (!signer) return undefined;
  const title = signer.roles.find((r) => !/^(?:TM|T\/M|KT|K\/T)\.?\s/iu.test(r.trim()));
  return { name: signer.name, ...(title ? { title } : {}) };
}
