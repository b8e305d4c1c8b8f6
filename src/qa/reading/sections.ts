import type { Block, Section } from '../plan-document.ts';
import { collapseSpaces } from '../vietnamese-text.ts';
import { ARTICLE_HEADING, CHAPTER_HEADING, ITEM, LETTER_HEADING, NUMBER_HEADING, ROMAN_HEADING, joinWrappedLines } from './lines.ts';
import { splitSentences } from './sentences.ts';

/** "Ông: Trương Đình Nam" starts a row of a flattened table; the short items after it are its cells. */
const PERSON_ROW = /^(?:Ông|Bà|Đồng chí|Đ\/c|Anh|Chị)\s*:/u;
const MAX_CELL_WORDS = 6;

/** Joins the cells of a flattened table row ("Ông: A", "Bí thư", "Trưởng ban") into one item. */
function joinsRow(blocks: readonly Block[], text: string): boolean {
  const last = blocks[blocks.length - 1];
  return (
    !!last &&
    last.kind === 'item' &&
    PERSON_ROW.test(last.text) &&
    !PERSON_ROW.test(text) &&
    text.split(' ').length <= MAX_CELL_WORDS &&
    !/[.;:]$/u.test(text)
  );
}

/** A regulation attached to a decision ("QUY CHẾ", "QUY ĐỊNH"): its articles are numbered anew. */
const REGULATION_TITLE = /^(QUY CHẾ|QUY ĐỊNH|ĐIỀU LỆ|QUY TẮC|NỘI QUY)$/u;
/** What the articles of the decision itself are called once a regulation follows ("Điều 2 Quyết định"). */
const DECISION_SUFFIX = ' Quyết định';

export interface SectionsResult {
  preamble: Block[];
  sections: Section[];
}

function block(kind: Block['kind'], text: string): Block {
  const clean = collapseSpaces(text);
  return { kind, text: clean, sentences: splitSentences(clean) };
}

/**
 * Reads the body of a plan into numbered sections. "I." (or "Chương I") opens a top section, "Điều 5."
 * an article ("Điều 5") under the current chapter, "1." (or "1/", "2.1.") a section under the current
 * article or Roman one, "a)" one under the current numbered one; "-", "+" lines are items and other
 * lines paragraphs of the current section. A regulation after a decision's articles ("QUY CHẾ …")
 * opens a section named after it, and the decision's own articles become "Điều 2 Quyết định".
 */
export function readSections(lines: readonly string[]): SectionsResult {
  const preamble: Block[] = [];
  const sections: Section[] = [];
  const ids = new Set<string>();
  let roman: Section | null = null;
  let numbered: Section | null = null;
  let current: Section | null = null;
  let article: Section | null = null;
  let regulationPending: Section | null = null;

  const open = (id: string, depth: number, heading: string, parent: Section | null): Section => {
    let unique = id;
    for (let n = 2; ids.has(unique); n++) unique = `${id}-${n}`;
    ids.add(unique);
    const section: Section = { id: unique, parentId: parent?.id ?? null, depth, heading: collapseSpaces(heading), blocks: [] };
    sections.push(section);
    return section;
  };

  const renameDecisionArticles = (): void => {
    const renamed = new Map<string, string>();
    for (const s of sections) {
      const base = /^Điều \d+/u.exec(s.id)?.[0];
      if (!base || s.id.includes(DECISION_SUFFIX)) continue;
      const id = `${base}${DECISION_SUFFIX}${s.id.slice(base.length)}`;
      renamed.set(s.id, id);
      ids.delete(s.id);
      ids.add(id);
      s.id = id;
    }
    for (const s of sections) if (s.parentId && renamed.has(s.parentId)) s.parentId = renamed.get(s.parentId) ?? s.parentId;
  };

  for (const line of joinWrappedLines(lines)) {
    if (!line) continue;
    if (regulationPending && !CHAPTER_HEADING.test(line) && !ARTICLE_HEADING.test(line) && !ROMAN_HEADING.test(line)) {
      regulationPending.heading = collapseSpaces(`${regulationPending.heading} ${line}`);
      regulationPending = null;
      continue;
    }
    regulationPending = null;
    const regulation = REGULATION_TITLE.exec(line);
    if (regulation && sections.some((s) => s.id.startsWith('Điều '))) {
      renameDecisionArticles();
      const name = (regulation[1] ?? '').charAt(0) + (regulation[1] ?? '').slice(1).toLowerCase();
      current = regulationPending = open(name, 1, regulation[1] ?? '', null);
      roman = numbered = article = null;
      continue;
    }
    const chapterMatch = CHAPTER_HEADING.exec(line);
    const articleMatch = ARTICLE_HEADING.exec(line);
    if (chapterMatch) {
      roman = open(`Chương ${chapterMatch[1] ?? ''}`, 1, chapterMatch[2] ?? '', null);
      numbered = article = null;
      current = roman;
      continue;
    }
    if (articleMatch) {
      const parent = roman?.id.startsWith('Chương ') ? roman : null;
      article = open(`Điều ${articleMatch[1] ?? ''}`, parent ? 2 : 1, articleMatch[2] ?? '', parent);
      numbered = null;
      current = article;
      continue;
    }
    const romanMatch = ROMAN_HEADING.exec(line);
    const numberMatch = NUMBER_HEADING.exec(line);
    const letterMatch = LETTER_HEADING.exec(line);
    const itemMatch = ITEM.exec(line);
    if (romanMatch) {
      roman = open(romanMatch[1] ?? '', 1, romanMatch[2] ?? '', null);
      numbered = article = null;
      current = roman;
    } else if (numberMatch && article) {
      const number = numberMatch[1] ?? '';
      numbered = open(`${article.id}.${number}`, article.depth + number.split('.').length, numberMatch[2] ?? '', article);
      current = numbered;
    } else if (numberMatch) {
      const number = numberMatch[1] ?? '';
      const dots = number.split('.').length - 1;
      const depth = (roman ? 2 : 1) + dots;
      const parent =
        [...sections].reverse().find((s) => s.depth < depth && (!roman || s === roman || s.id.startsWith(`${roman.id}.`))) ?? roman;
      numbered = open(roman ? `${roman.id}.${number}` : number, depth, numberMatch[2] ?? '', parent ?? null);
      current = numbered;
    } else if (letterMatch && (numbered ?? article ?? roman)) {
      const parent = numbered ?? article ?? roman;
      if (parent) current = open(`${parent.id}.${letterMatch[1] ?? ''}`, parent.depth + 1, letterMatch[2] ?? '', parent);
    } else {
      const b = itemMatch ? block('item', itemMatch[1] ?? '') : block('paragraph', line);
      if (!b.text) continue;
      const blocks = current ? current.blocks : preamble;
      const last = blocks[blocks.length - 1];
      if (itemMatch && last && joinsRow(blocks, b.text)) blocks[blocks.length - 1] = block('item', `${last.text} – ${b.text}`);
      else blocks.push(b);
    }
  }
  return { preamble, sections };
}
