import { findDates } from '../date-mentions.ts';
import { splitClauses } from '../reading/sentences.ts';
import type { DutyFact } from '../plan-document.ts';
import type { Passage } from '../search/passages.ts';
import { joinWithin, MAX_ANSWER, type Draft } from './compose.ts';
import { contactCues } from './contact-answer.ts';
import { KIND_CUES, OCCURRENCE_VERBS, type Phrase } from '../vocabulary.ts';
import { ANSWER_SHAPES, type ShapedKind } from './shapes.ts';
import { MIN_COVERAGE, passageScores, rankedIndexes, type AnswerContext } from './context.ts';
import { WEIGHTS } from '../weights.ts';
import { recipientLevelsOf, subjectLevels } from './levels-in-text.ts';
import { explainCandidates } from './explain.ts';
import { scopeFactor } from './scope.ts';

const { wholeSentence: WHOLE_SENTENCE, secondShare: SECOND_SHARE, shapeBoost: SHAPE_BOOST, otherLevel: OTHER_LEVEL } = WEIGHTS.passage;
const { reranked: RERANKED, searchWeight: SEARCH_WEIGHT } = WEIGHTS.passage;
const BODY_ROOM = MAX_ANSWER - 40;

function dutyOf(ctx: AnswerContext, section: string | null): DutyFact | undefined {
  return section ? ctx.doc.facts.duties.find((d) => section === d.section || section.startsWith(`${d.section}.`)) : undefined;
}

/** The unit whose duties a section lists ("Cấp tỉnh"), for a passage that does not name who acts. */
function unitOf(ctx: AnswerContext, section: string | null): string | null {
  const duty = dutyOf(ctx, section);
  return duty ? duty.unit.replace(/[\s:]+$/u, '') : null;
}

function levelFit(ctx: AnswerContext, p: Passage): number {
  return clauseLevelFit(ctx, p.text) * dutyLevelFit(ctx, p);
}

function dutyLevelFit(ctx: AnswerContext, p: Passage): number {
  const asked = ctx.question.senderLevels;
  const levels = dutyOf(ctx, p.section)?.levels ?? [];
  if (asked.length === 0 || levels.length === 0) return 1;
  return levels.some((l) => asked.includes(l)) ? 1 : OTHER_LEVEL;
}

/** A clause sending something to another level than the question names ("… gửi Trung ương Đoàn" for "gửi Tỉnh Đoàn"), or from another sender. */
function clauseLevelFit(ctx: AnswerContext, clause: string): number {
  const q = ctx.question;
  const to = recipientLevelsOf(clause);
  const from = subjectLevels(clause);
  const wrongTo = q.recipientLevels.length > 0 && to.length > 0 && !to.some((l) => q.recipientLevels.includes(l));
  const wrongFrom = q.senderLevels.length > 0 && from.length > 0 && !from.some((l) => q.senderLevels.includes(l));
  return wrongTo || wrongFrom ? OTHER_LEVEL : 1;
}

/** The sentence holds clauses for other levels than the one asked: the clause alone answers. */
function mixesLevels(ctx: AnswerContext, p: Passage): boolean {
  const clauses = splitClauses(p.sentence);
  return clauses.length > 1 && clauseLevelFit(ctx, p.text) === 1 && clauses.some((c) => clauseLevelFit(ctx, c) < 1);
}

/**
 * A passage with the items it introduces ("Tiểu ban hậu cần" → its members), within `room`
 * characters; an item of a unit's duties is shown with the unit ("Cấp tỉnh: Tham mưu cho …"). A clause
 * of a long sentence is shown alone, or `widen`ed with the clauses around it when it is the whole answer.
 */
function display(ctx: AnswerContext, p: Passage, room: number, widen = false): string {
  let text = mixesLevels(ctx, p)
    ? p.text.replace(/;$/u, '')
    : p.sentence.length <= WHOLE_SENTENCE
      ? p.sentence
      : widen
        ? excerpt(p, Math.min(room, WHOLE_SENTENCE))
        : p.text;
  const unit = unitOf(ctx, p.section);
  const chain = p.context.split(' | ');
  if (unit && !text.includes(unit) && text !== chain[0]) text = `${unit}: ${text}`;
  // A numbered clause ("2. Tập thể nộp … sau ngày 20/11") means what it means under its heading ("Các trường hợp không xét khen thưởng").
  else if (
    chain[0] === p.sentence &&
    p.followers.length === 0 &&
    chain[1] &&
    chain[1].length <= MAX_LEAD_HEADING &&
    !text.includes(chain[1])
  )
    text = `${chain[1].replace(/[:.\s]+$/u, '')}: ${text}`;
  if (p.followers.length === 0) return text;
  return joinWithin([text, ...p.followers.map((f) => `- ${f}`)], room);
}

