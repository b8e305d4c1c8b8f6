import type { Block, Section } from '../plan-document.ts';
import { collapseSpaces } from '../vietnamese-text.ts';
import { ITEM, LETTER_HEADING, NUMBER_HEADING, ROMAN_HEADING, joinWrappedLines } from './lines.ts';
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

export interface SectionsResult {
  preamble: Block[];
  sections: Section[];
}

function block(kind: Block['kind'], text: string): Block {
  const clean = collapseSpaces(text);
  return { kind, text: clean, sentences: splitSentences(clean) };
}

/**
 * Reads the body of a plan into numbered sections. "I." opens a top section, "1." (or "1/", "2.1.")
 * a section under the current Roman one, "a)" one under the current numbered one; "-", "+"
 * lines are items and other lines paragraphs of the current section.
 */
export function readSections(lines: readonly string[]): SectionsResult {
  const preamble: Block[] = [];
  const sections: Section[] = [];
  const ids = new Set<string>();
  let roman: Section | null = null;
  let numbered: Section | null = null;
  let current: Section | null = null;

  const open = (id: string, depth: number, heading: string, parent: Section | null): Section => {
    let unique = id;
    for (let n = 2; ids.has(unique); n++) unique = `${id}-${n}`;
    ids.add(unique);
    const section: Section = { id: unique, parentId: parent?.id ?? null, depth, heading: collapseSpaces(heading), blocks: [] };
    sections.push(section);
    return section;
  };

  for (const line of joinWrappedLines(lines)) {
    if (!line) continue;
    const romanMatch = ROMAN_HEADING.exec(line);
    const numberMatch = NUMBER_HEADING.exec(line);
    const letterMatch = LETTER_HEADING.exec(line);
    const itemMatch = ITEM.exec(line);
    if (romanMatch) {
      roman = open(romanMatch[1] ?? '', 1, romanMatch[2] ?? '', null);
      numbered = null;
      current = roman;
    } else if (numberMatch) {
      const number = numberMatch[1] ?? '';
      const dots = number.split('.').length - 1;
      const depth = (roman ? 2 : 1) + dots;
      const parent =
        [...sections].reverse().find((s) => s.depth < depth && (!roman || s === roman || s.id.startsWith(`${roman.id}.`))) ?? roman;
      numbered = open(roman ? `${roman.id}.${number}` : number, depth, numberMatch[2] ?? '', parent ?? null);
      current = numbered;
    } else if (letterMatch && (numbered ?? roman)) {
      const parent = numbered ?? roman;
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
