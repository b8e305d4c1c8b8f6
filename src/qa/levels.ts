import type { Level } from './plan-document.ts';
import { LEVEL_NAMES, LEVEL_PHRASES } from './vocabulary.ts';
import { sameWord, words, type Word } from './vietnamese-text.ts';

/**
 * The Youth Union levels a text names ("Huyện thành Đoàn, Đoàn trực thuộc" → district, affiliated).
 * Longer phrases are matched first and hide the words they cover, so "huyện thành đoàn" is a
 * district, not a city.
 */
export function levelsIn(text: string | readonly Word[]): Level[] {
  const ws = typeof text === 'string' ? words(text) : text;
  const used = new Array<boolean>(ws.length).fill(false);
  const found = new Set<Level>();
  for (const { level, phrase } of LEVEL_PHRASES) {
    const n = phrase.words.length;
    for (let i = 0; i + n <= ws.length; i++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const w = ws[i + j];
        const p = phrase.words[j];
        ok = !!w && !!p && !used[i + j] && sameWord(w, p);
      }
      if (!ok) continue;
      found.add(level);
      for (let j = 0; j < n; j++) used[i + j] = true;
    }
  }
  return [...found];
}

/** The usual name of each level ("trung ương đoàn"): the first phrase of lexicon/levels.json. */
export function levelName(level: Level): string {
  return LEVEL_NAMES.get(level) ?? '';
}
