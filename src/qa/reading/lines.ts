/**
 * Raw text to clean lines: NFC, Markdown marks removed, page numbers and field codes dropped, and
 * lines that a PDF or a narrow page wrapped joined back into their paragraph.
 */

/** "I.", "II/" */
export const ROMAN_HEADING = /^([IVX]{1,5})\s*[./)]\s*(\S.*)$/u;
/** "1.", "1/", "2.1.", "1)" followed by text. */
export const NUMBER_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\s*[./)]\s*((?:\p{L}|[“"(‘']).*)$/u;
/** "Chương I. QUY ĐỊNH CHUNG", "Chương 2 – …": a chapter of a regulation. */
export const CHAPTER_HEADING = /^Chương\s+([IVX]{1,5}|\d{1,2})(?![\p{L}\d])\s*[.:\-–]?\s*(.*)$/u;
/** "Điều 5. Tiêu chuẩn tặng Bằng khen": an article of a decision or regulation. */
export const ARTICLE_HEADING = /^Điều\s+(\d{1,3})\s*[.:]\s*(.*)$/u;
/** "a)" */
export const LETTER_HEADING = /^([a-zđ])\)\s*(\S.*)$/u;
/** "- item", "+ sub-item", "• item" (but not a line of dashes). */
export const ITEM = /^[-–—+•*·]\s*(?![-–—]{2})(.*)$/u;
/** A line of dashes, stars or underscores, maybe followed by text that starts the body. */
export const SEPARATOR = /^[-–—_*=]{3,}\s*(.*)$/u;

/** Whether a line starts a heading or an item (and so never continues the line above). */
export function startsBlock(line: string): boolean {
  return (
    CHAPTER_HEADING.test(line) ||
    ARTICLE_HEADING.test(line) ||
    ROMAN_HEADING.test(line) ||
    NUMBER_HEADING.test(line) ||
    LETTER_HEADING.test(line) ||
    ITEM.test(line) ||
    SEPARATOR.test(line)
  );
}

function fromMarkdown(text: string): string {
  return text
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/^(\s*)\*\s+/gm, '$1- ')
    .replace(/^>\s?/gm, '');
}

/** Splits a document into lines, keeping tabs (header columns) and blank lines. */
export function prepareLines(text: string, fileName?: string): string[] {
  let clean = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/\f/g, '\n');
  if (fileName && /\.(md|markdown)$/i.test(fileName)) clean = fromMarkdown(clean);
  return clean
    .split('\n')
    .map((line) => line.replace(/[ \u200b]+$/u, '').replace(/^\s*PAGE\s+\\\*\s*MERGEFORMAT\s*\d*\s*$/i, ''))
    .map((line) => (/^\s*\d{1,3}\s*$/.test(line) ? '' : line));
}

const SENTENCE_END = /[.:;!?…)"”]$/u;

/**
 * Joins lines that continue the line above: a line starting in lower case, or any line after a
 * long line that does not end a sentence (a wrapped PDF line). Headings and items always start anew.
 */
export function joinWrappedLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\t+/g, ' ').trim();
    const prev = out[out.length - 1];
    const continues =
      prev !== undefined &&
      prev !== '' &&
      line !== '' &&
      !startsBlock(line) &&
      // "Điều 2. Nguyên tắc khen thưởng" is a heading: the paragraph under it starts anew.
      !ARTICLE_HEADING.test(prev) &&
      !CHAPTER_HEADING.test(prev) &&
      (/^\p{Ll}/u.test(line) || (prev.length >= 55 && !SENTENCE_END.test(prev)));
    if (continues) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}
