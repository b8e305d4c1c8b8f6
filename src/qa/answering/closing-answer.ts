import { joinWithin, MAX_ANSWER, type Draft } from './compose.ts';
import type { AnswerContext } from './context.ts';

/** Who signed the plan, with the titles written above the name. */
export function answerSigner(ctx: AnswerContext): Draft | null {
  const signer = ctx.doc.signer;
  if (!signer) return null;
  const body = signer.roles.length
    ? ctx.t('qa.answer.signer', { name: signer.name, roles: signer.roles.join(', ') })
    : ctx.t('qa.answer.signerOnly', { name: signer.name });
  return { body, source: { kind: 'signature' }, confidence: 1, section: null };
}

/** The list under "Nơi nhận". */
export function answerRecipients(ctx: AnswerContext): Draft | null {
  const list = ctx.doc.recipients;
  if (list.length === 0) return null;
  const intro = ctx.t('qa.answer.recipients');
  const body = joinWithin([intro, ...list.map((r) => `- ${r}`)], MAX_ANSWER - 40);
  return { body, source: { kind: 'recipients' }, confidence: 1, section: null };
}
