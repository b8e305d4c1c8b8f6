import type { Level } from './plan-document.ts';
import { levelsIn } from './levels.ts';
import { isStopword } from './search/terms.ts';
import {
  CONTACT_VERBS,
  DOCUMENT_SELF,
  DOCUMENT_TYPE_NAMES,
  END_CUES,
  EXCEPT_WORDS,
  QUANTITY_UNITS,
  KIND_CUES,
  LEVEL_PHRASES,
  NUMBER_ASKS,
  OUTLINE_AFTER,
  OUTLINE_BEFORE,
  OUTLINE_CUES,
  OUTLINE_NOUNS,
  PLACE_ASKS,
  RECIPIENT_ASKS,
  REFERENCE_ASKS,
  REFERENCE_WORDS,
  SEND_VERBS,
  START_CUES,
  TIME_OF_DAY,
  WEEKDAY_ASKS,
  TO_MARKERS,
  type CueKind,
  type Phrase,
} from './vocabulary.ts';
import { findPhrase, foldText, words, type Word } from './vietnamese-text.ts';

/**
 * What a question asks for. "general": a passage of the plan; "outline": the plan's main parts;
 * "section": a section named by its number ("mục II.1 nói gì"); "place": where something happens.
 */
export type QuestionKind = CueKind | 'reference' | 'outline' | 'section' | 'place' | 'general';

/** The order in which kinds are tried when a question has cues of several ("gửi báo cáo về email nào"). */
const PRIORITY: readonly QuestionKind[] = [
  'email',
  'phone',
  'address',
  'signer',
  'recipients',
  'header',
  'outline',
  'reference',
  'form',
  'applies',
  'duration',
  'cutoff',
  'sanction',
  'rating',
  'place',
  'when',
  'section',
  'duties',
];

/** A question read for answering. */
export interface Question {
  text: string;
  words: Word[];
  /** Kinds of answer the question asks for, most specific first, ending with "general". */
  kinds: QuestionKind[];
  /** Who acts, in a question like "huyện đoàn gửi báo cáo về Tỉnh Đoàn …": the words before "về Tỉnh Đoàn". */
  senderText: string;
  senderLevels: Level[];
  /** Where things go: the words after "gửi về", "lên", "tới". */
  recipientText: string;
  recipientLevels: Level[];
  /** The question asks for a number or a year ("bao nhiêu", "mấy", "năm nào"). */
  asksNumber: boolean;
  /** The question asks where ("ở đâu", "địa điểm nào"). */
  asksPlace: boolean;
  /** The kind of document asked for in "chỉ thị nào", "hướng dẫn số mấy" ("chỉ thị"), if any. */
  referenceType: Phrase | null;
  /** Document numbers written in the question ("04-CT/TW"), folded and without spaces. */
  codes: string[];
  /** Bare numbers written after a document type ("kế hoạch 379", "hướng dẫn số 61"), without leading zeros, with the type folded. */
  referenceNumbers: { number: string; type: string }[];
  /** The section the question names by number ("mục III.2" → "III.2"), if any. */
  sectionId: string | null;
  /** The question asks for the hour ("mấy giờ"). */
  asksTime: boolean;
  /** The question asks for the day of the week ("thứ mấy"). */
  asksWeekday: boolean;
  /** The question asks when something starts or ends. */
  datePart: 'start' | 'end' | null;
}

const DOCUMENT_TYPES: ReadonlySet<string> = new Set(DOCUMENT_TYPE_NAMES.map((name) => foldText(name)));
const DOCUMENT_TYPE_PHRASES = DOCUMENT_TYPE_NAMES.map((name) => ({ text: name, words: words(name) }));

/** A document number as typed: "04-CT/TW", "332/KH-UBND", "61-hd/twđtn-bqt". */
const CODE = /(?<![\p{L}\d/])\d{1,4}\s?[-/]\s?\p{L}{1,10}(?:\s?[-/]\s?\p{L}{1,10}){0,3}/gu;

/** A document number folded for comparison: "04-CT/TW" → "4-ct/tw". */
export function codeKey(code: string): string {
  return foldText(code)
    .replace(/\s+/g, '')
    .replace(/^0+(?=\d)/, '');
}

/** "mục III.2", "phan 2.1", "điểm II": the section number, upper case, dots between parts. */
const SECTION_NAME = /\b(?:muc|phan|diem)\s+(?:so\s+)?([ivx]+|\d+)((?:\s*[./]\s*\d+)*)(?![\p{L}\d])/u;

