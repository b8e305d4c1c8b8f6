import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { InboundMessage } from '../messages.ts';
import type { Logger } from './bot-services.ts';
import { UpdateNotTakenError } from '../update-not-taken.ts';
import type { SenderSnapshot, SessionChange, UpdateLedger } from './update-ledger.ts';

/** Settings of {@link ExactlyOnce}. */
export interface ExactlyOnceOptions {
  /** How long a claim holds without renewal (renewed every third of it). Default 10,000 ms. */
  leaseMs?: number;
  /** How long an update waits for another process to finish this person's updates. Default 2 leases. */
  maxWaitMs?: number;
  /** Counts each sender's updates with the claim in windows of this many seconds (the inbound limit). */
  inboundWindowSeconds?: number;
}

/** What handling one update produced: the sender's new session, and what to do once it is stored. */
export interface Handled {
  session?: SessionChange | undefined;
  /** Runs once the completion is stored (hands the replies to the outbound path). */
  after?: () => void;
}

/**
 * At-least-once into the core, exactly-once in effect, across processes: claims each update in the
 * {@link UpdateLedger}, waits its turn while another process handles the same person, finishes first
 * an update a dead process left unfinished, renews the claim of a long handler, and completes the
 * update together with its session write.
 */
export class ExactlyOnce {
  /** This process, as the owner of its claims. */
  readonly owner = randomBytes(8).toString('hex');
  private readonly leaseMs: number;
  private readonly maxWaitMs: number;
  private readonly inboundWindowSeconds: number;

  constructor(
    private readonly ledger: UpdateLedger,
    private readonly logger: Logger,
    options: ExactlyOnceOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 10_000;
    this.maxWaitMs = options.maxWaitMs ?? 2 * this.leaseMs;
    this.inboundWindowSeconds = options.inboundWindowSeconds ?? 0;
  }

  /**
   * Handles `message` unless it was handled before. Resolves when its effects are stored; rejects
   * (the platform should deliver it again) when Redis fails or the person stays busy elsewhere.
   */
  async run(message: InboundMessage, handle: (message: InboundMessage, sender: SenderSnapshot) => Promise<Handled>): Promise<void> {
    const { channel, userId } = message.from;
    const request = {
      updateKey: message.updateKey,
      channel,
      userId,
      owner: this.owner,
      leaseMs: this.leaseMs,
      message: JSON.stringify(message),
      waitingMs: 1000,
      inboundWindowSeconds: this.inboundWindowSeconds,
    };
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const claim = await this.ledger.claim(request);
      if (claim.kind === 'duplicate') {
        this.logger.debug({ updateKey: message.updateKey }, 'duplicate update ignored');
        return;
      }
      if (claim.kind === 'recover') {
        await this.finishLeftOver(claim.updateKey, claim.message, message, handle);
        continue;
      }
      if (claim.kind === 'busy') {
        if (Date.now() - started > this.maxWaitMs) {
          throw new UpdateNotTakenError(message.updateKey, { cause: new Error('its person is busy in another process') });
        }
        await delay(Math.min(5 * 2 ** attempt, 100));
        continue;
      }
      const handled = await this.whileRenewed(channel, userId, () => handle(message, claim.sender));
      await this.ledger.complete({ ...request, session: handled.session, markDone: true, keepClaim: false });
      handled.after?.();
      return;
    }
  }

  /** An update a dead process claimed and never completed: handled now, in its place in the line. */
  private async finishLeftOver(
    updateKey: string,
    json: string,
    current: InboundMessage,
    handle: (message: InboundMessage, sender: SenderSnapshot) => Promise<Handled>,
  ): Promise<void> {
    const { channel, userId } = current.from;
    const request = { updateKey, channel, userId, owner: this.owner, leaseMs: this.leaseMs, message: json, waitingMs: 1000 };
    const message = reviveMessage(json);
    this.logger.warn({ updateKey }, 'finishing an update left unfinished by another process');
    if (!message || message.type === 'document') {
      // A document's download link did not survive: give it back for the platform's redelivery.
      await this.ledger.complete({ ...request, markDone: false, keepClaim: true });
      return;
    }
    const claim = await this.ledger.claim(request);
    if (claim.kind !== 'claimed') return;
    const handled = await this.whileRenewed(channel, userId, () => handle(message, claim.sender));
    await this.ledger.complete({ ...request, session: handled.session, markDone: true, keepClaim: true });
    handled.after?.();
  }

  /** Runs `work`, renewing the person's claim every third of the lease until it settles. */
  private async whileRenewed<T>(channel: string, userId: string, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      this.ledger.renew(channel, userId, this.owner, this.leaseMs).then(
        (held) => held || this.logger.warn({ channel, userId }, 'a claim lapsed while its update was handled'),
        (error: unknown) => this.logger.warn({ err: error }, 'could not renew a claim'),
      );
    }, this.leaseMs / 3);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }
}

/** The update stored with a claim, as the core's message again (dates revived); null when unreadable. */
function reviveMessage(json: string): InboundMessage | null {
  try {
    const parsed = JSON.parse(json) as InboundMessage | null;
    if (!parsed || typeof parsed.updateKey !== 'string' || !parsed.from || !parsed.chat) return null;
    return { ...parsed, receivedAt: new Date(parsed.receivedAt) };
  } catch {
    return null;
  }
}
