/** `npm run -s ask -- --plan <file> [--lang en] "<question>"`: prints the answer to a question about a plan. */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { toLang, Translator } from '../src/i18n/translator.ts';
import { PlanIndex, readPlanFile } from '../src/qa/index.ts';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { plan: { type: 'string' }, lang: { type: 'string', default: 'vi' } },
  allowPositionals: true,
});
const question = positionals.join(' ').trim();
if (!values.plan || !question) {
  process.stderr.write('usage: npm run -s ask -- --plan <file.txt|.md|.docx|.pdf> [--lang vi|en] "<question>"\n');
  process.exit(2);
}
const lang = toLang(values.lang);
const translator = Translator.fromDirectory(fileURLToPath(new URL('../locales', import.meta.url)));
const index = PlanIndex.build(await readPlanFile(values.plan));
const answer = index.answer(question, lang, (key, params) => translator.t(lang, key, params));
process.stdout.write(`${answer.text}\n`);
