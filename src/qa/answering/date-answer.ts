import type { DateFact, Level } from '../plan-document.ts';
import { levelName, levelsIn } from '../levels.ts';
import { expandQuery } from '../search/expand-query.ts';
import { relative } from '../search/ranker.ts';
import { OCCURRENCE_VERBS } from '../vocabulary.ts';
import { bestWhenPassage } from './passage-answer.ts';
import { DEADLINE_CUES, END_CUES, KIND_CUES, REFERENCE_WORDS, START_CUES, TIME_OF_DAY, WEEKDAY_ASKS } from '../vocabulary.ts';
import { findPhrase, sameWord, words, type Word } from '../vietnamese-text.ts';
import { isStopword } from '../search/terms.ts';
import { MAX_ANSWER, type Draft } from './compose.ts';
import { MIN_COVERAGE, rankedIndexes, type AnswerContext } from './context.ts';
import { WEIGHTS } from '../weights.ts';
import { explainCandidates, explainNote } from './explain.ts';
import { scopeFactor } from './scope.ts';
import { subjectLevels } from './levels-in-text.ts';

/** Weights of what decides between dates: the words of the question always, then who sends and where to. */
const WEIGHT = WEIGHTS.date;
/** An hour written next to a date: "19h30", "07h00", "8 giờ". */
/** A day of the week written with a date: "(thứ 7)", "thứ Sáu", "Chủ nhật". */
const WEEKDAY = /thứ\s*(?:[2-7]|hai|ba|tư|năm|sáu|bảy)(?!\p{L})|chủ nhật/iu;
const HOUR = /(?<![\p{L}\d])\d{1,2}\s?(?:h|giờ)(?:\s?\d{2})?(?![\p{L}\d])/u;
const { wholeSentence: WHOLE_SENTENCE, secondShare: SECOND_SHARE } = WEIGHTS.date;

const overlaps = (a: readonly Level[], b: readonly Level[]): boolean => a.some((l) => b.includes(l));

function display(d: DateFact, block: string, ctx: AnswerContext): string {
  const raw = block.length <= WHOLE_SENTENCE ? block : d.sentence.length <= WHOLE_SENTENCE ? d.sentence : d.what;
  const text = raw.charAt(0).toUpperCase() + raw.slice(1);
  const to = d.to.filter((name) => !text.includes(name))[0];
  if (d.who && !text.includes(d.who))
    return to ? ctx.t('qa.answer.dueFromTo', { text, who: d.who, to }) : ctx.t('qa.answer.dueFrom', { text, who: d.who });
  return to ? ctx.t('qa.answer.dueTo', { text, to }) : text;
}

/**
 * "Thời gian triển khai: Từ ngày …" for "thời gian triển khai chương trình …": the label before the date's
 * ":" is named whole by the question, beyond the words that only ask when ("thời gian", "hạn").
 */
function labelNamed(what: string, question: readonly Word[]): boolean {
  const colon = what.indexOf(':');
  if (colon < 0) return false;
  const label = words(what.slice(0, colon));
  if (label.length === 0 || label.length > WEIGHT.maxLabelWords) return false;
  const cues = KIND_CUES.get('when') ?? [];
  const asking = new Set<number>();
  for (const p of cues)
    for (let at = findPhrase(label, p.words); at >= 0; at = findPhrase(label, p.words, at + 1))
      p.words.forEach((_, k) => asking.add(at + k));
  const meaningful = label.filter((w, i) => !asking.has(i) && !isStopword(w));
  return meaningful.length > 0 && meaningful.every((w) => question.some((x) => sameWord(x, w)));
}