/** The passage's sentence if it fits in `max` characters, else its clause with as many neighbouring clauses as fit. */
function excerpt(p: Passage, max: number): string {
  if (p.sentence.length <= max) return p.sentence;
  const clauses = splitClauses(p.sentence);
  let from = clauses.indexOf(p.text);
  if (from < 0) return p.text;
  let to = from;
  const length = (a: number, b: number): number => clauses.slice(a, b + 1).join(' ').length;
  for (let grew = true; grew;) {
    grew = false;
    if (to + 1 < clauses.length && length(from, to + 1) <= max) [to, grew] = [to + 1, true];
    if (from > 0 && length(from - 1, to) <= max) [from, grew] = [from - 1, true];
  }
  return clauses.slice(from, to + 1).join(' ');
}

const MAX_LEAD_HEADING = WEIGHTS.heading.maxLeadHeading;

/** Words that name a place in a passage: "Địa điểm:", "tại Trường …", "ở Nhà văn hóa …". */
const PLACE =
  /(?:[Đđ]ịa điểm|[Đđ]ịa chỉ|(?:tại|ở)\s+\p{Lu}|[Nn]ơi\s+(?:nhận|nộp|gửi|tiếp nhận|tổ chức|diễn ra)|(?:số|tầng|nhà)\s+\d+,?\s+(?:đường|phố|ngõ|tầng))/u;

function shapeBoost(ctx: AnswerContext, p: Passage): number {
  if (ctx.question.kinds.includes('when') && findDates(p.text).length) return SHAPE_BOOST;
  if (ctx.question.asksPlace && PLACE.test(p.text)) return SHAPE_BOOST;
  if (ctx.question.asksNumber && /\d|\b[IVX]{2,}\b/u.test(p.text)) return SHAPE_BOOST;
  return 1;
}

/** Words that place something in time without a written date: an hour, a weekday, a season, an occasion. */
const TIME_WORDS =
  /\d{1,2}\s?(?:h|giờ)(?![\p{L}])|(?:ngày|tháng|quý|tuần|đợt)\s+\d|thứ\s+(?:\d|hai|ba|tư|năm|sáu|bảy)|chủ nhật|(?:sáng|chiều|tối|hằng|hàng)\s+(?:thứ|ngày|tuần|tháng|năm|quý)|dịp|Tết|kỳ nghỉ|định kỳ|giai đoạn/iu;

/** Whether a text says when: a date, or words placing something in time. */
export function saysWhen(text: string): boolean {
  // A time limit ("chậm nhất sau 05 ngày kể từ …") answers "trong thời hạn nào" as a date does.
  return findDates(text).length > 0 || TIME_WORDS.test(text) || ANSWER_SHAPES.duration.test(text);
}

const CONTACT_KINDS = ['email', 'phone', 'address'] as const;
/** What a passage holding a contact of each kind looks like. */
const CONTACT_SHAPE: Record<(typeof CONTACT_KINDS)[number], RegExp> = {
  email: /@/u,
  phone: /\d[\d. ]{5,}\d/u,
  address: /[Đđ]ịa chỉ|(?:số|tầng|nhà)\s+\d|(?:thôn|đường|phố)\s+\p{Lu}/u,
};

interface Candidate {
  p: Passage;
  score: number;
  coverage: number;
  search: number;
  scope: number;
}

/** What a passage is read as when checking how much of the question it covers: what is shown (with the items it introduces), and its headings. */
const coverageText = (p: Passage): string =>
  `${p.sentence.length <= WHOLE_SENTENCE ? p.sentence : p.text} ${p.context} ${p.followers.join(' ').slice(0, BODY_ROOM)}`;

/**
 * The passages that best answer the question, best first: the first ones found by the search, then
 * ordered by how much of the question each covers (its words, its headings, the plan's title)
 * together with its search score. `accept` keeps only some passages (those naming a place).
 */
