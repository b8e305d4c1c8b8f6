/**
 * Vietnamese text for matching: one canonical spelling per word (NFC, tone mark on the vowel where
 * traditional orthography puts it: "hòa", "ủy", "thúy", "khỏe"), and a folded form without any
 * diacritics ("đ" → "d") for people who type without them. Display text is never rewritten here.
 */

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
/** Combining marks that make a vowel "marked" (ă â ê ô ơ ư), which then carries the tone. */
const SHAPE_MARKS = new Set(['\u0302', '\u0306', '\u031B']);

interface Letter {
  base: string;
  lower: string;
  marks: string[];
}

function splitLetters(word: string): Letter[] {
  const letters: Letter[] = [];
  for (const ch of word.normalize('NFD')) {
    const last = letters[letters.length - 1];
    if (/\p{M}/u.test(ch) && last) last.marks.push(ch);
    else letters.push({ base: ch, lower: ch.toLowerCase(), marks: [] });
  }
  return letters;
}

/** Index of the letter that carries the tone in traditional orthography, or -1 when not a syllable. */
function toneIndex(letters: Letter[]): number {
  let start = 0;
  const first = letters[0]?.lower;
  const second = letters[1]?.lower;
  const third = letters[2]?.lower;
  // "qu" and "gi" (before another vowel) are consonants: "quý", "giữ".
  if (first === 'q' && second === 'u') start = 2;
  else if (first === 'g' && second === 'i' && third !== undefined && VOWELS.has(third)) start = 2;
  while (start < letters.length && !VOWELS.has(letters[start]?.lower ?? '')) start++;
  let end = start;
  while (end < letters.length && VOWELS.has(letters[end]?.lower ?? '')) end++;
  const clusterLength = end - start;
  if (clusterLength === 0) return -1;
  for (let i = end - 1; i >= start; i--) {
    if (letters[i]?.marks.some((m) => SHAPE_MARKS.has(m))) return i;
  }
  const hasFinalConsonant = end < letters.length;
  if (hasFinalConsonant) return end - 1;
  if (clusterLength === 1) return start;
  if (clusterLength === 2) return start;
  return start + 1;
}

function normalizeWord(word: string): string {
  const letters = splitLetters(word);
  const toneAt = letters.findIndex((l) => l.marks.some((m) => TONE_MARKS.has(m)));
  if (toneAt < 0) return word;
  const target = toneIndex(letters);
  if (target < 0 || target === toneAt) return word;
  const tone = letters[toneAt]?.marks.find((m) => TONE_MARKS.has(m));
  const from = letters[toneAt];
  const to = letters[target];
  if (!tone || !from || !to) return word;
  from.marks = from.marks.filter((m) => m !== tone);
  to.marks = [...to.marks, tone];
  return letters
    .map((l) => l.base + l.marks.join(''))
    .join('')
    .normalize('NFC');
}

/** A cache of words already seen (a plan uses a few thousand distinct syllables); emptied when full. */
class WordCache<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly limit: number) {}
  get(key: string, make: (key: string) => T): T {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      value = make(key);
      this.map.set(key, value);
    }
    return value;
  }
}

const CACHE_LIMIT = 50_000;
const normalizedWords = new WordCache<string>(CACHE_LIMIT);

/** NFC with tone marks placed the traditional way: "hoà" → "hòa", "uỷ" → "ủy", "thuý" → "thúy". */
export function normalizeToneMarks(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\p{L}+/gu, (word) => (/[^\p{ASCII}]/u.test(word) ? normalizedWords.get(word, normalizeWord) : word));
}

/** Removes every diacritic ("đ" → "d") without changing case. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Lower-case canonical spelling used for matching words typed with diacritics. */
export function canonical(text: string): string {
  return normalizeToneMarks(text).toLowerCase();
}

/** Lower-case, no diacritics: for matching words typed without them. */
export function foldText(text: string): string {
  return stripDiacritics(text).toLowerCase();
}

/** True when a word carries no diacritic at all, so it may stand for any accented spelling. */
export function isPlain(word: string): boolean {
  return !/[^\p{ASCII}]/u.test(word);
}

/** One word of a text, in both matching forms. */
export interface Word {
  /** Canonical lower-case spelling ("06" becomes "6": leading zeros carry no meaning). */
  canon: string;
  /** Without diacritics. */
  fold: string;
  /** Typed without diacritics: matches any word with the same folded form. */
  plain: boolean;
}

const wordForms = new WordCache<Word>(CACHE_LIMIT);

function toWord(token: string): Word {
  const canon = /^\d+$/.test(token) ? token.replace(/^0+(?=\d)/, '') : normalizeToneMarks(token).toLowerCase();
  return { canon, fold: foldText(canon), plain: isPlain(canon) };
}

/** The words of texts already read (a plan's passages are read again for every question). */
const textWords = new WordCache<Word[]>(CACHE_LIMIT / 5);

function readWords(text: string): Word[] {
  const result: Word[] = [];
  for (const match of text.normalize('NFC').matchAll(/[\p{L}\p{N}]+/gu)) result.push(wordForms.get(match[0], toWord));
  return result;
}

/** The words of a text (letters and digits), in order. */
export function words(text: string): Word[] {
  return textWords.get(text, readWords).slice();
}

/** Whether a word typed by someone (`typed`) may be the same as a word of the document (`known`). */
export function sameWord(typed: Word, known: Word): boolean {
  return typed.plain || known.plain ? typed.fold === known.fold : typed.canon === known.canon;
}

/** Where `phrase` occurs in `text` as whole consecutive words, or -1. */
export function findPhrase(text: readonly Word[], phrase: readonly Word[], from = 0): number {
  if (phrase.length === 0) return -1;
  outer: for (let i = from; i + phrase.length <= text.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      const a = text[i + j];
      const b = phrase[j];
      if (!a || !b || !sameWord(a, b)) continue outer;
    }
    return i;
  }
  return -1;
}

/** Whether `phrase` occurs in `text` as whole words, diacritics compared only where both have them. */
export function containsPhrase(text: string | readonly Word[], phrase: string | readonly Word[]): boolean {
  const t = typeof text === 'string' ? words(text) : text;
  const p = typeof phrase === 'string' ? words(phrase) : phrase;
  return findPhrase(t, p) >= 0;
}

/** Collapses runs of white space into one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
