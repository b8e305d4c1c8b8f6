/**
 * `npm run -s form:xlsx -- <form.yaml> [out.xlsx]`: writes a YAML report form as an XLSForm workbook
 * (texts from locales/, in Vietnamese and English). `flows/_forms/qttn-report.xlsx` is made with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseFormSpec } from '../src/flow/form-spec.ts';
import { Translator } from '../src/i18n/translator.ts';
import { formToXlsx } from '../src/xlsform/form-xlsx.ts';

const [input, output] = process.argv.slice(2).filter((a) => a !== '--');
if (!input) {
  process.stderr.write('usage: npm run -s form:xlsx -- <form.yaml> [out.xlsx]\n');
  process.exit(2);
}
const translator = Translator.fromDirectory('locales');
const spec = parseFormSpec(parse(readFileSync(input, 'utf8')), input, (key) => translator.has(key));
const bytes = await formToXlsx(
  spec,
  (key, params) => translator.t('vi', key, params),
  (key, params) => translator.t('en', key, params),
);
const target = output ?? input.replace(/\.ya?ml$/, '.xlsx');
writeFileSync(target, bytes);
process.stdout.write(`${target}: ${spec.questions.length} questions\n`);
