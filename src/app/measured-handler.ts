import type { InboundHandler } from '../core/channel.ts';
import type { Metrics, UpdateOutcome } from '../core/metrics.ts';
import { UpdateNotTakenError } from '../core/update-not-taken.ts';

/**
 * The core's inbound handler, counting each update by channel, kind and outcome, and timing it
 * (from reaching the core, its queue wait included, to its effects being stored).
 */
export function measuredHandler(handle: InboundHandler, metrics: Metrics): InboundHandler {
  return async (message) => {
    const started = performance.now();
    const record = (outcome: UpdateOutcome) =>
      metrics.updateHandled({ channel: message.chat.channel, kind: message.type, outcome, seconds: (performance.now() - started) / 1000 });
    try {
      await handle(message);
      record('handled');
    } catch (error) {
      record(error instanceof UpdateNotTakenError ? 'not_taken' : 'failed');
      throw error;
    }
  };
}
