import type { DutyFact } from '../plan-document.ts';
import { relative } from '../search/ranker.ts';
import { joinWithin, MAX_ANSWER, truncate, type Draft } from './compose.ts';
import { MIN_COVERAGE, rankedIndexes, type AnswerContext } from './context.ts';
import { KIND_CUES } from '../vocabulary.ts';
import { words } from '../vietnamese-text.ts';

const LEVEL_MATCH = 1;
const MAX_TASK = 160;
/** Share of a unit's name the question must use to mean that unit ("Phòng Kinh tế làm gì?"). */
const NAME_SHARE = 0.6;

/** Whether the question names the unit: by a level they share, or by most of the unit's name. */
function named(ctx: AnswerContext, duty: DutyFact): boolean {
  const levels = [...ctx.question.senderLevels, ...ctx.question.recipientLevels];
  if (duty.levels.some((l) => levels.includes(l))) return true;
  const unitWords = words(duty.unit);
  const asked = new Set(ctx.question.words.map((w) => w.fold));
  return unitWords.length > 0 && unitWords.filter((w) => asked.has(w.fold)).length / unitWords.length >= NAME_SHARE;
}

/** What a level or unit must do ("Đoàn cấp huyện có nhiệm vụ gì?"): its section's items. */
export function answerDuties(ctx: AnswerContext): Draft | null {
  const { duties } = ctx.rankers;
  const levels = [...ctx.question.senderLevels, ...ctx.question.recipientLevels];
  const byName = relative(duties.scores(ctx.query, ['unit']));
  const scores = duties.items.map((d, i) => (byName[i] ?? 0) + (d.levels.some((l) => levels.includes(l)) ? LEVEL_MATCH : 0));
  const order = rankedIndexes(scores);
  const duty: DutyFact | undefined = order[0] === undefined ? undefined : duties.items[order[0]];
  if (!duty || !named(ctx, duty)) return null;
  // A question about one task of the unit ("huyện đoàn phải làm gì với báo cáo 6 tháng") goes to the passages.
  const confidence = ctx.coverage(`${duty.unit} ${duty.tasks.join(' ')}`, KIND_CUES.get('duties'));
  if (confidence < MIN_COVERAGE) return null;
  const lines = [`${duty.unit}:`, ...duty.tasks.map((task) => `- ${truncate(task, MAX_TASK)}`)];
  return { body: joinWithin(lines, MAX_ANSWER - 40), source: { kind: 'sections', ids: [duty.section] }, confidence, section: duty.section };
}
