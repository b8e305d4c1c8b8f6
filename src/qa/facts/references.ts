import type { ReferenceFact } from '../plan-document.ts';
import { DOCUMENT_TYPE_BY_CODE, DOCUMENT_TYPE_NAMES } from '../vocabulary.ts';
import { canonical, collapseSpaces } from '../vietnamese-text.ts';
import type { LocatedSentence } from './located-sentences.ts';

/** A document number: "04-CT/TW", "61-HD/TWĐTN-BQT", "330/KH-UBND", "01 - KH/ĐTN". */
/** A document number left blank in a draft ("Nghị quyết số ......- NQ/ĐU", "Chỉ thị số - CT/ĐU") is read by its letters. */
const CODE =
  /(?<![\p{L}\d/])(?:\d{1,4}\s?[-/]\s?|(?<=(?:^|\s)[Ss]ố:?\s{0,3})[.…]*\s?-?\s?)([A-ZĐ][A-Za-zĐ]{0,9}(?:\s?[-/]\s?[A-ZĐ][A-Za-zĐ]{0,9}){1,3})(?![\p{L}\d])/gu;
const MAX_TEXT = 260;

function typeBefore(sentence: string, index: number): { type: string; start: number } | null {
  const before = canonical(sentence.slice(Math.max(0, index - 60), index));
  let best: { type: string; start: number } | null = null;
  for (const name of DOCUMENT_TYPE_NAMES) {
    const m = new RegExp(`${canonical(name)}(?:\\s+(?:của [^,;]{1,40}?\\s*:\\s*)?số)?\\s*:?\\s*$`, 'u').exec(before);
    if (m && (!best || m.index > best.start)) best = { type: name, start: index - before.length + m.index };
  }
  return best;
}

function typeFromCode(code: string): string | null {
  const letters = code.replace(/^\d+\s?[-/]\s?/, '').split(/\s?[-/]\s?/);
  for (const part of letters) {
    const type = DOCUMENT_TYPE_BY_CODE.get(part);
    if (type) return type;
  }
  return null;
}

/** Where a reference ends in a list: ", " before a capital letter, outside quotes. */
function listBreak(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length - 2; i++) {
    const ch = text[i];
    if (ch === '“' || ch === '”' || ch === '"') quoted = ch === '“' || (ch === '"' && !quoted);
    else if (!quoted && ch === ',' && text[i + 1] === ' ' && /\p{Lu}/u.test(text[i + 2] ?? '')) return i;
  }
  return text.length;
}

/** "… thay thế Hướng dẫn số …", "bãi bỏ Quyết định số …": the words before a reference it replaces, in its clause. */
const REPLACED_BEFORE = /(?:thay thế|bãi bỏ|hết hiệu lực|thay cho)[^;.]*$/iu;
/** "Căn cứ …", "Thực hiện …", "theo …": the words opening the clause of a reference the document is based on. */
const BASIS_BEFORE = /(?:^|[;:]\s*)(?:Căn cứ|Thực hiện|Triển khai|Theo|Dựa (?:trên|vào)|Trên cơ sở)(?!\p{L})[^;]*$/iu;

function relationOf(sentence: string, start: number): ReferenceFact['relation'] {
  const before = sentence.slice(0, start);
  if (REPLACED_BEFORE.test(before)) return 'replaced';
  if (BASIS_BEFORE.test(before)) return 'basis';
  return undefined;
}

/** References to other documents, with their type, date, issuer and subject as written. */
export function extractReferences(sentences: readonly LocatedSentence[]): ReferenceFact[] {
  const facts: ReferenceFact[] = [];
  for (const { text, section } of sentences) {
    const matches = [...text.matchAll(CODE)];
    matches.forEach((m, k) => {
      const code = collapseSpaces(m[0])
        .replace(/^[.…\s-]+/u, '')
        .replace(/\s?([-/])\s?/g, '$1');
      const before = typeBefore(text, m.index);
      const start = before?.start ?? m.index;
      const next = matches[k + 1];
      let end = text.indexOf(';', m.index);
      if (end < 0) end = text.length;
      // A following reference ends this one when it starts a new list item ("…, Kế hoạch số …"),
      // not when it is this one's subject ("… về thực hiện Chỉ thị 04-CT/TW").
      const nextStart = next ? (typeBefore(text, next.index)?.start ?? next.index) : end;
      if (next && nextStart < end && /(?:[,;]|\svà)\s*$/u.test(text.slice(0, nextStart))) end = nextStart;
      end = Math.min(end, listBreak(text, m.index + m[0].length));
      const written = collapseSpaces(text.slice(start, end)).replace(/[\s,;:.]+$/u, '');
      const same = facts.find((f) => f.code === code);
      if (same) {
        if (written.length > same.text.length) same.text = written;
        return;
      }
      const relation = relationOf(text, start);
      facts.push({
        code,
        ...(relation ? { relation } : {}),
        type: before?.type ?? typeFromCode(code),
        text: written.length > MAX_TEXT ? `${written.slice(0, MAX_TEXT - 1)}…` : written,
        section,
      });
    });
  }
  return facts;
}
