import { afterEach, describe, expect, it } from 'vitest';
import type { ChatRef } from '../../src/core/messages.ts';
import { Outbox } from '../../src/outbound/outbox.ts';
import { FakeAdapter, memoryLogger } from '../outbound/fake-adapter.ts';

const outboxes: Outbox[] = [];
afterEach(async () => {
  await Promise.all(outboxes.splice(0).map((o) => o.close()));
});

const chat = (chatId: string): ChatRef => ({ channel: 'telegram', chatId, kind: 'private' });
const text = (t: string) => ({ type: 'text' as const, text: t });

function setup() {
  const adapter = new FakeAdapter('telegram', undefined, 1);
  const outbox = new Outbox([adapter], {
    logger: memoryLogger().logger,
    limits: { telegram: { globalPerSecond: 200, perChatPerSecond: 1000, perGroupPerMinute: 60_000 } },
  });
  outboxes.push(outbox);
  return { adapter, outbox };
}

describe('outbound priorities', () => {
  it("sends a member's reply before waiting strangers' replies, and those before bulk reminders", async () => {
    const { adapter, outbox } = setup();
    const all: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) all.push(outbox.send(chat(`r${i}`), text(`reminder ${i}`), 'bulk'));
    for (let i = 0; i < 40; i++) all.push(outbox.send(chat(`s${i}`), text(`stranger ${i}`), 'stranger'));
    all.push(outbox.send(chat('admin'), text('admin reply'), 'member'));
    await Promise.all(all);
    const order = adapter.delivered();
    // Sending starts with whatever was ready first; the member's reply overtakes everything still waiting.
    expect(order.indexOf('admin reply')).toBeLessThan(3);
    const lastStranger = Math.max(...order.map((t, i) => (t.startsWith('stranger') ? i : -1)));
    const reminders = order.map((t, i) => (t.startsWith('reminder') ? i : -1)).filter((i) => i >= 0);
    expect(reminders.filter((i) => i > lastStranger).length).toBeGreaterThanOrEqual(reminders.length - 3);
  });

  it("keeps one chat's messages in order whatever their priorities", async () => {
    const { adapter, outbox } = setup();
    const sends = [
      outbox.send(chat('x'), text('1 bulk'), 'bulk'),
      outbox.send(chat('x'), text('2 member'), 'member'),
      outbox.send(chat('x'), text('3 stranger'), 'stranger'),
    ];
    await Promise.all(sends);
    expect(adapter.delivered('x')).toEqual(['1 bulk', '2 member', '3 stranger']);
  });
});
