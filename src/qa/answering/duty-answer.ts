import type { DutyFact } from '../plan-document.ts';
import { relative } from '../search/ranker.ts';
import { joinWithin, MAX_ANSWER, truncate, type Draft } from './compose.ts';
import { rankedIndexes, type AnswerContext } from './context.ts';

const LEVEL_MATCH = 1;
const MAX_TASK = 160;

/** What a level or unit must do ("Đoàn cấp huyện có nhiệm vụ gì?"): its section's items. */
export function answerDuties(ctx: AnswerContext): Draft | null {
  const { duties } = ctx.rankers;
  const levels = [...ctx.question.senderLevels, ...ctx.question.recipientLevels];
  const byName = relative(duties.scores(ctx.query, ['unit']));
  const scores = duties.items.map((d, i) => (byName[i] ?? 0) + (d.levels.some((l) => levels.includes(l)) ? LEVEL_MATCH : 0));
  const order = rankedIndexes(scores);
  const duty: DutyFact | undefined = order[0] === undefined ? undefined : duties.items[order[0]];
  if (!duty) return null;
  const lines = [`${duty.unit}:`, ...duty.tasks.map((task) => `- ${truncate(task, MAX_TASK)}`)];
  return { body: joinWithin(lines, MAX_ANSWER - 40), source: { kind: 'sections', ids: [duty.section] }, confidence: 1, section: duty.section };
}