/** "điều 5", "khoản 2 điều 5": an article of a decision or regulation, and its clause. */
const ARTICLE_NAME = /\b(?:khoan\s+(\d+)\s+)?dieu\s+(?:so\s+)?(\d+)(?![\p{L}\d])/u;

function namedSection(fold: string): string | null {
  const article = ARTICLE_NAME.exec(fold);
  if (article?.[2]) return `Điều ${article[2]}${article[1] ? `.${article[1]}` : ''}`;
  const m = SECTION_NAME.exec(fold);
  if (!m?.[1]) return null;
  const rest = (m[2] ?? '').replace(/\s+/g, '').replace(/\//g, '.').replace(/^\./, '');
  return [m[1].toUpperCase(), ...(rest ? rest.split('.') : [])].join('.');
}

function has(ws: readonly Word[], list: readonly Phrase[]): boolean {
  return list.some((p) => findPhrase(ws, p.words) >= 0);
}

/** "chỉ thị nào", "hướng dẫn số mấy", "căn cứ văn bản nào": the document type followed by an asking word. */
function askedReference(ws: readonly Word[]): Phrase | null {
  let generic: Phrase | null = null;
  for (const ref of REFERENCE_WORDS) {
    for (let at = findPhrase(ws, ref.words); at >= 0; at = findPhrase(ws, ref.words, at + 1)) {
      const after = ws.slice(at + ref.words.length, at + ref.words.length + 3);
      if (!REFERENCE_ASKS.some((ask) => findPhrase(after, ask.words) >= 0)) continue;
      // "thực hiện theo nghị quyết nào": the type of document ("nghị quyết") says more than "thực hiện theo".
      if (DOCUMENT_TYPES.has(ref.words.map((w) => w.fold).join(' '))) return ref;
      generic ??= ref;
    }
  }
  return generic;
}

/** Whether a level's name ("Tỉnh Đoàn", "trung uong doan") starts at position `at`. */
function levelAt(ws: readonly Word[], at: number): boolean {
  return LEVEL_PHRASES.some(({ phrase }) => findPhrase(ws, phrase.words, at) === at);
}

/** The word "báo cáo" used as a verb between two levels: "Tỉnh Đoàn báo cáo Trung ương Đoàn …". */
const REPORT_VERB = words('báo cáo');

/**
 * Splits "X gửi … về Y" into sender words (all but the recipient) and recipient words (after the
 * marker). A level named right after the verb is where things go, marker or not: "gửi Tỉnh Đoàn",
 * "nộp trung ương", "Tỉnh Đoàn báo cáo Trung ương Đoàn".
 */
function split(ws: readonly Word[]): { sender: Word[]; recipient: Word[] } {
  let verbAt = -1;
  let verbEnd = -1;
  for (const v of SEND_VERBS) {
    const at = findPhrase(ws, v.words);
    if (at >= 0 && (verbAt < 0 || at < verbAt)) [verbAt, verbEnd] = [at, at + v.words.length];
  }
  if (verbAt >= 0 && levelAt(ws, verbEnd)) return { sender: ws.slice(0, verbAt), recipient: ws.slice(verbEnd) };
  for (let at = findPhrase(ws, REPORT_VERB); at > 0; at = findPhrase(ws, REPORT_VERB, at + 1)) {
    const end = at + REPORT_VERB.length;
    if (levelsIn(ws.slice(0, at)).length && levelAt(ws, end)) return { sender: ws.slice(0, at), recipient: ws.slice(end) };
  }
  let markerAt = -1;
  for (const m of verbAt < 0 ? [] : TO_MARKERS) {
    const at = findPhrase(ws, m.words, verbAt + 1);
    if (at >= 0 && (markerAt < 0 || at < markerAt)) markerAt = at;
  }
  if (markerAt < 0) return { sender: [...ws], recipient: [] };
  return { sender: ws.slice(0, markerAt), recipient: ws.slice(markerAt + 1) };
}

/** "Ngoài email còn … qua kênh nào": every cue of the kind comes right after a word that sets it aside. */
function setAside(ws: readonly Word[], cues: readonly Phrase[]): boolean {
  let seen = false;
  for (const p of cues) {
    for (let at = findPhrase(ws, p.words); at >= 0; at = findPhrase(ws, p.words, at + 1)) {
      seen = true;
      const before = ws.slice(Math.max(0, at - 2), at);
      const after = (e: Phrase): boolean =>
        before.length >= e.words.length && findPhrase(before, e.words, before.length - e.words.length) >= 0;
      if (!EXCEPT_WORDS.some(after)) return false;
    }
  }
  return seen;
}

/** Marks the positions of `ws` covered by any of `list`. */
function covered(ws: readonly Word[], list: readonly Phrase[]): Set<number> {
  const out = new Set<number>();
  for (const p of list) {
    for (let at = findPhrase(ws, p.words); at >= 0; at = findPhrase(ws, p.words, at + 1)) {
      for (let k = 0; k < p.words.length; k++) out.add(at + k);
    }
  }
  return out;
}

/**
 * "Kế hoạch gửi tới những nơi nào?", "văn bản này gửi cho ai": the plan's own list of recipients.
 * Not when something else is sent ("báo cáo của đoàn trực thuộc gửi cho ai", "gửi báo cáo về đâu").
 */
function asksRecipients(ws: readonly Word[]): boolean {
  const self = covered(ws, DOCUMENT_SELF);
  const isFiller = (w: Word, i: number): boolean => self.has(i) || isStopword(w);
  // "nơi nhận" names the list itself; the other cues ("gửi cho ai") are read like any sending question.
  if ((KIND_CUES.get('recipients') ?? []).some((p) => !has(p.words, SEND_VERBS) && findPhrase(ws, p.words) >= 0)) return true;
  let verbAt = -1;
  let verbEnd = -1;
  for (const v of SEND_VERBS) {
    const at = findPhrase(ws, v.words);
    if (at >= 0 && (verbAt < 0 || at < verbAt)) [verbAt, verbEnd] = [at, at + v.words.length];
  }
  if (verbAt < 0) return false;
  const before = ws.slice(0, verbAt);
  // "Kế hoạch (đêm nhạc) gửi (báo cáo) tới những nơi nào": the plan is sent; "gửi báo cáo về đâu": a report is.
  const planSent = self.has(before.findIndex((w) => !isStopword(w)));
  if (!planSent && !before.every((w, i) => isFiller(w, i))) return false;
  const after = ws.slice(verbEnd);
  for (const ask of RECIPIENT_ASKS) {
    const at = findPhrase(after, ask.words);
    if (at < 0) continue;
    const between = after.slice(0, at);
    if (planSent || between.every((w, k) => isFiller(w, verbEnd + k) || TO_MARKERS.some((m) => findPhrase([w], m.words) === 0)))
      return true;
  }
  return false;
}

/**
 * "Kế hoạch về việc gì", "ai ban hành": the document itself. Not "gửi kế hoạch về Tỉnh Đoàn", where the
 * plan is what is sent and "về" says where to.
 */
function asksHeader(ws: readonly Word[]): boolean {
  let verbAt = -1;
  for (const v of SEND_VERBS) {
    const at = findPhrase(ws, v.words);
    if (at >= 0 && (verbAt < 0 || at < verbAt)) verbAt = at;
  }
  return (KIND_CUES.get('header') ?? []).some((p) => {
    const at = findPhrase(ws, p.words);
    return at >= 0 && (verbAt < 0 || verbAt > at);
  });
}

/** "Kế hoạch gồm những phần nào?", "có mấy mục", "bố cục": the plan's main parts. */
function asksOutline(ws: readonly Word[]): boolean {
  if (has(ws, OUTLINE_CUES)) return true;
  for (const noun of OUTLINE_NOUNS) {
    for (let at = findPhrase(ws, noun.words); at >= 0; at = findPhrase(ws, noun.words, at + 1)) {
      const before = ws.slice(Math.max(0, at - 1), at);
      const after = ws.slice(at + noun.words.length, at + noun.words.length + 1);
      const beforeOk = OUTLINE_BEFORE.some((p) => findPhrase(before, p.words.slice(-1)) === 0);
      const afterOk = after.length === 0 || OUTLINE_AFTER.some((p) => findPhrase(after, p.words.slice(0, 1)) === 0);
      if (beforeOk && afterOk) return true;
    }
  }
  return false;
}

/** A year ("kế hoạch 2021") is not a document number. */
const YEAR = /^(?:19|20)\d\d$/u;

/** "Kế hoạch 379", "hướng dẫn số 61": the numbers written after the name of a document type. */
function referenceNumbers(ws: readonly Word[]): { number: string; type: string }[] {
  const out: { number: string; type: string }[] = [];
  for (const type of DOCUMENT_TYPE_PHRASES) {
    for (let at = findPhrase(ws, type.words); at >= 0; at = findPhrase(ws, type.words, at + 1)) {
      const next = ws.slice(at + type.words.length, at + type.words.length + 2);
      const numberAt = at + type.words.length + (next[0]?.fold === 'so' ? 1 : 0);
      const n = ws[numberAt]?.fold;
      // "báo cáo 6 tháng": a number followed by a unit is a quantity, not a document number.
      const unit = ws[numberAt + 1];
      if (unit && QUANTITY_UNITS.some((u) => findPhrase([unit], u.words) === 0)) continue;
      if (n && /^\d{1,4}$/u.test(n) && !YEAR.test(n)) out.push({ number: n.replace(/^0+(?=\d)/u, ''), type: foldText(type.text) });
    }
  }
  return out;
}

/** "Chỉ thị 04", "hướng dẫn số 61": a document type followed by its number. */
function namesReferenceNumber(ws: readonly Word[]): boolean {
  for (const ref of REFERENCE_WORDS) {
    for (let at = findPhrase(ws, ref.words); at >= 0; at = findPhrase(ws, ref.words, at + 1)) {
      const next = ws.slice(at + ref.words.length, at + ref.words.length + 2);
      if (next[0]?.fold === 'so' ? /^\d+$/.test(next[1]?.fold ?? '') : /^\d+$/.test(next[0]?.fold ?? '')) return true;
    }
  }
  return false;
}

const text = (ws: readonly Word[]): string => ws.map((w) => w.canon).join(' ');

/**
 * The words of a question. In a question typed with diacritics, a word without any ("cơ quan")
 * is written as meant, so it matches only itself ("quan", not "quận"); in one typed without them,
 * it may stand for any spelling.
 */
function typedWords(question: string): Word[] {
  const ws = words(question);
  const letters = ws.filter((w) => /\p{L}/u.test(w.canon));
  const accented = letters.filter((w) => !w.plain).length;
  if (accented * 2 < letters.length) return ws;
  return ws.map((w) => (w.plain && /\p{L}/u.test(w.canon) ? { ...w, plain: false } : w));
}

/** Reads what a question asks for and who and what it is about. */
export function readQuestion(question: string): Question {
  const ws = typedWords(question);
  const referenceType = askedReference(ws);
  const codes = [...question.normalize('NFC').matchAll(CODE)].map((m) => codeKey(m[0]));
  const numbers = referenceNumbers(ws);
  const fold = ws.map((w) => w.fold).join(' ');
  const sectionId = namedSection(foldText(question.normalize('NFC')));
  const asksPlace = has(ws, PLACE_ASKS);
  const detect: Partial<Record<QuestionKind, () => boolean>> = {
    reference: () => referenceType !== null,
    recipients: () => asksRecipients(ws),
    outline: () => sectionId === null && asksOutline(ws),
    section: () => sectionId !== null,
    place: () => asksPlace,
    phone: () => has(ws, KIND_CUES.get('phone') ?? []) || (has(ws, CONTACT_VERBS) && has(ws, NUMBER_ASKS)),
    header: () => asksHeader(ws),
  };
  let kinds: QuestionKind[] = PRIORITY.filter((kind) => detect[kind]?.() ?? has(ws, KIND_CUES.get(kind as CueKind) ?? []));
  kinds = kinds.filter((kind) => !setAside(ws, KIND_CUES.get(kind as CueKind) ?? []));
  // A question naming a cited document ("chỉ thị 04-CT/TW ban hành ngày nào") is about that document, not the plan.
  if (codes.length || numbers.length || namesReferenceNumber(ws))
    kinds = ['reference', ...kinds.filter((k) => k !== 'reference' && k !== 'header' && k !== 'outline')];
  kinds.push('general');
  const { sender, recipient } = split(ws);
  return {
    text: question,
    words: ws,
    kinds,
    senderText: text(sender),
    senderLevels: levelsIn(sender),
    recipientText: text(recipient),
    recipientLevels: levelsIn(recipient),
    asksNumber: /\b(?:bao nhieu|may|nam nao|so nao)\b/u.test(fold),
    referenceType,
    asksPlace,
    codes,
    referenceNumbers: numbers,
    sectionId,
    asksTime: has(ws, TIME_OF_DAY),
    asksWeekday: has(ws, WEEKDAY_ASKS),
    datePart: has(ws, START_CUES) ? 'start' : has(ws, END_CUES) ? 'end' : null,
  };
}
