import type { ChatRef, OutboundMessage } from '../messages.ts';

/**
 * Who waits first when a channel's sending budget is short: replies to members, then replies to
 * people who are not members yet, then bulk sends (reminders, summaries). Absent means `member`.
 */
export type OutboundPriority = 'member' | 'stranger' | 'bulk';

/** Where the core hands every message it sends; implemented by the outbound path (rate limits, retries). */
export interface OutboundPort {
  sendMany(to: ChatRef, messages: OutboundMessage[], priority?: OutboundPriority): Promise<unknown>;
}
