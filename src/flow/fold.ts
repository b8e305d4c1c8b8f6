/**
 * Folds text for lenient matching: NFC, lower case, Vietnamese diacritics removed ("Bỏ qua" → "bo qua",
 * "Đoàn" → "doan"), runs of white space collapsed. Used wherever a typed answer is compared with words.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when the folded text equals one of the (already folded) words. */
export function isOneOf(text: string, words: readonly string[]): boolean {
  return words.includes(foldText(text));
}
