import { collapseSpaces } from '../vietnamese-text.ts';

/**
 * Names after "gửi về", "lên", "tới", "qua", "về địa chỉ": where reports and registrations go.
 * "hướng tới Đại hội", "tiến tới …" point at an aim, not a destination.
 * A name starts with a capital letter and ends at a bracket, punctuation or a linking word.
 */
const DESTINATION =
  /(?:^|[\s(])(?<!(?:hướng|tiến|nhằm)\s)(?:về|lên|tới|đến|qua)\s+(?:địa chỉ\s+|cho\s+)?(\p{Lu}[\p{L}\p{N}\s.\-–/]*?)(?=\s*[(),;:]|\s+(?:trước|qua|để|theo|trong|cụ thể|và|nhằm|gồm|với|bằng|chậm nhất|đúng|trực tiếp|số|email)(?!\p{L})|[.]?\s*$)/gu;

export function destinations(sentence: string): string[] {
  const found: string[] = [];
  for (const m of sentence.matchAll(DESTINATION)) {
    const name = collapseSpaces(m[1] ?? '').replace(/[.\-–\s]+$/u, '');
    const wordCount = name.split(' ').length;
    if (name && wordCount <= 10 && !found.includes(name)) found.push(name);
  }
  return found;
}
