import type { Role } from '../domain/types.ts';
import { foldText as fold } from '../../flow/fold.ts';

const ROLE_WORDS = new Map<string, Role>([
  ['canbo', 'officer'],
  ['can bo', 'officer'],
  ['officer', 'officer'],
  ['lanhdao', 'leader'],
  ['lanh dao', 'leader'],
  ['leader', 'leader'],
  ['quantri', 'admin'],
  ['quan tri', 'admin'],
  ['admin', 'admin'],
]);

/** "lãnh đạo", "lanhdao", "leader" → 'leader'; undefined when the word names no role. */
export function parseRole(word: string): Role | undefined {
  return ROLE_WORDS.get(fold(word));
}
