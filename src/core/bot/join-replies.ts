import type { OutboundMessage } from '../messages.ts';

/** Joined texts stay well under Telegram's 4,096 characters (Zalo's adapter splits at 2,000 itself). */
const MAX_JOINED = 3500;

/**
 * Adds a reply to those of one update, joining it to the previous one when one message will do: a
 * text followed by a text or by choices (an error, then the question again; a welcome, then the help;
 * an intro, then the first question) goes out as one message, in one language, under the length
 * limit. Each chat gets its messages about a second apart, so every message saved is a second saved.
 */
export function appendReply(replies: OutboundMessage[], next: OutboundMessage): void {
  const last = replies.at(-1);
  if (
    last?.type === 'text' &&
    (next.type === 'text' || next.type === 'choices') &&
    last.lang === next.lang &&
    last.text.length + next.text.length + 2 <= MAX_JOINED
  ) {
    replies[replies.length - 1] = { ...next, text: `${last.text}\n\n${next.text}` };
    return;
  }
  replies.push(next);
}
