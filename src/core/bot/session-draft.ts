import type { ChannelName } from '../messages.ts';
import type { Sessions } from '../../store/session-store.ts';
import type { SessionChange } from './update-ledger.ts';

/**
 * The sender's conversation state during one update: read from the claim's snapshot, written back
 * with the update's completion (one round trip for both). Other identities' sessions go to the store.
 */
export class SessionDraft implements Sessions {
  /** What to write when the update completes; undefined when unchanged. */
  change: SessionChange | undefined;

  constructor(
    private readonly store: Sessions,
    private readonly channel: ChannelName,
    private readonly userId: string,
    private json: string | null,
  ) {}

  async read(channel: ChannelName, userId: string): Promise<unknown> {
    if (!this.isSender(channel, userId)) return this.store.read(channel, userId);
    if (this.json === null) return null;
    try {
      return JSON.parse(this.json) as unknown;
    } catch {
      return null;
    }
  }

  async write(channel: ChannelName, userId: string, state: unknown): Promise<void> {
    if (!this.isSender(channel, userId)) return this.store.write(channel, userId, state);
    // Serialized now: the caller may change its object afterwards.
    this.json = JSON.stringify(state);
    this.change = { op: 'set', json: this.json };
  }

  async clear(channel: ChannelName, userId: string): Promise<void> {
    if (!this.isSender(channel, userId)) return this.store.clear(channel, userId);
    this.json = null;
    this.change = { op: 'clear' };
  }

  private isSender(channel: ChannelName, userId: string): boolean {
    return channel === this.channel && userId === this.userId;
  }
}
