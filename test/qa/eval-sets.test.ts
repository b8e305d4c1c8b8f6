import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../src/qa/evaluate.ts';
import { textFn } from './helpers.ts';

const HELDOUT = fileURLToPath(new URL('./fixtures/heldout-seeds.jsonl', import.meta.url));
const HELDOUT_2 = fileURLToPath(new URL('./fixtures/heldout-seeds-2.jsonl', import.meta.url));
const CORPUS_DEV = ['questions.jsonl', 'questions-2.jsonl'].map((f) => fileURLToPath(new URL(`./corpus/dev/${f}`, import.meta.url)));
const DEV = fileURLToPath(new URL('../../../shared/eval/qa-dev.jsonl', import.meta.url));

async function passRate(file: string): Promise<{ rate: number; failed: string[] }> {
  const results = await evaluateFile(file, textFn('vi'));
  const failed = results.filter((r) => !r.passed).map((r) => `${r.case.question} => ${r.answer}`);
  return { rate: (results.length - failed.length) / results.length, failed };
}

describe('evaluation sets, scored like npm run eval:qa', () => {
  it('answers at least 90% of our own held-out questions on the seed plans', async () => {
    const { rate, failed } = await passRate(HELDOUT);
    expect(rate, failed.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  // Two later rounds on the seed plans and the demo plan (deadlines phrased other ways, sections named by heading,
  // bare document numbers, the signer's title, typed without diacritics). They scored 22/28 and 9/11 when first
  // run, before the mechanisms they exposed were generalized; 90% leaves room for three misses as answering changes.
  it('answers at least 90% of the second round of held-out questions', async () => {
    const { rate, failed } = await passRate(HELDOUT_2);
    expect(rate, failed.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  // Our corpus of every genre (test/qa/corpus). Only its development part is tuned on and tested here; the frozen
  // part is run by hand to report (npm run -s eval:qa -- test/qa/corpus/frozen/questions.jsonl), never to tune.
  it.each(CORPUS_DEV)('answers at least 95%% of the development corpus of every genre (%s)', async (file) => {
    const { rate, failed } = await passRate(file);
    expect(rate, failed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  // The development set lives beside the repository (../shared/eval), not in it.
  it.runIf(existsSync(DEV))('answers at least 95% of the development set', async () => {
    const { rate, failed } = await passRate(DEV);
    expect(rate, failed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
