import { findDates } from '../date-mentions.ts';
import type { Passage } from '../search/passages.ts';
import { joinWithin, MAX_ANSWER, type Draft } from './compose.ts';
import { MIN_COVERAGE, rankedIndexes, type AnswerContext } from './context.ts';

/** A sentence short enough is shown whole; a longer one only by its clause. */
const WHOLE_SENTENCE = 320;
/** A second passage is added when it scores at least this share of the first. */
const SECOND_SHARE = 0.8;
/** Passages holding what the question asks for (a number, a date) weigh this much more. */
const SHAPE_BOOST = 1.3;
const BODY_ROOM = MAX_ANSWER - 40;

/** A passage with the items it introduces ("Tiểu ban hậu cần" → its members), within `room` characters. */
function display(p: Passage, room: number): string {
  const text = p.sentence.length <= WHOLE_SENTENCE ? p.sentence : p.text;
  if (p.followers.length === 0) return text;
  return joinWithin([text, ...p.followers.map((f) => `- ${f}`)], room);
}

/** Words that name a place in a passage: "Địa điểm:", "tại Trường …", "ở Nhà văn hóa …". */
const PLACE = /(?:[Đđ]ịa điểm|[Đđ]ịa chỉ|(?:tại|ở)\s+\p{Lu})/u;

function shapeBoost(ctx: AnswerContext, p: Passage): number {
  if (ctx.question.kinds.includes('when') && findDates(p.text).length) return SHAPE_BOOST;
  if (ctx.question.asksPlace && PLACE.test(p.text)) return SHAPE_BOOST;
  if (ctx.question.asksNumber && /\d|\b[IVX]{2,}\b/u.test(p.text)) return SHAPE_BOOST;
  return 1;
}

/** The one or two passages of the plan that best match the question. */
export function answerFromPassages(ctx: AnswerContext): Draft | null {
  const { passages } = ctx.rankers;
  const raw = passages.scores(ctx.query, ['text', 'context'], { text: 1, context: 0.35 });
  const scores = raw.map((s, i) => s * shapeBoost(ctx, passages.items[i] as Passage));
  const order = rankedIndexes(scores);
  const first = order[0];
  const top = first === undefined ? undefined : passages.items[first];
  if (first === undefined || !top) return null;
  const confidence = ctx.coverage(`${top.text} ${top.context}`);
  if (confidence < MIN_COVERAGE) return null;
  const shown = [display(top, BODY_ROOM)];
  const ids = [top.section];
  const best = scores[first] ?? 0;
  for (const i of order.slice(1, 4)) {
    const p = passages.items[i];
    if (!p || (scores[i] ?? 0) < best * SECOND_SHARE) break;
    const text = display(p, BODY_ROOM - shown[0]!.length - 1);
    if (shown.some((s) => s.includes(text) || text.includes(s))) continue;
    if (shown.join('\n').length + text.length + 1 > BODY_ROOM) break;
    if (ctx.coverage(`${p.text} ${p.context}`) < MIN_COVERAGE) continue;
    shown.push(text);
    ids.push(p.section);
    break;
  }
  return { body: shown.join('\n'), source: { kind: 'sections', ids }, confidence, section: top.section };
}
