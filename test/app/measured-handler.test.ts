import { describe, expect, it } from 'vitest';
import { measuredHandler } from '../../src/app/measured-handler.ts';
import type { InboundMessage } from '../../src/core/messages.ts';
import { UpdateNotTakenError } from '../../src/core/update-not-taken.ts';
import { MemoryMetrics } from '../support/memory-metrics.ts';

function message(type: 'text' | 'command', updateKey: string): InboundMessage {
  const base = {
    updateKey,
    chat: { channel: 'zalo' as const, chatId: 'c1', kind: 'private' as const },
    from: { channel: 'zalo' as const, userId: 'u1' },
    receivedAt: new Date(0),
  };
  return type === 'text' ? { ...base, type, text: 'xin chào' } : { ...base, type, command: 'trogiup', args: '' };
}

describe('measuredHandler', () => {
  it('counts each update by channel, kind and outcome, timing the handled ones, and passes errors on', async () => {
    const metrics = new MemoryMetrics();
    const handle = measuredHandler(async (m) => {
      if (m.updateKey === 'not-taken') throw new UpdateNotTakenError(m.updateKey);
      if (m.updateKey === 'broken') throw new Error('boom');
    }, metrics);

    await handle(message('text', 'ok'));
    await expect(handle(message('command', 'not-taken'))).rejects.toBeInstanceOf(UpdateNotTakenError);
    await expect(handle(message('text', 'broken'))).rejects.toThrow('boom');

    expect(metrics.updates.map(({ channel, kind, outcome }) => `${channel} ${kind} ${outcome}`)).toEqual([
      'zalo text handled',
      'zalo command not_taken',
      'zalo text failed',
    ]);
    for (const update of metrics.updates) expect(update.seconds).toBeGreaterThanOrEqual(0);
  });
});
