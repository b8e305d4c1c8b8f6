import type { Level } from './plan-document.ts';
import { levelsIn } from './levels.ts';
import { KIND_CUES, PLACE_ASKS, REFERENCE_ASKS, REFERENCE_WORDS, SEND_VERBS, TO_MARKERS, type CueKind, type Phrase } from './vocabulary.ts';
import { findPhrase, words, type Word } from './vietnamese-text.ts';

/** What a question asks for. "general": a passage of the plan. */
export type QuestionKind = CueKind | 'reference' | 'general';

/** The order in which kinds are tried when a question has cues of several ("gửi báo cáo về email nào"). */
const PRIORITY: readonly QuestionKind[] = ['email', 'phone', 'address', 'signer', 'recipients', 'header', 'reference', 'when', 'duties'];

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
}

function has(ws: readonly Word[], list: readonly Phrase[]): boolean {
  return list.some((p) => findPhrase(ws, p.words) >= 0);
}

/** "chỉ thị nào", "hướng dẫn số mấy", "căn cứ văn bản nào": the document type followed by an asking word. */
function askedReference(ws: readonly Word[]): Phrase | null {
  for (const ref of REFERENCE_WORDS) {
    for (let at = findPhrase(ws, ref.words); at >= 0; at = findPhrase(ws, ref.words, at + 1)) {
      const after = ws.slice(at + ref.words.length, at + ref.words.length + 3);
      if (REFERENCE_ASKS.some((ask) => findPhrase(after, ask.words) >= 0)) return ref;
    }
  }
  return null;
}

/** Splits "X gửi … về Y" into sender words (all but the recipient) and recipient words (after the marker). */
function split(ws: readonly Word[]): { sender: Word[]; recipient: Word[] } {
  let verbAt = -1;
  for (const v of SEND_VERBS) {
    const at = findPhrase(ws, v.words);
    if (at >= 0 && (verbAt < 0 || at < verbAt)) verbAt = at;
  }
  let markerAt = -1;
  for (const m of verbAt < 0 ? [] : TO_MARKERS) {
    const at = findPhrase(ws, m.words, verbAt + 1);
    if (at >= 0 && (markerAt < 0 || at < markerAt)) markerAt = at;
  }
  if (markerAt < 0) return { sender: [...ws], recipient: [] };
  return { sender: ws.slice(0, markerAt), recipient: ws.slice(markerAt + 1) };
}

const text = (ws: readonly Word[]): string => ws.map((w) => w.canon).join(' ');

/** Reads what a question asks for and who and what it is about. */
export function readQuestion(question: string): Question {
  const ws = words(question);
  const referenceType = askedReference(ws);
  const kinds: QuestionKind[] = [];
  for (const kind of PRIORITY) {
    if (kind === 'reference' ? referenceType !== null : has(ws, KIND_CUES.get(kind as CueKind) ?? [])) kinds.push(kind);
  }
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
    asksNumber: /\b(?:bao nhieu|may|nam nao|so nao)\b/u.test(ws.map((w) => w.fold).join(' ')),
    referenceType,
    asksPlace: has(ws, PLACE_ASKS),
  };
}
