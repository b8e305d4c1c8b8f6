import type { ChatRef, OutboundMessage } from '../core/messages.ts';
import type { ReminderDeps } from './reminder-deps.ts';

/** How one claimed message ended. */
export type ClaimedOutcome = 'sent' | 'gone' | 'already' | 'busy' | 'failed';

/** Tallies of a batch of claimed messages. */
export type Tally = Record<ClaimedOutcome, number>;

export function emptyTally(): Tally {
  return { sent: 0, gone: 0, already: 0, busy: 0, failed: 0 };
}

/**
 * Sends one message at most once for `key`: claims it, sends it through the outbox, then records it
 * as done (sent, or refused for good by the platform) or releases the claim after a failure that a
 * retry may fix. `already`: sent before; `busy`: another process holds the claim right now.
 */
export async function deliverClaimed(
  deps: ReminderDeps,
  key: string,
  to: ChatRef,
  build: () => Promise<OutboundMessage>,
  keepUntil: number,
): Promise<ClaimedOutcome> {
  const claim = await deps.claims.claim(key);
  if (claim === 'done') return 'already';
  if (claim === 'busy') return 'busy';
  let result;
  try {
    result = await deps.outbox.send(to, await build());
  } catch (error) {
    await deps.claims.release(key);
    throw error;
  }
  if (result.status === 'sent' || result.permanent) {
    await deps.claims.done(key, keepUntil, deps.clock().getTime());
    return result.status === 'sent' ? 'sent' : 'gone';
  }
  await deps.claims.release(key);
  return 'failed';
}
