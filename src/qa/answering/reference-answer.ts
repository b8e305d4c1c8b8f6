import type { Answer } from '../answer.ts';
import type { ReferenceFact } from '../plan-document.ts';
import { codeKey } from '../question.ts';
import { relative } from '../search/ranker.ts';
import { containsPhrase, foldText } from '../vietnamese-text.ts';
import { MAX_ANSWER, joinWithin, type Draft } from './compose.ts';
import { rankedIndexes, type AnswerContext } from './context.ts';
import { uncertainAnswer } from './uncertain.ts';
import { WEIGHTS } from '../weights.ts';

const { typeMatch: TYPE_MATCH, basis: BASIS, secondShare: SECOND_SHARE, codeMatch: CODE_MATCH } = WEIGHTS.reference;

/** The document the plan cites that the question asks about ("theo hướng dẫn số mấy", "chỉ thị nào"). */
export function answerReference(ctx: AnswerContext): Draft | Answer | null {
  const { references } = ctx.rankers;
  if (references.items.length === 0) return null;
  const content = relative(references.scores(ctx.query, ['text', 'type'], { text: 1, type: 1 }));
  const asked = ctx.question.referenceType;
  const codes = ctx.question.codes;
  // "Văn bản nào … thực hiện Chỉ thị 04": a number written after another type than the one asked names the subject, not the answer.
  const askedType = asked ? foldText(asked.text) : null;
  const numbers = ctx.question.referenceNumbers.filter((r) => !askedType || r.type === askedType).map((r) => r.number);
  const named = (r: ReferenceFact): boolean => codes.includes(codeKey(r.code)) || numbers.includes(codeKey(r.code).replace(/\D.*$/u, ''));
  // "Kế hoạch 999 ban hành ngày nào": the plan cites no document under that number, so no other one answers.
  if (codes.length === 0 && numbers.length && !references.items.some(named)) return uncertainAnswer(ctx, 'unclear');
  const scores = references.items.map(
    (r, i) =>
      (content[i] ?? 0) +
      (asked && r.type && containsPhrase(r.type, asked.words) ? TYPE_MATCH : 0) +
      (r.section === null ? BASIS : 0) +
      (named(r) ? CODE_MATCH : 0),
  );
  const order = rankedIndexes(scores);
  const top = order[0] === undefined ? undefined : references.items[order[0]];
  if (!top) return null;
  const chosen: ReferenceFact[] = [top];
  const second = order[1] === undefined ? undefined : references.items[order[1]];
  if (second && (scores[order[1] ?? 0] ?? 0) >= (scores[order[0] ?? 0] ?? 0) * SECOND_SHARE) chosen.push(second);
  return {
    body: joinWithin(
      chosen.map((r) => r.text),
      MAX_ANSWER - 40,
    ),
    source: { kind: 'sections', ids: chosen.map((r) => r.section) },
    confidence: ctx.coverage(top.text),
    section: top.section,
  };
}
