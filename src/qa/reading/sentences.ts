/** Abbreviations that end with a period without ending a sentence ("TP. Hà Nội", "TM. Ban Thường vụ"). */
const ABBREVIATIONS = new Set(['tp', 'tm', 'kt', 'tl', 'tuq', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ks', 'st', 'đ/c', 'đc', 'p', 'q', 'tt']);

/** Splits a paragraph into sentences at ". ", "! ", "? " followed by a capital, digit, quote or bracket. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?…]+\s+(?=[\p{Lu}\d“"(‘'])/gu)) {
    const before = text.slice(start, m.index);
    const lastWord = /([\p{L}/]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    if (m[0].startsWith('.') && ABBREVIATIONS.has(lastWord)) continue;
    const end = m.index + m[0].trimEnd().length;
    sentences.push(text.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Splits a sentence at semicolons that are not inside brackets. */
export function splitClauses(sentence: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) {
      clauses.push(sentence.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  clauses.push(sentence.slice(start).trim());
  return clauses.filter((c) => /[\p{L}\p{N}]/u.test(c));
}
