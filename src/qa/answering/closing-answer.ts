import type { Answer } from '../answer.ts';
import { displayDate } from '../date-mentions.ts';
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

/** The list under "Nơi nhận". */
export function answerRecipients(ctx: AnswerContext): Draft | Answer {
  const list = ctx.doc.recipients;
  if (list.length === 0) return notStated(ctx, 'recipients');
  const intro = ctx.t('qa.answer.recipients');
  const body = joinWithin([intro, ...list.map((r) => `- ${r}`)], MAX_ANSWER - 40);
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
