import { QUESTION_STARTS, QUESTION_WORDS } from './vocabulary.ts';
import { findPhrase, sameWord, words } from './vietnamese-text.ts';

const MAX_QUESTION_LENGTH = 400;

/**
 * Whether free text (outside a report) reads as a question about the plan: it has a "?", a
 * question word ("khi nào", "bao nhiêu", "ở đâu", "là gì", "ai", "không?"…) or starts like one
 * ("hạn nộp…", "email…"), with or without diacritics.
 */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > MAX_QUESTION_LENGTH || trimmed.startsWith('/')) return false;
  const ws = words(trimmed);
  if (ws.length === 0) return false;
  if (trimmed.includes('?')) return true;
  if (QUESTION_STARTS.some((p) => p.words.every((w, i) => ws[i] !== undefined && sameWord(ws[i], w)))) return true;
  return ws.length >= 2 && QUESTION_WORDS.some((p) => findPhrase(ws, p.words) >= 0);
}
