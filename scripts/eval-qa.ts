/**
 * `npm run -s eval:qa -- <file.jsonl>`: answers every question of an evaluation file (format in
 * ../shared/eval/README.md, plan paths relative to the file), prints one line per question and
 * ends with "N passed, M failed". The exit code is 0 even when some fail.
 */
import { fileURLToPath } from 'node:url';
import { Translator } from '../src/i18n/translator.ts';
import { evaluateFile } from '../src/qa/evaluate.ts';

const file = process.argv.slice(2).find((a) => a !== '--');
if (!file) {
  process.stderr.write('usage: npm run -s eval:qa -- <file.jsonl>\n');
  process.exit(2);
}
const translator = Translator.fromDirectory(fileURLToPath(new URL('../locales', import.meta.url)));
const results = await evaluateFile(file, (key, params) => translator.t('vi', key, params));
for (const [n, r] of results.entries()) {
  process.stdout.write(`${r.passed ? 'PASS' : 'FAIL'} ${n + 1}. ${r.case.question} => ${r.answer.replace(/\n/g, ' ⏎ ')}\n`);
}
const passed = results.filter((r) => r.passed).length;
process.stdout.write(`${passed} passed, ${results.length - passed} failed\n`);
