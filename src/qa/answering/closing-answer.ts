import type { Answer } from '../answer.ts';
import { displayDate } from '../date-mentions.ts';
import { isStopword } from '../search/terms.ts';
import { NAME_ASKS, type Phrase } from '../vocabulary.ts';
import { sameWord, words } from '../vietnamese-text.ts';
import { contentWords } from './coverage.ts';
import { joinWithin, MAX_ANSWER, type Draft } from './compose.ts';
import type { AnswerContext } from './context.ts';

/** Says that the plan does not state something the question asks for (no signer, no recipient list). */
function notStated(ctx: AnswerContext, what: 'signer' | 'recipients'): Answer {
  return { kind: 'uncertain', text: ctx.t(`qa.notStated.${what}`), suggestions: [] };
}

/** Who signed the plan, with the titles written above the name. */
export function answerSigner(ctx: AnswerContext): Draft | Answer {
  const signer = ctx.doc.signer;
  if (!signer) return notStated(ctx, 'signer');
  const body = signer.roles.length
    ? ctx.t('qa.answer.signer', { name: signer.name, roles: signer.roles.join(', ') })
    : ctx.t('qa.answer.signerOnly', { name: signer.name });
  return { body, source: { kind: 'signature' }, confidence: 1, section: null };
}

/** "TM.", "KT.", "Q.", "TL.": on behalf of, standing in for; not part of the title. */
const ROLE_PREFIX = /^\s*(?:TM|KT|Q|TL|TUQ)\.\s*/iu;

/**
 * "Phó bí thư tên gì?", "Phó chủ tịch là ai": a question naming the signer's title and nothing else
 * gets the signer; null when the plan's signer holds no such title.
 */
export function answerSignerByRole(ctx: AnswerContext, fillers: readonly Phrase[]): Draft | null {
  const signer = ctx.doc.signer;
  if (!signer || signer.roles.length === 0) return null;
  const asked = contentWords(ctx.question, [...fillers, ...NAME_ASKS]).content.map(({ w }) => w);
  if (asked.length === 0) return null;
  const roles = signer.roles.map((r) => words(r.replace(ROLE_PREFIX, '')).filter((w) => !isStopword(w)));
  const known = [...roles.flat(), ...words(ctx.doc.header.title ?? '')];
  if (!asked.every((w) => known.some((k) => sameWord(w, k)))) return null;
  if (!roles.some((role) => role.length > 0 && role.every((r) => asked.some((w) => sameWord(w, r))))) return null;
  return answerSigner(ctx) as Draft;
}

/** "Như kính gửi", "Như trên": the recipients list points back at the addressees. */
const AS_ADDRESSED = /^Như\s+(?:kính\s+gửi|trên)/iu;

/** The document's type in sentence case ("Công văn"), or "Văn bản". */
export function documentName(ctx: AnswerContext): string {
  const type = ctx.doc.header.docType;
  return type ? type.charAt(0) + type.slice(1).toLowerCase() : ctx.t('qa.answer.documentType');
}

/** The addressees ("Kính gửi: …") and the list under "Nơi nhận". */
export function answerRecipients(ctx: AnswerContext): Draft | Answer {
  const addressees = ctx.doc.header.addressees ?? [];
  // "Như kính gửi" (as addressed above) stands for the "Kính gửi" line, which is shown instead.
  const list = ctx.doc.recipients.filter((r) => !(addressees.length && AS_ADDRESSED.test(r)));
  if (list.length === 0 && addressees.length === 0) return notStated(ctx, 'recipients');
  const intro = ctx.t('qa.answer.recipients', { type: documentName(ctx) });
  const lines = [
    ...(addressees.length ? [ctx.t('qa.answer.addressees', { list: addressees.join('; ') })] : []),
    ...(list.length ? [intro, ...list.map((r) => `- ${r}`)] : []),
  ];
  const body = joinWithin(lines, MAX_ANSWER - 40);
  return { body, source: { kind: 'recipients' }, confidence: 1, section: null };
}

/** The document itself: type, title, issuing body, number, place and date. */
export function answerHeader(ctx: AnswerContext): Draft | null {
  const h = ctx.doc.header;
  if (!h.title && h.issuer.length === 0 && !h.date) return null;
  const lines = [
    ctx.t('qa.answer.title', { type: h.docType ?? ctx.t('qa.answer.documentType'), title: h.title ?? '' }),
    ...(h.issuer.length ? [ctx.t('qa.answer.issuer', { issuer: h.issuer.join(' – ') })] : []),
    ...(h.number ? [ctx.t('qa.answer.number', { number: h.number })] : []),
    ...(h.date ? [ctx.t('qa.answer.date', { place: h.place ?? '', date: displayDate(h.date) })] : []),
  ];
  return { body: joinWithin(lines, MAX_ANSWER - 40), source: { kind: 'header' }, confidence: 1, section: null };
}
