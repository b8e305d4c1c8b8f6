import type { Level } from '../plan-document.ts';
import { levelsIn } from '../levels.ts';
import { LEVEL_PHRASES, SEND_VERBS, TO_MARKERS } from '../vocabulary.ts';
import { destinations } from '../facts/destinations.ts';
import { findPhrase, words } from '../vietnamese-text.ts';
import { memoByText } from '../memo.ts';

/** The levels of who acts in a clause: the words before its first sending verb ("Tỉnh Đoàn gửi báo cáo …" → province). */
export const subjectLevels = memoByText((clause: string): Level[] => {
  const ws = words(clause);
  let verbAt = -1;
  for (const v of SEND_VERBS) {
    const at = findPhrase(ws, v.words);
    if (at >= 0 && (verbAt < 0 || at < verbAt)) verbAt = at;
  }
  return verbAt > 0 ? levelsIn(ws.slice(0, verbAt)) : [];
});

/** The levels a clause sends to: after "về", "lên", "tới" (destinations), or named right after the verb ("gửi Trung ương Đoàn"). */
export const recipientLevelsOf = memoByText((clause: string): Level[] => {
  const found = new Set(levelsIn(destinations(clause).join(', ')));
  const ws = words(clause);
  // "gửi Trung ương Đoàn", and "về huyện, thị, thành Đoàn" written in lower case.
  for (const v of [...SEND_VERBS, ...TO_MARKERS]) {
    for (let at = findPhrase(ws, v.words); at >= 0; at = findPhrase(ws, v.words, at + 1)) {
      const end = at + v.words.length;
      const next = ws.slice(end, end + 4);
      if (LEVEL_PHRASES.some(({ phrase }) => findPhrase(next, phrase.words) === 0)) for (const l of levelsIn(next)) found.add(l);
    }
  }
  return [...found];
});
