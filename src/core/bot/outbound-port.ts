import type { ChatRef, OutboundMessage } from '../messages.ts';

/** Where the core hands every message it sends; implemented by the outbound path (rate limits, retries). */
export interface OutboundPort {
  sendMany(to: ChatRef, messages: OutboundMessage[]): Promise<unknown>;
}
