/**
 * Splits text into parts of at most `max` UTF-16 units (Zalo's sendMessage takes 1–2,000
 * characters), cutting at a paragraph or line break when there is one in the second half of the
 * window, else after a sentence, else at a space, and only as a last resort inside a word.
 * Parts are trimmed; blank parts are dropped.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be positive');
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    const part = rest.slice(0, cut).trimEnd();
    if (part !== '') parts.push(part);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

/** Boundaries in order of preference; `keep` leaves the matched text at the end of the first part. */
const BREAKS: readonly { pattern: RegExp; keep: boolean }[] = [
  { pattern: /\n\s*\n/g, keep: false }, // paragraph
  { pattern: /\n/g, keep: false }, // line
  { pattern: /[.!?…;:](?=\s)/g, keep: true }, // sentence
  { pattern: /\s/g, keep: false }, // word
];

/** Where to cut `text` (longer than max) so that the first part fits. */
function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max / 2);
  for (const { pattern, keep } of BREAKS) {
    let best = -1;
    for (const match of window.matchAll(pattern)) {
      const end = match.index + (keep ? match[0].length : 0);
      if (end <= max && end > floor) best = end;
    }
    if (best > 0) return best;
  }
  // No boundary: hard cut, but never between the two halves of a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
