import { joinWithin, MAX_ANSWER, type Draft } from './compose.ts';
import type { AnswerContext } from './context.ts';

/** The main parts of the plan ("Kế hoạch gồm những phần nào?"): its top-level sections, numbered as written. */
export function answerOutline(ctx: AnswerContext): Draft | null {
  const top = ctx.doc.sections.filter((s) => s.depth === 1);
  if (top.length === 0) return null;
  const lines = [ctx.t('qa.answer.outline', { count: top.length }), ...top.map((s) => `${s.id}. ${s.heading}`)];
  return { body: joinWithin(lines, MAX_ANSWER - 40), source: { kind: 'outline' }, confidence: 1, section: null };
}
