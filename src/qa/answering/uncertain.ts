import type { Answer } from '../answer.ts';
import { SELF_NAMED, truncate } from './compose.ts';
import { passageScores, rankedIndexes, type AnswerContext } from './context.ts';
import { WEIGHTS } from '../weights.ts';

const { maxSuggestions: MAX_SUGGESTIONS, maxHeading: MAX_HEADING } = WEIGHTS.uncertain;

/** Labels of the sections closest to the question ("III.2 Huyện thành Đoàn, Đoàn trực thuộc"). */
function closestSections(ctx: AnswerContext): string[] {
  const { passages } = ctx.rankers;
  const order = rankedIndexes(passageScores(ctx));
  const ids: string[] = [];
  for (const i of order) {
    const id = passages.items[i]?.section;
    if (id && !ids.includes(id)) ids.push(id);
    if (ids.length >= MAX_SUGGESTIONS) break;
  }
  if (ids.length === 0)
    ids.push(
      ...ctx.doc.sections
        .filter((s) => s.depth === 1)
        .map((s) => s.id)
        .slice(0, MAX_SUGGESTIONS),
    );
  return ids.map((id) => {
    const heading = ctx.doc.sections.find((s) => s.id === id)?.heading ?? '';
    return `${SELF_NAMED.test(id) ? id : ctx.t('qa.source.section', { id })}: ${truncate(heading, MAX_HEADING)}`;
  });
}

/** Says the plan does not clearly answer, and offers the closest sections instead of guessing. */
export function uncertainAnswer(ctx: AnswerContext, reason: 'unclear' | 'empty'): Answer {
  if (reason === 'empty') return { kind: 'uncertain', text: ctx.t('qa.uncertain.empty'), suggestions: [] };
  const suggestions = closestSections(ctx);
  const text = suggestions.length
    ? ctx.t('qa.uncertain.withSections', { sections: suggestions.map((s) => `- ${s}`).join('\n') })
    : ctx.t('qa.uncertain.noSections');
  return { kind: 'uncertain', text: truncate(text, 500), suggestions };
}
