/** `npm run -s plan:inspect -- <file>`: prints the structure and facts read from a plan document, as JSON. */
import { readPlanFile } from '../src/qa/index.ts';

const file = process.argv.slice(2).find((a) => a !== '--');
if (!file) {
  process.stderr.write('usage: npm run -s plan:inspect -- <file.txt|.md|.docx|.pdf>\n');
  process.exit(2);
}
const doc = await readPlanFile(file);
process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
