import type { Metrics, UpdateOutcome } from '../../src/core/metrics.ts';

/** The core's metrics port kept in memory, for tests to read what was recorded. */
export class MemoryMetrics implements Metrics {
  readonly updates: { channel: string; kind: string; outcome: UpdateOutcome; seconds: number }[] = [];
  readonly questions: ('answered' | 'uncertain')[] = [];

  updateHandled(update: { channel: string; kind: string; outcome: UpdateOutcome; seconds: number }): void {
    this.updates.push(update);
  }

  questionAnswered(outcome: 'answered' | 'uncertain'): void {
    this.questions.push(outcome);
  }
}
