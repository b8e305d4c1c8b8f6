import type { TextFn } from '../text-fn.ts';

/** The longest answer a chat message may carry, citation included. */
export const MAX_ANSWER = 500;

/** Where an answer comes from. `null` in `sections` is the preamble. */
export type Source =
  { kind: 'sections'; ids: (string | null)[] } | { kind: 'recipients' } | { kind: 'signature' } | { kind: 'header' } | { kind: 'outline' };

/** An answer before the citation is added. */
export interface Draft {
  body: string;
  source: Source;
  /** 0…1: how much of the question the answer covers. */
  confidence: number;
  /** The first section the answer comes from, if any. */
  section: string | null;
}

/** Cuts a text at a word boundary so that it fits in `max` characters, ending with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/u, '')}…`;
}

/** Section ids that are already a name ("Điều 5.2", "Chương II"), cited without "Mục". */
export const SELF_NAMED = /^(?:Điều|Chương|Quy|Điều lệ|Nội quy)\s/u;

export function sourceText(source: Source, t: TextFn): string {
  if (source.kind === 'recipients') return t('qa.source.recipients');
  if (source.kind === 'signature') return t('qa.source.signature');
  if (source.kind === 'header') return t('qa.source.header');
  if (source.kind === 'outline') return t('qa.source.outline');
  const ids = [...new Set(source.ids)];
  const named = ids.filter((id): id is string => id !== null);
  // "Điều 5", "Chương II", "Quy chế" name themselves; "II.1" is "Mục II.1".
  const own = named.filter((id) => SELF_NAMED.test(id));
  const numbered = named.filter((id) => !SELF_NAMED.test(id));
  const parts = [...(numbered.length ? [t('qa.source.section', { id: numbered.join(', ') })] : []), ...own];
  if (ids.includes(null)) parts.unshift(t('qa.source.preamble'));
  return parts.join(', ');
}

/** The answer text: body and citation ("… — Mục III.2"), at most {@link MAX_ANSWER} characters. */
export function withSource(body: string, source: Source, t: TextFn): string {
  const source_ = sourceText(source, t);
  const empty = t('qa.answer.withSource', { answer: '', source: source_ });
  return t('qa.answer.withSource', { answer: truncate(body.trim(), MAX_ANSWER - empty.length), source: source_ });
}

/** The least room worth giving to the beginning of a line that does not fit whole. */
const MIN_PARTIAL = 80;

/** Adds lines to a body while it stays within `max` characters; the first line that does not fit is cut when there is room. */
export function joinWithin(lines: readonly string[], max: number, separator = '\n'): string {
  let body = '';
  for (const line of lines) {
    const next = body ? `${body}${separator}${line}` : line;
    if (next.length > max) {
      const room = max - (body ? body.length + separator.length : 0);
      if (room >= MIN_PARTIAL || !body) body = body ? `${body}${separator}${truncate(line, room)}` : truncate(line, max);
      break;
    }
    body = next;
  }
  return body;
}
