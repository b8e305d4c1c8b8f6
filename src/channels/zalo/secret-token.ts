import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares the `X-Bot-Api-Secret-Token` header with the configured secret in constant time.
 * Both sides are hashed first, so the buffers compared always have the same length and the
 * comparison reveals neither the secret's content nor its length. A missing header never matches.
 */
export function secretMatches(received: string | string[] | undefined, expected: string): boolean {
  if (typeof received !== 'string' || expected === '') return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(received), digest(expected));
}
