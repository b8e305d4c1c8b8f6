import type { PlanAnswerer, PlanImporter } from '../core/bot/bot-services.ts';
import type { Period } from '../core/domain/types.ts';
import type { Translator } from '../i18n/translator.ts';
import type { PlanBundle } from '../plan-bundle/bundle-types.ts';
import { PlanIndex, looksLikeQuestion, proposePeriods, readPlanBuffer, readPlanDocument, summarizeImport } from '../qa/index.ts';
import { DateTime } from 'luxon';

const DEFAULT_REMINDERS = ['-P7D', '-P3D', '-P1D', 'PT0S', 'P1D'];
const DEFAULT_SUMMARIES = ['PT0S'];
const LATE_WINDOW_DAYS = 30;

/** Plan Q&A over the bundle's document, and the import of new plan documents sent in chat. */
export async function createPlanServices(
  bundle: PlanBundle,
  translator: Translator,
  timezone: string,
): Promise<{ answerer: PlanAnswerer; importer: PlanImporter }> {
  const index = PlanIndex.build(readPlanDocument(bundle.documentText, bundle.documentPath));
  const answerer: PlanAnswerer = {
    answer(question, lang) {
      const answer = index.answer(question, lang, (key, params) => translator.t(lang, key, params));
      return { text: answer.text, uncertain: answer.kind === 'uncertain' };
    },
    looksLikeQuestion,
  };
  const importer: PlanImporter = {
    async read(content, fileName, lang) {
      const doc = await readPlanBuffer(content, fileName);
      const summary = summarizeImport(doc, lang, (key, params) => translator.t(lang, key, params));
      const periods: Period[] = proposePeriods(doc)
        .filter((p) => p.unitDeadline)
        .map((p) => {
          const deadline = DateTime.fromISO(p.unitDeadline!, { zone: timezone }).endOf('day');
          return {
            id: p.id,
            title: p.title,
            unitDeadline: deadline.toISO()!,
            ...(p.provinceDeadline
              ? { provinceDeadline: DateTime.fromISO(p.provinceDeadline, { zone: timezone }).endOf('day').toISO()! }
              : {}),
            deadlineIsDateOnly: true,
            closes: deadline.plus({ days: LATE_WINDOW_DAYS }).toISO()!,
            reminders: DEFAULT_REMINDERS,
            summaries: DEFAULT_SUMMARIES,
            ...(p.section ? { section: p.section } : {}),
            version: 1,
          };
        });
      return { summary, periods };
    },
  };
  return { answerer, importer };
}