/** The date that answers "when", "until when", "trước ngày nào": a deadline, an event, a period. */
export function answerWhen(ctx: AnswerContext): Draft | null {
  const { dates, headings, dateBlocks } = ctx.rankers;
  const q = ctx.question;
  if (dates.items.length === 0) return null;
  const content = relative(dates.scores(ctx.query, ['what', 'sentence', 'heading', 'block'], WEIGHT.fields));
  const toText = relative(q.recipientText ? dates.scores(expandQuery(q.recipientText), ['to']) : []);
  // "Hướng dẫn của Trung ương Đoàn ra ngày nào": the date of a cited document is the answer.
  const aboutDocuments = q.kinds.includes('reference') || REFERENCE_WORDS.some((p) => findPhrase(q.words, p.words) >= 0);
  const wantsDeadline = DEADLINE_CUES.some((p) => findPhrase(q.words, p.words) >= 0);
  const heading = (d: DateFact): string => (d.section ? (headings.get(d.section) ?? '') : '');
  const parts = dates.items.map((d, i) => {
    const c = content[i] ?? 0;
    if (c === 0) return null;
    const toLevels = levelsIn(d.to.join(', '));
    const senders = d.whoLevels.length ? d.whoLevels : subjectLevels(d.what);
    // "gửi Tỉnh Đoàn" is not answered by the province's own deadline to the centre, nor "huyện đoàn nộp" by one to the district.
    const wrongWay =
      (q.recipientLevels.length > 0 && toLevels.length > 0 && !overlaps(toLevels, q.recipientLevels)) ||
      (q.senderLevels.length > 0 && senders.length > 0 && !overlaps(senders, q.senderLevels)) ||
      (q.senderLevels.length > 0 && toLevels.length > 0 && overlaps(toLevels, q.senderLevels) && !overlaps(senders, q.senderLevels));
    const p = {
      words: c,
      sender: WEIGHT.sender * (overlaps(senders, q.senderLevels) ? 1 : 0),
      recipient: WEIGHT.recipient * Math.max(toText[i] ?? 0, overlaps(toLevels, q.recipientLevels) ? 1 : 0),
      otherLevel: wrongWay ? WEIGHT.otherLevel : 0,
      deadline: wantsDeadline && d.role === 'deadline' ? WEIGHT.deadline : 0,
      issued: d.role === 'issued' && !aboutDocuments ? WEIGHT.issued : 0,
      time: (q.asksTime && HOUR.test(d.what) ? WEIGHT.time : 0) + (q.asksWeekday && WEEKDAY.test(dateBlocks[i] ?? '') ? WEIGHT.time : 0),
      part: q.datePart && d.role === q.datePart ? WEIGHT.part : 0,
      label: labelNamed(d.what, q.words) ? WEIGHT.label : 0,
    };
    const sum = Object.values(p).reduce((a, b) => a + b, 0);
    const scope = scopeFactor(ctx.scope, d.section, d.what, heading(d));
    return { ...p, scope, total: Math.max(0, sum) * scope };
  });
  const scores = parts.map((p) => p?.total ?? 0);
  const order = rankedIndexes(scores);
  const top = order[0] === undefined ? undefined : dates.items[order[0]];
  const block = (i: number | undefined): string => (i === undefined ? '' : (ctx.rankers.dateBlocks[i] ?? ''));
  explainCandidates(
    ctx,
    'dates',
    order.map((i) => ({
      label: `${dates.items[i]?.raw} ${dates.items[i]?.what ?? ''}`,
      section: dates.items[i]?.section ?? null,
      parts: parts[i] ?? {},
    })),
  );
  if (!top) return null;
  // The item the question names holds no date ("báo cáo tháng … ngày 16 hằng tháng"): its passages answer, not a sibling's date.
  if ((parts[order[0] ?? 0]?.scope ?? 1) < 1) {
    explainNote(ctx, 'the best date lies outside the item the question names: passages answer instead');
    return null;
  }
  // "Bế mạc lúc mấy giờ": a date written without an hour does not answer; a passage with the hour may.
  if (q.asksTime && !HOUR.test(block(order[0]))) {
    explainNote(ctx, 'the question asks for an hour and the best date has none: passages answer instead');
    return null;
  }
  // Who sends and where to, also by the usual names of their levels ("Ban Quốc tế" is "trung ương đoàn").
  const levels = [...new Set([...top.whoLevels, ...levelsIn(top.to.join(', '))])].map(levelName);
  const covered = `${block(order[0])} ${heading(top)} ${top.who ?? ''} ${levels.join(' | ')}`;
  // "ngày nào", "bắt đầu", "mấy giờ" ask for the kind of date: no text has to contain them.
  const asking = [...(KIND_CUES.get('when') ?? []), ...TIME_OF_DAY, ...WEEKDAY_ASKS, ...OCCURRENCE_VERBS];
  const confidence = ctx.coverage(covered, [...asking, ...START_CUES, ...END_CUES]);
  if (confidence < MIN_COVERAGE) return null;
  // A passage saying when that covers the question clearly better than the date's paragraph answers instead: a date
  // written without a year ("trước ngày 30/6", "ngày 25 của tháng cuối quý") or an hour in a schedule ("08h00: Khai mạc").
  const dateCover = ctx.coverage(covered, asking);
  const passage = dateCover + WEIGHT.passageLead <= 1 ? bestWhenPassage(ctx) : null;
  if (passage && passage.coverage >= dateCover + WEIGHT.passageLead && passage.coverage >= MIN_COVERAGE) {
    explainNote(
      ctx,
      `a passage saying when covers the question better (${passage.coverage.toFixed(2)} against ${dateCover.toFixed(2)}): it answers instead`,
    );
    return null;
  }
  const shown = [display(top, block(order[0]), ctx)];
  const ids = [top.section];
  const second = order[1] === undefined ? undefined : dates.items[order[1]];
  if (second && (scores[order[1] ?? 0] ?? 0) >= (scores[order[0] ?? 0] ?? 0) * SECOND_SHARE && second.date !== top.date) {
    const text = display(second, block(order[1]), ctx);
    if (!shown[0]?.includes(second.raw) && shown[0] !== undefined && shown[0].length + text.length < MAX_ANSWER - 40) {
      shown.push(text);
      ids.push(second.section);
    }
  }
  return { body: shown.join('\n'), source: { kind: 'sections', ids }, confidence, section: top.section };
}
