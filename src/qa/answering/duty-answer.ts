import type { DutyFact } from '../plan-document.ts';
import { relative } from '../search/ranker.ts';
import { joinWithin, MAX_ANSWER, truncate, type Draft } from './compose.ts';
import { MIN_COVERAGE, rankedIndexes, type AnswerContext } from './context.ts';
import { KIND_CUES } from '../vocabulary.ts';
import { words } from '../vietnamese-text.ts';
import { WEIGHTS } from '../weights.ts';

const { levelMatch: LEVEL_MATCH, maxTask: MAX_TASK, nameShare: NAME_SHARE } = WEIGHTS.duty;

/** The share of a unit's name the question uses ("Phòng Kinh tế làm gì?" → 1). */
function nameShare(ctx: AnswerContext, duty: DutyFact): number {
  const unitWords = words(duty.unit);
  const asked = new Set(ctx.question.words.map((w) => w.fold));
  return unitWords.length ? unitWords.filter((w) => asked.has(w.fold)).length / unitWords.length : 0;
}

/**
 * What a level or unit must do ("Đoàn cấp huyện có nhiệm vụ gì?"): its section's items. A unit the
 * question names by most of its name wins over one that only shares a level with the question
 * ("UBND xã giao Phòng Kinh tế những nhiệm vụ gì" is about the Phòng Kinh tế, not any commune unit).
 */
export function answerDuties(ctx: AnswerContext): Draft | null {
  const { duties } = ctx.rankers;
  const levels = [...ctx.question.senderLevels, ...ctx.question.recipientLevels];
  const byName = relative(duties.scores(ctx.query, ['unit']));
  const share = duties.items.map((d) => nameShare(ctx, d));
  const anyNamed = share.some((x) => x >= NAME_SHARE);
  const scores = duties.items.map((d, i) =>
    anyNamed
      ? (share[i] ?? 0) >= NAME_SHARE
        ? (share[i] ?? 0) + (byName[i] ?? 0)
        : 0
      : (byName[i] ?? 0) + (d.levels.some((l) => levels.includes(l)) ? LEVEL_MATCH : 0),
  );
  const order = rankedIndexes(scores);
  const duty: DutyFact | undefined = order[0] === undefined ? undefined : duties.items[order[0]];
  if (!duty || (!anyNamed && !duty.levels.some((l) => levels.includes(l)))) return null;
  // A question about one task of the unit ("huyện đoàn phải làm gì với báo cáo 6 tháng") goes to the passages.
  const confidence = ctx.coverage(`${duty.unit} ${duty.tasks.join(' ')}`, KIND_CUES.get('duties'));
  if (confidence < MIN_COVERAGE) return null;
  const lines = [`${duty.unit}:`, ...duty.tasks.map((task) => `- ${truncate(task, MAX_TASK)}`)];
  return { body: joinWithin(lines, MAX_ANSWER - 40), source: { kind: 'sections', ids: [duty.section] }, confidence, section: duty.section };
}
