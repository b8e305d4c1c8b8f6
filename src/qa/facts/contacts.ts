import type { ContactFact } from '../plan-document.ts';
import { collapseSpaces, foldText } from '../vietnamese-text.ts';
import type { LocatedSentence } from './located-sentences.ts';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
/** Vietnamese phone numbers: 0 or +84, then 8 to 10 more digits in groups ("04.6263 1934", "0912 345 678"). */
const PHONE = /(?<![\d/.])(?:\+84|0)\s?\d{1,3}(?:[ .-]?\d){6,9}(?![\d/])/gu;
/** "địa chỉ Ban Quốc tế: số 62 Bà Triệu, …", "Địa điểm: Sân ngoài trời …", up to ";", a bracket or the end. */
const LABELED_ADDRESS = /(?:[Đđ]ịa chỉ|[Đđ]ịa điểm|[Tt]rụ sở)(?:\s+(\p{Lu}[^;():]{0,60}?))?\s*:\s*([^;()]+?)(?=\s*[;()]|\.\s|\.?$)/gu;
/** Words of a postal address, in folded form. */
const ADDRESS_WORDS = /\b(?:so \d+|tang \d+|duong|pho|thon|xom|ap|khu pho|to dan pho|xa|phuong|quan|huyen|tinh|thanh pho|tp)\b/gu;
const OWNER_PREFIX = /^(?:về|qua|tại|liên hệ|gửi|địa chỉ|email|e-mail|điện thoại|đt|fax)(?:\s+(?:địa chỉ|email|qua))?\s*/iu;

/** The bracketed part containing `index`, or the ";"-separated part of the sentence. */
function segmentAround(sentence: string, index: number): { text: string; start: number } {
  const open = sentence.lastIndexOf('(', index);
  const close = sentence.indexOf(')', index);
  if (open >= 0 && close > index && sentence.lastIndexOf(')', index) < open) {
    return { text: sentence.slice(open + 1, close), start: open + 1 };
  }
  const start = sentence.lastIndexOf(';', index) + 1;
  const end = sentence.indexOf(';', index);
  return { text: sentence.slice(start, end < 0 ? undefined : end), start };
}

/** Who a contact belongs to: the name before the first ":" of its part ("qua Ban Đoàn kết Tỉnh Đoàn: …"). */
function ownerOf(sentence: string, index: number): string | null {
  const segment = segmentAround(sentence, index);
  const colon = segment.text.indexOf(':');
  if (colon < 0 || segment.start + colon > index) return null;
  const owner = collapseSpaces(segment.text.slice(0, colon).replace(OWNER_PREFIX, '').replace(OWNER_PREFIX, ''));
  return /^\p{Lu}/u.test(owner) && owner.split(' ').length <= 10 ? owner : null;
}

function contextOf(sentence: string, index: number): string {
  return collapseSpaces(segmentAround(sentence, index).text);
}

function addresses(sentence: string, section: string | null): ContactFact[] {
  const out: ContactFact[] = [];
  for (const m of sentence.matchAll(LABELED_ADDRESS)) {
    const value = collapseSpaces(m[2] ?? '');
    const owner = m[1] ? collapseSpaces(m[1]) : null;
    if (value.length >= 6) out.push({ kind: 'address', value, owner, context: contextOf(sentence, m.index), section });
  }
  // A bracketed postal address after a name: "về Văn phòng Đoàn xã (tầng 1, …, thôn Ba Chữ, xã Phúc Thịnh)".
  for (const m of sentence.matchAll(/\(([^()]{8,160})\)/gu)) {
    const inside = m[1] ?? '';
    if ((foldText(inside).match(ADDRESS_WORDS) ?? []).length < 2 || !inside.includes(',')) continue;
    if (out.some((a) => inside.includes(a.value))) continue;
    const name = /(?:về|tại|ở|đến|tới)\s+(\p{Lu}[^(;:,]*?)\s*$/u.exec(sentence.slice(Math.max(0, m.index - 120), m.index))?.[1] ?? null;
    out.push({
      kind: 'address',
      value: collapseSpaces(inside),
      owner: name ? collapseSpaces(name) : null,
      context: collapseSpaces(sentence),
      section,
    });
  }
  return out;
}

/** E-mail addresses, phone numbers and postal addresses, with their owner when the text names one. */
export function extractContacts(sentences: readonly LocatedSentence[]): ContactFact[] {
  const facts: ContactFact[] = [];
  for (const { text, section } of sentences) {
    for (const m of text.matchAll(EMAIL)) {
      facts.push({ kind: 'email', value: m[0], owner: ownerOf(text, m.index), context: contextOf(text, m.index), section });
    }
    for (const m of text.matchAll(PHONE)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length < 9 || digits.length > 12) continue;
      facts.push({ kind: 'phone', value: m[0].trim(), owner: ownerOf(text, m.index), context: contextOf(text, m.index), section });
    }
    facts.push(...addresses(text, section));
  }
  return facts;
}
