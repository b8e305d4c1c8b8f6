/** Dates as Vietnamese documents write them: "10/6/2013", "10-06-2013", "ngày 24 tháng 01 năm 2026", "15/01 - 24/01/2026". */

/** YYYY-MM-DD, or null when the day does not exist. */
export function isoDate(day: number, month: number, year: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** One date found in a text. */
export interface DateMention {
  /** Position of `raw` in the text. */
  index: number;
  raw: string;
  date: string;
  /** The date written just before it, joined by a dash or "đến" (a range). */
  rangeWith?: 'previous' | 'next';
}

const FULL = /(?<![\d/.])(\d{1,2})\s?([/.-])\s?(\d{1,2})\2(\d{4})(?![\d/])/gu;
const WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;
const DAY_MONTH = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/])/gu;
const RANGE_GLUE = /^\s*(?:[-–—]|đến|tới)\s*(?:hết\s*)?(?:ngày\s*)?$/iu;

/**
 * Every date in a text, in order. A day and month without a year ("15/01") is kept only when a
 * full date follows it as the end of a range ("từ ngày 15/01 - 24/01/2026").
 */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of text.matchAll(FULL)) {
    const date = isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
    if (date) found.push({ index: m.index, raw: m[0], date });
  }
  for (const m of text.matchAll(WORDS)) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) found.push({ index: m.index, raw: m[0], date });
  }
  found.sort((a, b) => a.index - b.index);
  for (const m of text.matchAll(DAY_MONTH)) {
    if (found.some((f) => m.index >= f.index && m.index < f.index + f.raw.length)) continue;
    const next = found.find((f) => f.index > m.index);
    const glue = next ? text.slice(m.index + m[0].length, next.index) : '';
    const year = next && RANGE_GLUE.test(glue) ? Number(next.date.slice(0, 4)) : undefined;
    const date = year ? isoDate(Number(m[1]), Number(m[2]), year) : null;
    if (date) found.push({ index: m.index, raw: m[0], date });
  }
  found.sort((a, b) => a.index - b.index);
  for (let i = 1; i < found.length; i++) {
    const a = found[i - 1];
    const b = found[i];
    if (a && b && RANGE_GLUE.test(text.slice(a.index + a.raw.length, b.index))) {
      a.rangeWith = 'next';
      b.rangeWith = 'previous';
    }
  }
  return found;
}

/** "2013-06-10" → "10/06/2013". */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
