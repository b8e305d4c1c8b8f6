import type { Answer } from '../answer.ts';
import type { ReferenceFact } from '../plan-document.ts';
import { codeKey } from '../question.ts';
import { relative } from '../search/ranker.ts';
import { containsPhrase, findPhrase, foldText, words } from '../vietnamese-text.ts';
import { BASIS_CUES, DOCUMENT_TYPE_NAMES, REPLACED_CUES, type Phrase } from '../vocabulary.ts';
import { explainCandidates } from './explain.ts';
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
  // "căn cứ … nào" asks for the basis, "thay thế … nào" for the document replaced: the other relation does not answer.
  const has = (cues: readonly Phrase[]): boolean => cues.some((p) => findPhrase(ctx.question.words, p.words) >= 0);
  const relation = has(REPLACED_CUES) ? 'replaced' : has(BASIS_CUES) ? 'basis' : null;
  // "Hướng dẫn căn cứ quy định nào": a type named in the question other than the document's own ("hướng dẫn") is the one asked.
  const own = ctx.doc.header.docType ? foldText(ctx.doc.header.docType) : '';
  // A type written with its number ("… thực hiện Chỉ thị 04") names the subject, not the document asked.
  const withNumber = new Set(ctx.question.referenceNumbers.map((r) => r.type));
  const namedTypes = DOCUMENT_TYPE_NAMES.filter(
    (t) => foldText(t) !== own && !withNumber.has(foldText(t)) && containsPhrase(ctx.question.words, words(t)),
  );
  const askedDocType =
    asked && foldText(asked.text) !== own && DOCUMENT_TYPE_NAMES.some((t) => containsPhrase(asked.words, words(t))) ? asked : null;
  const typeAsked = (r: ReferenceFact): boolean =>
    !!r.type && (askedDocType ? containsPhrase(r.type, askedDocType.words) : namedTypes.includes(r.type));
  const parts = references.items.map((r, i) => ({
    words: content[i] ?? 0,
    type: typeAsked(r) ? TYPE_MATCH : 0,
    preamble: r.section === null ? BASIS : 0,
    relation: relation && r.relation === relation ? WEIGHTS.reference.relation : 0,
    otherRelation: relation && r.relation && r.relation !== relation ? WEIGHTS.reference.otherRelation : 0,
    code: named(r) ? CODE_MATCH : 0,
  }));
  const scores = parts.map((p) =>
    Math.max(
      0,
      Object.values(p).reduce((a, b) => a + b, 0),
    ),
  );
  const order = rankedIndexes(scores);
  explainCandidates(
    ctx,
    `references (relation asked: ${relation ?? '-'})`,
    order.map((i) => ({
      label: references.items[i]?.text ?? '',
      section: references.items[i]?.section ?? null,
      parts: { ...parts[i], total: scores[i] ?? 0 },
    })),
  );
  const top = order[0] === undefined ? undefined : references.items[order[0]];
  if (!top) return null;
  // "Thay thế văn bản nào" when the plan replaces none: no other reference answers.
  if (relation === 'replaced' && top.relation !== 'replaced') return null;
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
