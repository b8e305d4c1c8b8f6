/** Telegram's limit for the text of one message, in UTF-16 code units. */
export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * Splits a text into pieces of at most `limit` UTF-16 code units, cutting at line breaks where
 * possible and inside a line only when the line alone is too long (never inside a surrogate pair).
 */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current !== '') pieces.push(current);
    current = '';
    let rest = line;
    while (rest.length > limit) {
      const cut = cutPoint(rest, limit);
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Where to cut a too-long line: the last space within the limit, else the limit itself. */
function cutPoint(line: string, limit: number): number {
  const space = line.lastIndexOf(' ', limit);
  if (space > limit / 2) return space + 1;
  const code = line.charCodeAt(limit - 1);
  const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  return isHighSurrogate ? limit - 1 : limit;
}
