import { foldText } from './fold.ts';
import { isKnownNumberCompanion, phraseWords } from './number-words.ts';

/** Why a text could not be read as one number. `extra_words`: a number with words that are not a unit ("không rõ"). */
export type NumberReadFailure = 'empty' | 'not_a_number' | 'ambiguous' | 'extra_words';

export type NumberReadResult = { ok: true; value: number } | { ok: false; reason: NumberReadFailure; word?: string };

/** What the question allows next to its number. */
export interface NumberReadOptions {
  /** The question's own unit, as shown ("buổi", "triệu đồng"); its words may follow the number. */
  unit?: string;
}

type Token =
  | { kind: 'literal'; value: number }
  | { kind: 'digit'; value: number }
  | { kind: 'ten' }
  | { kind: 'hundred' }
  | { kind: 'scale'; value: number }
  | { kind: 'filler' }
  /** A word that is not a number word (folded). */
  | { kind: 'word'; word: string; text: string }
  /** Punctuation. */
  | { kind: 'other' };

/** Number words, without diacritics ("mốt", "một" → "mot"; "mười", "mươi" → "muoi"). */
const DIGIT_WORDS = new Map<string, number>([
  ['khong', 0],
  ['mot', 1],
  ['hai', 2],
  ['ba', 3],
  ['bon', 4],
  ['tu', 4],
  ['nam', 5],
  ['lam', 5],
  ['nham', 5],
  ['sau', 6],
  ['bay', 7],
  ['tam', 8],
  ['chin', 9],
]);
const SCALE_WORDS = new Map<string, number>([
  ['nghin', 1e3],
  ['ngan', 1e3],
  ['trieu', 1e6],
  ['ty', 1e9],
  ['ti', 1e9],
]);
const TEN_WORDS = new Set(['muoi', 'chuc']);
const FILLER_WORDS = new Set(['linh', 'le']);
/** The same words spelled with diacritics; "lắm" (very) or "tự" must not read as "lăm", "tư". */
const SPELLED_WORDS = new Set(
  'không một mốt hai ba bốn tư năm lăm nhăm sáu bảy bẩy tám chín mười mươi chục trăm nghìn ngàn triệu tỷ tỉ linh lẻ'.split(' '),
);

const TOKEN_PATTERN = /([-−]?)(\d+(?:[.,]\d+)*)|(\p{L}+)|(\S)/gu;

/**
 * Reads one number the way Vietnamese officers type it: "1.200" → 1200, "1,5" → 1.5, "1.200,5" → 1200.5,
 * "12 buổi" → 12, "hai mươi mốt" → 21, "một trăm lẻ năm" → 105, "1,5 triệu" → 1 500 000, "-3" → -3,
 * also without diacritics ("muoi hai"). A single dot followed by exactly three digits groups thousands;
 * a single comma is always the decimal mark. Two different numbers ("12 hoặc 13") are ambiguous.
 * Besides number words, only the question's unit and known unit or estimation words may appear
 * ("khoảng 30 người"); any other word is refused ("không rõ", "năm ngoái", "ba tháng trước").
 * When the unit itself starts with a scale word ("triệu đồng"), "1,5 triệu" on that question is 1.5.
 */
export function readNumber(text: string, options: NumberReadOptions = {}): NumberReadResult {
  const input = text.normalize('NFC').trim();
  if (input === '') return { ok: false, reason: 'empty' };

  const all = tokenize(input);
  if (all === null) return { ok: false, reason: 'not_a_number' };
  const unitWords = options.unit === undefined ? [] : phraseWords(options.unit);
  const tokens = dropScaleOfUnit(all, unitWords);

  const groups = splitGroups(tokens);
  if (groups.length === 0) return { ok: false, reason: 'not_a_number' };

  // A lone digit word ("năm" is also "year", "ba" also "father") counts only when nothing stronger is there.
  const strong = groups.filter((g) => !(g.length === 1 && g[0]?.kind === 'digit'));
  const chosen = strong.length > 0 ? strong : groups;
  const values = chosen.map(evaluate);
  const first = values[0];
  if (first === undefined || first === null || values.some((v) => v !== first)) {
    return { ok: false, reason: 'ambiguous' };
  }
  const stranger = tokens.find((t) => t.kind === 'word' && !unitWords.includes(t.word) && !isKnownNumberCompanion(t.word));
  if (stranger?.kind === 'word') return { ok: false, reason: 'extra_words', word: stranger.text };
  return { ok: true, value: Number(first.toPrecision(15)) };
}

/**
 * With a unit such as "triệu đồng", the scale word that starts it is the unit, not a multiplier: the
 * last "triệu" followed only by the rest of the unit (or nothing) is dropped.
 */
