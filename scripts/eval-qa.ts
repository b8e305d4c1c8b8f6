/**
 * `npm run -s eval:qa -- <file.jsonl>`: answers every question of an evaluation file (format in
 * ../shared/eval/README.md, plan paths relative to the file), prints one line per question and
 * ends with "N passed, M failed". The exit code is 0 even when some fail.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Translator } from '../src/i18n/translator.ts';
import { PlanIndex, readPlanFile } from '../src/qa/index.ts';
import { isCorrect, type EvalCase } from '../src/qa/eval-check.ts';

const file = process.argv.slice(2).find((a) => a !== '--');
if (!file) {
  process.stderr.write('usage: npm run -s eval:qa -- <file.jsonl>\n');
  process.exit(2);
}
const translator = Translator.fromDirectory(fileURLToPath(new URL('../locales', import.meta.url)));
const t = (key: string, params?: Record<string, string | number>): string => translator.t('vi', key, params);
const indexes = new Map<string, Promise<PlanIndex>>();
const indexFor = (path: string): Promise<PlanIndex> => {
  let index = indexes.get(path);
  if (!index) indexes.set(path, (index = readPlanFile(path).then((doc) => PlanIndex.build(doc))));
  return index;
};

let passed = 0;
let failed = 0;
const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim());
for (const [n, line] of lines.entries()) {
  const c = JSON.parse(line) as EvalCase;
  const answer = (await indexFor(resolve(dirname(file), c.plan))).answer(c.question, 'vi', t);
  const ok = isCorrect(answer.text, c.expect);
  if (ok) passed++;
  else failed++;
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'} ${n + 1}. ${c.question} => ${answer.text.replace(/\n/g, ' ⏎ ')}\n`);
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
