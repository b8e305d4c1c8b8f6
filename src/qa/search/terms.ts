/**
 * Vietnamese term processing for MiniSearch. Vietnamese writes one syllable per word, so a term is
 * a syllable or a pair of neighbouring syllables ("báo_cáo"), which keeps "quốc tế" apart from
 * "quốc" and "tế" alone. Documents are indexed under both the canonical spelling and the folded
 * one; a question word typed with diacritics matches the exact spelling, one typed without matches
 * any spelling.
 */
import { PLAIN_STOPWORDS, STOPWORDS } from '../vocabulary.ts';
import { foldText, isPlain, words, type Word } from '../vietnamese-text.ts';

const PAIR = '_';
/** Punctuation that ends a phrase: no syllable pair spans it. */
const PHRASE_BREAK = /[,.;:!?()[\]{}"“”‘’«»|…\n]+|\s[-–—]\s/u;

export function isStopword(word: Word): boolean {
  return word.plain ? PLAIN_STOPWORDS.has(word.fold) : STOPWORDS.has(word.canon);
}

/** A date written with slashes ("15/01/2027", "10/6"): one term, so that its "01" is not the number 1. */
const SLASH_DATE = /(?<![\d/])\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?![\d/])/gu;
const dateTerm = (date: string): string =>
  date
    .split('/')
    .map((n) => String(Number(n)))
    .join('x');

/** Syllables and syllable pairs of a text, canonical spelling, stop words left out. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const phrase of text.replace(SLASH_DATE, dateTerm).split(PHRASE_BREAK)) {
    const ws = words(phrase);
    ws.forEach((w, i) => {
      if (isStopword(w)) return;
      terms.push(w.canon);
      const next = ws[i + 1];
      if (next && !isStopword(next)) terms.push(`${w.canon}${PAIR}${next.canon}`);
    });
  }
  return terms;
}

/** Index time: every term under its spelling and its folded form. */
export function indexTerm(term: string): string[] {
  const folded = foldText(term);
  return folded === term ? [term] : [term, folded];
}

/** Search time: a term with a syllable typed without diacritics matches through its folded form. */
export function searchTerm(term: string): string {
  const typedPlain = term.split(PAIR).some((part) => /\p{L}/u.test(part) && isPlain(part));
  return typedPlain ? foldText(term) : term;
}
