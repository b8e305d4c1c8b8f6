/** One line of an evaluation file (../shared/eval/README.md). */
export interface EvalCase {
  plan: string;
  question: string;
  /** Every item must appear in the answer; an item that is a list is satisfied by any of its strings. */
  expect: (string | string[])[];
}

const MAX_ANSWER = 500;

/** NFC, case folding and collapsed white space, as the evaluation compares texts. */
export function evalNormalize(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether an answer passes: at most 500 characters and containing every expected item. */
export function isCorrect(answer: string, expect: EvalCase['expect']): boolean {
  if (answer.length > MAX_ANSWER) return false;
  const a = evalNormalize(answer);
  return expect.every((item) => (Array.isArray(item) ? item : [item]).some((s) => a.includes(evalNormalize(s))));
}
