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

/** The unit whose duties a section lists ("Cấp tỉnh"), for a passage that does not name who acts. */
function unitOf(ctx: AnswerContext, section: string | null): string | null {
  if (!section) return null;
  const duty = ctx.doc.facts.duties.find((d) => section === d.section || section.startsWith(`${d.section}.`));
  return duty ? duty.unit.replace(/[\s:]+$/u, '') : null;
}

/**
 * A passage with the items it introduces ("Tiểu ban hậu cần" → its members), within `room`
 * characters; an item of a unit's duties is shown with the unit ("Cấp tỉnh: Tham mưu cho …").
 */
function display(ctx: AnswerContext, p: Passage, room: number): string {
  let text = p.sentence.length <= WHOLE_SENTENCE ? p.sentence : p.text;
  const unit = unitOf(ctx, p.section);
  if (unit && !text.includes(unit) && text !== p.context.split(' | ')[0]) text = `${unit}: ${text}`;
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
  const shown = [display(ctx, top, BODY_ROOM)];
  const ids = [top.section];
  const best = scores[first] ?? 0;
  for (const i of order.slice(1, 4)) {
    const p = passages.items[i];
    if (!p || (scores[i] ?? 0) < best * SECOND_SHARE) break;
    const text = display(ctx, p, BODY_ROOM - shown[0]!.length - 1);
    if (shown.some((s) => s.includes(text) || text.includes(s))) continue;
    if (shown.join('\n').length + text.length + 1 > BODY_ROOM) break;
    if (ctx.coverage(`${p.text} ${p.context}`) < MIN_COVERAGE) continue;
    shown.push(text);
    ids.push(p.section);
    break;
  }
  return { body: shown.join('\n'), source: { kind: 'sections', ids }, confidence, section: top.section };
}

/** How much the words of a passage weigh against how much of the question it covers, for a place. */
const PLACE_SEARCH_WEIGHT = 0.5;

/**
 * Where something happens ("đêm nhạc tổ chức ở đâu"): the passage naming a place ("Địa điểm: …",
 * "tại Trường …") that best covers the question with its headings and the plan's title.
 */
export function answerPlace(ctx: AnswerContext): Draft | null {
  const { passages } = ctx.rankers;
  const search = passages.scores(ctx.query, ['text', 'context'], { text: 1, context: 0.35 });
  const best = Math.max(0, ...search);
  let top: { i: number; score: number; coverage: number } | null = null;
  passages.items.forEach((p, i) => {
    if (!(search[i] ?? 0) || !PLACE.test(p.text)) return;
    const coverage = ctx.coverage(`${p.text} ${p.context}`);
    const score = coverage + (PLACE_SEARCH_WEIGHT * (search[i] ?? 0)) / best;
    if (!top || score > top.score) top = { i, score, coverage };
  });
  const found = top as { i: number; score: number; coverage: number } | null;
  const p = found ? passages.items[found.i] : undefined;
  if (!found || !p || found.coverage < MIN_COVERAGE) return null;
  return { body: display(ctx, p, BODY_ROOM), source: { kind: 'sections', ids: [p.section] }, confidence: found.coverage, section: p.section };
}
