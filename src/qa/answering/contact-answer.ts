import type { ContactFact } from '../plan-document.ts';
import { expandQuery } from '../search/expand-query.ts';
import { relative } from '../search/ranker.ts';
import { joinWithin, MAX_ANSWER, type Draft } from './compose.ts';
import { CONTACT_VERBS, KIND_CUES, NUMBER_ASKS, type Phrase } from '../vocabulary.ts';
import type { AnswerContext } from './context.ts';
import { WEIGHTS } from '../weights.ts';

/** One contact is given when the question names its owner clearly better than any other's; else all are listed. */
const { clearLead: CLEAR_LEAD, maxListed: MAX_LISTED, minOwnerCoverage: MIN_OWNER_COVERAGE, listedConfidence } = WEIGHTS.contact;

/** The words that ask for a contact of a kind ("số điện thoại", "liên hệ qua số nào"): no owner has to contain them. */
export function contactCues(kind: ContactFact['kind']): Phrase[] {
  return [...(KIND_CUES.get(kind) ?? []), ...CONTACT_VERBS, ...NUMBER_ASKS];
}

function line(c: ContactFact, ctx: AnswerContext): string {
  return c.owner ? ctx.t(`qa.answer.${c.kind}Of`, { value: c.value, owner: c.owner }) : ctx.t(`qa.answer.${c.kind}`, { value: c.value });
}

/**
 * An e-mail address, phone number or postal address. The owner named in the question picks one
 * ("email của Ban Đoàn kết"); when the question names none, every one is listed (up to three), unless
 * `ownerNamed` asks for the contact of one owner only ("Đoàn xã Phúc Thịnh ở đâu").
 */
export function answerContact(kind: ContactFact['kind'], ctx: AnswerContext, ownerNamed = false): Draft | null {
  const { contacts } = ctx.rankers;
  const all = contacts.items.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === kind);
  if (all.length === 0) return null;
  const scores = relative(contacts.scores(ctx.query, ['owner', 'context'], { owner: 3, context: 1 }));
  // "gửi báo cáo cho Ban Quốc tế qua email nào": the contact of where things go, not of who sends.
  const toOwner = ctx.question.recipientText ? relative(contacts.scores(expandQuery(ctx.question.recipientText), ['owner'])) : [];
  const byOwner = toOwner.some((s) => s > 0) ? toOwner : relative(contacts.scores(ctx.query, ['owner']));
  const scored = all
    .map(({ c, i }) => ({ c, score: (scores[i] ?? 0) + (byOwner[i] ?? 0), owner: byOwner[i] ?? 0 }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0]?.owner ?? 0;
  const clear = best > 0 && scored.slice(1).every((s) => s.owner < best * CLEAR_LEAD);
  if (ownerNamed && !clear) return null;
  const ranked = scored.map(({ c }) => c);
  const chosen = clear ? ranked.slice(0, 1) : uniqueValues(ranked).slice(0, MAX_LISTED);
  const body = joinWithin(
    chosen.map((c) => line(c, ctx)),
    MAX_ANSWER - 40,
  );
  const first = chosen[0] as ContactFact;
  // "Email của Hội Phụ nữ": a contact of someone the plan does not name at all is no answer.
  const heading = first.section ? (ctx.rankers.headings.get(first.section) ?? '') : '';
  const confidence = ctx.coverage(`${first.owner ?? ''} ${first.context} ${heading}`, contactCues(kind));
  if (confidence < MIN_OWNER_COVERAGE) return null;
  return {
    body,
    source: { kind: 'sections', ids: chosen.map((c) => c.section) },
    confidence: clear ? confidence : confidence * listedConfidence,
    section: first.section,
  };
}

function uniqueValues(list: readonly ContactFact[]): ContactFact[] {
  return list.filter((c, i) => list.findIndex((o) => o.value === c.value) === i);
}
