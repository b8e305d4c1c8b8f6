import type { PlanAnswerer, PlanImporter } from '../core/bot/bot-services.ts';
import type { Translator } from '../i18n/translator.ts';
import type { PlanBundle } from '../plan-bundle/bundle-types.ts';
import { PlanIndex, looksLikeQuestion, proposePeriods, readPlanBuffer, readPlanDocument, summarizeImport } from '../qa/index.ts';
import { proposedToPeriods } from './proposed-periods.ts';

/** Plan Q&A over the bundle's document, and the import of new plan documents sent in chat. */
export async function createPlanServices(
  bundle: PlanBundle,
  translator: Translator,
  timezone: string,
): Promise<{ answerer: PlanAnswerer; importer: PlanImporter; signer: { name?: string; title?: string } | undefined }> {
  const doc = readPlanDocument(bundle.documentText, bundle.documentPath);
  const index = PlanIndex.build(doc);
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
      const periods = proposedToPeriods(proposePeriods(doc), timezone);
      return { summary, periods };
    },
  };
  return { answerer, importer, signer: planSigner(doc.signer) };
}

/** The plan's signer as the province's report signs: the name, and the title that is not "TM. …" / "KT. …". */
function planSigner(signer: { name: string; roles: readonly string[] } | null): { name?: string; title?: string } | undefined {
  if (!signer) return undefined;
  const title = signer.roles.find((r) => !/^(?:TM|T\/M|KT|K\/T)\.?\s/iu.test(r.trim()));
  return { name: signer.name, ...(title ? { title } : {}) };
}
