import type { Lang } from '../../i18n/translator.ts';
import type { Person } from '../domain/types.ts';

/** What the ledger reads for the sender in the same round trip as the claim. */
export interface SenderSnapshot {
  person: Person | null;
  lang: Lang | null;
  /** The stored conversation state as JSON text, or null. */
  session: string | null;
  /** The sender's updates in the current inbound window, this one included; null when not counted. */
  inboundCount: number | null;
}

/** One update about to be handled by one process. */
export interface ClaimRequest {
  updateKey: string;
  /** Whose updates are handled one at a time ("telegram:42"). */
  channel: string;
  userId: string;
  /** This process (a random id per core). */
  owner: string;
  /** How long the claim holds without renewal: a process that dies frees the person after this. */
  leaseMs: number;
  /** The update as JSON, kept while it is handled so that another process can finish it. */
  message: string;
  /** How long a waiting update keeps its place in the person's line between two tries. */
  waitingMs: number;
  /** Counts the sender's updates in windows of this many seconds (the inbound limit); 0: not counted. */
  inboundWindowSeconds?: number;
}

/**
 * - `duplicate`: handled before; nothing to do.
 * - `busy`: another process handles this person (or an earlier update waits): try again shortly.
 * - `recover`: the claim is held, but an update of this person was left unfinished by a process
 *   that died; handle that one first (its JSON is given), then claim again.
 * - `claimed`: handle it; the sender's person, language and session come with it.
 */
export type Claim =
  | { kind: 'duplicate' }
  | { kind: 'busy' }
  | { kind: 'recover'; updateKey: string; message: string }
  | { kind: 'claimed'; sender: SenderSnapshot };

/** The conversation state to write with the completion. */
export type SessionChange = { op: 'set'; json: string } | { op: 'clear' };

export interface Completion {
  updateKey: string;
  channel: string;
  userId: string;
  owner: string;
  session?: SessionChange;
  /** False for an update given back unhandled (the platform delivers it again). */
  markDone: boolean;
  /** True when this process goes on with another update of the person at once. */
  keepClaim: boolean;
}

/**
 * Two-phase dedupe and per-person order across processes (implemented on Redis in src/store): an
 * update is claimed with a short lease, handled, then completed (marked done with its session write,
 * atomically). A redelivery while it is handled waits; after the lease lapses it is handled again.
 */
export interface UpdateLedger {
  claim(request: ClaimRequest): Promise<Claim>;
  /** Extends the lease of a long handler; false when it was lost. */
  renew(channel: string, userId: string, owner: string, leaseMs: number): Promise<boolean>;
  complete(completion: Completion): Promise<void>;
}