function dropScaleOfUnit(tokens: Token[], unitWords: string[]): Token[] {
  const [first, ...rest] = unitWords;
  if (first === undefined || !SCALE_WORDS.has(first)) return tokens;
  const tail = tokens.filter((t) => t.kind !== 'other');
  const words = tail.map((t) => (t.kind === 'word' ? t.word : null));
  for (let cut = rest.length; cut >= 0; cut--) {
    const after = words.slice(words.length - cut);
    const scale = tail[tail.length - cut - 1];
    if (after.every((w, i) => w === rest[i]) && scale?.kind === 'scale' && scale.value === SCALE_WORDS.get(first)) {
      return tokens.filter((t) => t !== scale);
    }
  }
  return tokens;
}

/** Turns the text into tokens; null when a numeral is malformed ("1.2.3"). */
function tokenize(input: string): Token[] | null {
  const tokens: Token[] = [];
  for (const match of input.matchAll(TOKEN_PATTERN)) {
    const [, sign, literal, word] = match;
    if (literal !== undefined) {
      const value = parseLiteral(literal);
      if (value === null) return null;
      tokens.push({ kind: 'literal', value: sign ? -value : value });
    } else if (word !== undefined) {
      tokens.push(classifyWord(word.toLowerCase()));
    } else {
      tokens.push({ kind: 'other' });
    }
  }
  return tokens;
}

/** Classifies a lower-case word: spelled with diacritics it must be a known number word; typed without, it is looked up as is. */
function classifyWord(spelled: string): Token {
  const word = foldText(spelled);
  if (word !== spelled && !SPELLED_WORDS.has(spelled)) return { kind: 'word', word, text: spelled };
  const digit = DIGIT_WORDS.get(word);
  if (digit !== undefined) return { kind: 'digit', value: digit };
  const scale = SCALE_WORDS.get(word);
  if (scale !== undefined) return { kind: 'scale', value: scale };
  if (TEN_WORDS.has(word)) return { kind: 'ten' };
  if (word === 'tram') return { kind: 'hundred' };
  if (FILLER_WORDS.has(word)) return { kind: 'filler' };
  return { kind: 'word', word, text: spelled };
}

/** Maximal runs of number tokens; any other word or punctuation ends a run. */
function splitGroups(tokens: Token[]): Token[][] {
  const groups: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'other' || token.kind === 'word') {
      if (current.length > 0) groups.push(current);
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) groups.push(current);
  // A run of only fillers ("lẻ" alone) is a word, not a number.
  return groups.filter((g) => g.some((t) => t.kind !== 'filler'));
}

/** The value of one run of number tokens; null when the run is not one number ("hai ba"). */
function evaluate(group: Token[]): number | null {
  let total = 0;
  let chunk = 0;
  let pending: number | null = null;
  for (const token of group) {
    switch (token.kind) {
      case 'literal':
      case 'digit':
        if (pending !== null) return null;
        pending = token.value;
        break;
      case 'ten':
        // "hai mươi" multiplies the digit before it; "mười hai" starts at ten.
        chunk += pending === null ? 10 : pending * 10;
        pending = null;
        break;
      case 'hundred':
        chunk += (pending ?? 1) * 100;
        pending = null;
        break;
      case 'filler':
        if (pending !== null) return null;
        break;
      case 'scale': {
        const part = chunk + (pending ?? 0);
        if (part === 0 && total > 0) total *= token.value;
        else total += (part === 0 ? 1 : part) * token.value;
        chunk = 0;
        pending = null;
        break;
      }
      case 'word':
      case 'other':
        return null;
    }
  }
  return total + chunk + (pending ?? 0);
}

/** "1200", "1.200", "1.200.000", "1,5", "1.200,5", "1,200,000", "1.5"; null when malformed. */
function parseLiteral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const hasDot = text.includes('.');
  const hasComma = text.includes(',');
  if (hasDot && hasComma) {
    const decimalMark = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const groupMark = decimalMark === '.' ? ',' : '.';
    const cut = text.lastIndexOf(decimalMark);
    const whole = text.slice(0, cut);
    const fraction = text.slice(cut + 1);
    if (!isGrouped(whole, groupMark) || fraction.includes(groupMark)) return null;
    return Number(`${whole.split(groupMark).join('')}.${fraction}`);
  }
  const mark = hasDot ? '.' : ',';
  const parts = text.split(mark);
  if (parts.length > 2) return isGrouped(text, mark) ? Number(parts.join('')) : null;
  const [whole = '', fraction = ''] = parts;
  if (mark === '.' && fraction.length === 3 && whole !== '0' && whole.length <= 3) return Number(whole + fraction);
  return Number(`${whole}.${fraction}`);
}

/** "1.200.000" with mark ".": one to three digits, then groups of exactly three. */
function isGrouped(text: string, mark: string): boolean {
  const escaped = mark === '.' ? '\\.' : ',';
  return new RegExp(`^\\d{1,3}(?:${escaped}\\d{3})+$`).test(text);
}