function candidates(
  ctx: AnswerContext,
  accept: (p: Passage) => boolean = () => true,
  shaped: { cues: readonly Phrase[] } | null = null,
): Candidate[] {
  const { passages } = ctx.rankers;
  // A question for a contact or a date that no fact answered ("số điện thoại của công an xã", "hạn nộp học phí")
  // is answered by a passage only when its other words are there, and for a contact only by one that holds one.
  const contacts = shaped ? [] : CONTACT_KINDS.filter((k) => ctx.question.kinds.includes(k));
  const asked = [
    ...contacts.flatMap((k) => contactCues(k)),
    ...(ctx.question.kinds.includes('when') ? (KIND_CUES.get('when') ?? []) : []),
    ...(shaped?.cues ?? []),
    // "Đại hội tổ chức ở đâu": "tổ chức" only says that something takes place.
    ...(ctx.question.kinds.includes('place') || ctx.question.kinds.includes('when') ? OCCURRENCE_VERBS : []),
  ];
  if (asked.length && !ctx.hasContent(asked)) return [];
  // "Ngày hội tổ chức ngày nào": a passage that says when nothing happens does not answer when.
  const when = !shaped && ctx.question.kinds.includes('when');
  const fits = (p: Passage): boolean =>
    accept(p) && contacts.every((k) => CONTACT_SHAPE[k].test(p.text)) && (!when || saysWhen(p.sentence));
  const raw = passageScores(ctx);
  const scores = raw.map((s, i) => (fits(passages.items[i] as Passage) ? s * shapeBoost(ctx, passages.items[i] as Passage) : 0));
  // A passage of the shape asked for is a candidate even when the search did not find it: "Thời gian: 02 ngày"
  // answers "hội nghị diễn ra trong bao lâu" through the plan's title, not its own words.
  const shapedOnly = shaped ? passages.items.flatMap((p, i) => (scores[i] === 0 && fits(p) ? [i] : [])) : [];
  const order = [...rankedIndexes(scores).slice(0, RERANKED), ...shapedOnly];
  const best = scores[order[0] ?? 0] || 1;
  const ranked = order
    .map((i) => {
      const p = passages.items[i] as Passage;
      const coverage = ctx.coverage(coverageText(p), asked);
      const search = (SEARCH_WEIGHT * (scores[i] ?? 0)) / best;
      const scope = scopeFactor(ctx.scope, p.section, p.text, p.context);
      return { p, coverage, search, scope, score: (coverage + search) * levelFit(ctx, p) * scope };
    })
    .sort((a, b) => b.score - a.score);
  explainCandidates(
    ctx,
    'passages',
    ranked.map((c) => ({
      label: c.p.text,
      section: c.p.section,
      parts: { coverage: c.coverage, search: c.search, level: levelFit(ctx, c.p), scope: c.scope, total: c.score },
    })),
  );
  return ranked;
}

/**
 * A question of a kind answered by a passage of a shape (a duration, a cut-off period, a sanction, a
 * rating, a form or annex, a scope of application): the passage of that shape that best covers the
 * question's other words, with its sentence (and the items it introduces).
 */
export function answerShaped(ctx: AnswerContext, kind: ShapedKind): Draft | null {
  const shape = ANSWER_SHAPES[kind];
  const cues = KIND_CUES.get(kind) ?? [];
  const top = candidates(ctx, (p) => shape.test(p.text) || shape.test(p.sentence), { cues })[0];
  if (!top || top.coverage < MIN_COVERAGE) return null;
  return {
    body: display(ctx, top.p, BODY_ROOM, true),
    source: { kind: 'sections', ids: [top.p.section] },
    confidence: top.coverage,
    section: top.p.section,
  };
}

/** The passage saying when that best covers the question (for comparing with the best date), or null. */
export function bestWhenPassage(ctx: AnswerContext): { coverage: number } | null {
  const explain = ctx.explain;
  const quiet = { ...ctx, explain: undefined } as AnswerContext;
  const top = candidates(quiet)[0];
  if (explain && top)
    explain.push(
      `  best passage saying when: [${top.p.section ?? 'mở đầu'}] ${top.p.text.slice(0, 80)} — coverage ${top.coverage.toFixed(2)}`,
    );
  return top ? { coverage: top.coverage } : null;
}

/** The one or two passages of the plan that best match the question. */
export function answerFromPassages(ctx: AnswerContext): Draft | null {
  const ranked = candidates(ctx);
  const top = ranked[0];
  if (!top || top.coverage < MIN_COVERAGE) return null;
  const shown = [display(ctx, top.p, BODY_ROOM)];
  const ids = [top.p.section];
  for (const c of ranked.slice(1, 4)) {
    if (c.score < top.score * SECOND_SHARE || c.coverage < MIN_COVERAGE) break;
    const text = display(ctx, c.p, BODY_ROOM - shown[0]!.length - 1);
    if (shown.some((s) => s.includes(text) || text.includes(s))) continue;
    if (shown.join('\n').length + text.length + 1 > BODY_ROOM) continue;
    shown.push(text);
    ids.push(c.p.section);
    break;
  }
  if (shown.length === 1) shown[0] = display(ctx, top.p, BODY_ROOM, true);
  return { body: shown.join('\n'), source: { kind: 'sections', ids }, confidence: top.coverage, section: top.p.section };
}

/**
 * Where something happens ("đêm nhạc tổ chức ở đâu"): the passage naming a place ("Địa điểm: …",
 * "tại Trường …") that best covers the question with its headings and the plan's title.
 */
export function answerPlace(ctx: AnswerContext): Draft | null {
  const top = candidates(ctx, (p) => PLACE.test(p.text))[0];
  if (!top || top.coverage < MIN_COVERAGE) return null;
  return {
    body: display(ctx, top.p, BODY_ROOM),
    source: { kind: 'sections', ids: [top.p.section] },
    confidence: top.coverage,
    section: top.p.section,
  };
}
