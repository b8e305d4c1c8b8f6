/**
 * `npm run -s ask -- --plan <file> [--lang en] [--explain] "<question>"`: prints the answer to a question
 * about a plan; with --explain, first how it was chosen (kind, scope, candidates with their scores, why the winner won).
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { toLang, Translator } from '../src/i18n/translator.ts';
import { PlanIndex, readPlanFile } from '../src/qa/index.ts';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { plan: { type: 'string' }, lang: { type: 'string', default: 'vi' }, explain: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const question = positionals.join(' ').trim();
if (!values.plan || !question) {
  process.stderr.write('usage: npm run -s ask -- --plan <file.txt|.md|.docx|.pdf> [--lang vi|en] [--explain] "<question>"\n');
  process.exit(2);
}
const lang = toLang(values.lang);
const translator = Translator.fromDirectory(fileURLToPath(new URL('../locales', import.meta.url)));
const index = PlanIndex.build(await readPlanFile(values.plan));
const t = (key: string, params?: Record<string, string | number>): string => translator.t(lang, key, params);
if (values.explain) {
  const { answer, lines } = index.explain(question, lang, t);
  process.stdout.write(`${lines.join('\n')}\n\n${answer.text}\n`);
} else {
  process.stdout.write(`${index.answer(question, lang, t).text}\n`);
}
