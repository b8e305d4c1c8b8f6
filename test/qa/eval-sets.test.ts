import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../src/qa/evaluate.ts';
import { textFn } from './helpers.ts';

const HELDOUT = fileURLToPath(new URL('./fixtures/heldout-seeds.jsonl', import.meta.url));
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

  // The development set lives beside the repository (../shared/eval), not in it.
  it.runIf(existsSync(DEV))('answers at least 95% of the development set', async () => {
    const { rate, failed } = await passRate(DEV);
    expect(rate, failed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
