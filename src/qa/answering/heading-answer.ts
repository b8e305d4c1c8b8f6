import type { Section } from '../plan-document.ts';
import { sectionItems } from '../search/passages.ts';
import { isStopword } from '../search/terms.ts';
import { DOCUMENT_SELF, HEADING_FILLERS, ORDINAL_WORDS, type Phrase } from '../vocabulary.ts';
import { sameWord, words, type Word } from '../vietnamese-text.ts';
import { joinWithin, MAX_ANSWER, type Draft } from './compose.ts';
import type { AnswerContext } from './context.ts';
import { contentWords } from './coverage.ts';
import { WEIGHTS } from '../weights.ts';
import { explainNote } from './explain.ts';

/** Ordinals people write after "thứ": "thứ 3", "thứ ba". */
const ORDINALS: ReadonlyMap<string, number> = new Map(ORDINAL_WORDS.map((w, i) => [w, i + 1]));
const { maxOrdinal: MAX_ORDINAL, minPrefix: MIN_PREFIX, maxLeadHeading: MAX_LEAD_HEADING, maxNameWords: MAX_NAME_WORDS } = WEIGHTS.heading;

/** "Trọng tâm công tác thứ 3": the position asked for and where its two words are in the question. */
function ordinal(ws: readonly Word[]): { n: number; at: number } | null {
  for (let i = 0; i + 1 < ws.length; i++) {
    const w = ws[i];
    if (!w || !(w.canon === 'thứ' || (w.plain && w.fold === 'thu'))) continue;
    const next = ws[i + 1]?.fold ?? '';
    const n = /^\d{1,2}$/u.test(next) ? Number(next) : (ORDINALS.get(next) ?? 0);
    if (n >= 1 && n <= MAX_ORDINAL) return { n, at: i };
  }
  return null;
}

/** The meaningful words of a heading, in parts ("MỤC ĐÍCH, YÊU CẦU" → mục đích | yêu cầu). */
function headingParts(heading: string): Word[][] {
  return heading
    .split(/[,;:/–—]|\s-\s|\bvà\b/u)
    .map((part) => words(part).filter((w) => !isStopword(w)))
    .filter((part) => part.length > 0);
}

const within = (w: Word, list: readonly Word[]): boolean => list.some((x) => sameWord(w, x));

/**
 * How well a heading names what the question asks about: the share of the heading's words the
 * question uses, when every meaningful word of the question is in the heading (or in the plan's
 * title, which every section is about) and the question names at least one part of the heading whole.
 */
function headingMatch(question: readonly Word[], heading: string, title: readonly Word[]): number {
  const parts = headingParts(heading);
  const all = parts.flat();
  if (all.length === 0 || !question.some((w) => within(w, all))) return 0;
  if (!question.every((w) => within(w, all) || within(w, title))) return 0;
  // A part is named whole, or by its first words ("trọng tâm" of "trọng tâm công tác", "tiểu ban" of "tiểu ban hậu cần").
  const named = (part: Word[]): boolean => {
    const used = part.filter((h) => question.some((w) => sameWord(w, h))).length;
    return used === part.length || (used >= MIN_PREFIX && part.slice(0, used).every((h) => question.some((w) => sameWord(w, h))));
  };
  if (!parts.some(named)) return 0;
  return all.filter((h) => question.some((w) => sameWord(w, h))).length / all.length;
}

/**
 * The sections whose heading best names what the question asks about: one, or several siblings named
 * alike ("Tiểu ban văn nghệ", "Tiểu ban truyền thông" for "có mấy tiểu ban").
 */
function bestSections(ctx: AnswerContext, question: readonly Word[]): Section[] {
  const title = words(ctx.doc.header.title ?? '');
  // A numbered sentence ("3. Văn phòng Tỉnh Đoàn, các huyện … chịu trách nhiệm thi hành …") is a passage, not a name.
  const scored = ctx.doc.sections
    .filter((s) => words(s.heading).length <= MAX_NAME_WORDS)
    .map((s) => ({ s, score: headingMatch(question, s.heading, title) }))
    .filter((x) => x.score > 0);
  const top = Math.max(0, ...scored.map((x) => x.score));
  const best = scored.filter((x) => x.score === top).map((x) => x.s);
  const first = best.reduce<Section | undefined>((a, s) => (!a || s.depth < a.depth ? s : a), undefined);
  if (!first) return [];
  const siblings = best.filter((s) => s.parentId === first.parentId && s.depth === first.depth);
  return siblings.length > 1 ? siblings : [first];
}

/**
 * A question that names a section by its heading rather than its number: "Kế hoạch có mấy nội
 * dung?", "mục đích của chương trình", "trọng tâm công tác thứ 3 là gì?". The answer is what the
 * section holds (with how many items when the question counts), or its n-th item.
 */
export function answerHeading(ctx: AnswerContext, fillers: readonly Phrase[]): Draft | null {
  const q = ctx.question;
  const nth = ordinal(q.words);
  // "Báo cáo kiến nghị điều gì": the document's own type names the document, not a section.
  const ownType = ctx.doc.header.docType ? [{ text: ctx.doc.header.docType, words: words(ctx.doc.header.docType) }] : [];
  const { content } = contentWords(q, [...fillers, ...DOCUMENT_SELF, ...HEADING_FILLERS, ...ownType]);
  const asked = content.filter(({ i }) => !nth || (i !== nth.at && i !== nth.at + 1)).map(({ w }) => w);
  if (asked.length === 0) return null;
  const found = bestSections(ctx, asked);
  const section = found.length > 1 && nth ? found[nth.n - 1] : found[0];
  if (!section) return null;
  if (found.length > 1 && nth) return sectionDraft(ctx, section, [section.heading]);
  if (found.length > 1) {
    const lines = [ctx.t('qa.answer.sectionsNamed', { count: found.length }), ...found.map((s) => `- ${s.id}. ${s.heading}`)];
    return {
      body: joinWithin(lines, MAX_ANSWER - 40),
      source: { kind: 'sections', ids: found.map((s) => s.id) },
      confidence: 1,
      section: section.id,
    };
  }
  const children = ctx.doc.sections.filter((s) => s.parentId === section.id);
  if (nth) {
    const child = children[nth.n - 1];
    if (child) return sectionDraft(ctx, child, [child.heading]);
    const block = children.length === 0 ? section.blocks[nth.n - 1] : undefined;
    if (!block) return null;
    return { body: block.text, source: { kind: 'sections', ids: [section.id] }, confidence: 1, section: section.id };
  }
  const items = sectionItems(section, ctx.doc.sections);
  explainNote(ctx, `heading named: ${section.id} ${section.heading}`);
  // A numbered clause alone ("2. Tập thể nộp … sau ngày 20/11") is read under its heading ("Các trường hợp không xét khen thưởng").
  const parent = items.length === 0 ? ctx.doc.sections.find((s) => s.id === section.parentId) : undefined;
  const lead = parent && parent.heading.length <= MAX_LEAD_HEADING ? `${parent.heading.replace(/[:.\s]+$/u, '')}: ` : '';
  const first = q.asksNumber
    ? ctx.t('qa.answer.sectionCount', { heading: section.heading, count: items.length })
    : `${lead}${section.heading}`;
  return sectionDraft(ctx, section, [first]);
}

function sectionDraft(ctx: AnswerContext, section: Section, first: string[]): Draft {
  const lines = [...first, ...sectionItems(section, ctx.doc.sections).map((item) => `- ${item}`)];
  return { body: joinWithin(lines, MAX_ANSWER - 40), source: { kind: 'sections', ids: [section.id] }, confidence: 1, section: section.id };
}
