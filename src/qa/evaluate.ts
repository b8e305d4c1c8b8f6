import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isCorrect, type EvalCase } from './eval-check.ts';
import { PlanIndex } from './plan-index.ts';
import { readPlanFile } from './read-plan.ts';
import type { TextFn } from './text-fn.ts';

/** The answer to one case of an evaluation file and whether it passes. */
export interface EvalResult {
  case: EvalCase;
  answer: string;
  passed: boolean;
}

/**
 * Answers every case of an evaluation file (format of ../shared/eval/README.md, plan paths
 * relative to the file) in Vietnamese and scores it as `npm run eval:qa` does.
 */
export async function evaluateFile(file: string, t: TextFn): Promise<EvalResult[]> {
  const indexes = new Map<string, Promise<PlanIndex>>();
  const indexFor = (path: string): Promise<PlanIndex> => {
    let index = indexes.get(path);
    if (!index) indexes.set(path, (index = readPlanFile(path).then((doc) => PlanIndex.build(doc))));
    return index;
  };
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim());
  const results: EvalResult[] = [];
  for (const line of lines) {
    const c = JSON.parse(line) as EvalCase;
    const answer = (await indexFor(resolve(dirname(file), c.plan))).answer(c.question, 'vi', t).text;
    results.push({ case: c, answer, passed: isCorrect(answer, c.expect) });
  }
  return results;
}
