import type { BotContext } from './bot-context.ts';

/**
 * What one sender's latest message costs against their budget: `ok`, `first_over` (the first
 * message beyond it in the current window: the sender is told once) or `over` (dropped silently).
 */
export type SenderVerdict = 'ok' | 'first_over' | 'over';

/** Per-sender budgets of handled messages, shared by every process (implemented on Redis). */
export interface SenderLimiter {
  /** `member`: the sender is a member (a larger budget); otherwise a stranger's. */
  consume(senderKey: string, kind: 'member' | 'stranger'): Promise<SenderVerdict>;
  /**
   * The verdict for a sender whose updates in the current window were already counted (by the claim
   * of the update, in the same Redis round trip), so no call of its own is needed.
   */
  verdictFor?(count: number, kind: 'member' | 'stranger'): SenderVerdict;
  /** The window `verdictFor` expects counts over, in seconds. */
  readonly windowSeconds?: number;
}

/**
 * Whether the core should handle this message. A sender over their budget gets one notice in a
 * private chat (none in a group) and nothing else until the window passes, so that one person or
 * script cannot spend the channel's sending budget that everyone shares. The terminal has one local
 * user and no limit.
 */
export async function admitSender(ctx: BotContext): Promise<boolean> {
  const { senderLimiter, logger } = ctx.services;
  const { channel, userId } = ctx.from;
  if (!senderLimiter || channel === 'console') return true;
  const kind = ctx.person ? 'member' : 'stranger';
  const verdict =
    ctx.inboundCount !== null && senderLimiter.verdictFor
      ? senderLimiter.verdictFor(ctx.inboundCount, kind)
      : await senderLimiter.consume(`${channel}:${userId}`, kind);
  if (verdict === 'ok') return true;
  logger.warn({ channel, userId, verdict }, 'sender over the inbound limit');
  if (verdict === 'first_over' && !ctx.isGroup) await ctx.replyText('core.errors.too_many');
  return false;
}
