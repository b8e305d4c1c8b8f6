import type { ChannelName, InboundMessage } from './messages.ts';

/** How the core ended with one inbound update. */
/** `failed`: the handler threw something else (a bug: the core answers its own errors). */
export type UpdateOutcome = 'handled' | 'not_taken' | 'failed';

/**
 * What the bot counts for operators, recorded through this small port so the core needs no metrics
 * library: prom-client behind it in production (`src/http/prom-metrics.ts`), an in-memory fake in tests.
 */
export interface Metrics {
  /** One inbound update went through the core: its channel, kind, outcome and handling time. */
  updateHandled(update: { channel: ChannelName; kind: InboundMessage['type']; outcome: UpdateOutcome; seconds: number }): void;
  /** A question about the plan got an answer, or the "uncertain" reply. */
  questionAnswered(outcome: 'answered' | 'uncertain'): void;
}
