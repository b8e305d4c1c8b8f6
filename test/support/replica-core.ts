import type { Redis } from 'ioredis';
import { BotCore } from '../../src/core/bot/bot-core.ts';
import type { BotServices } from '../../src/core/bot/bot-services.ts';
import type { Command } from '../../src/core/bot/command.ts';
import type { ChatRef, InboundMessage, OutboundMessage } from '../../src/core/messages.ts';
import { createStores } from '../../src/store/stores.ts';
import { contentOf } from './plan-content.ts';

/**
 * One "process" of the bot for the replica tests: a real BotCore over real Redis stores, with one
 * command `/dem` that appends the update's key to the sender's session (an effect stored with the
 * update's completion) and replies with it. `pause` may hold a handler after it appended (a promise
 * that never settles: the process is then killed).
 */
export function replicaCore(
  redis: Redis,
  prefix: string,
  options: { leaseMs: number; pause?: (key: string) => Promise<void> | undefined; onStart?: (key: string) => void },
) {
  const sent: { to: ChatRef; text: string }[] = [];
  const count: Command = {
    names: ['dem'],
    access: 'anyone',
    descriptionKey: 'core.help',
    async run(ctx) {
      const sessions = ctx.services.stores.sessions;
      const stored = (await sessions.read(ctx.from.channel, ctx.from.userId)) as { seen?: string[] } | null;
      const seen = [...(stored?.seen ?? []), ctx.message.updateKey];
      await sessions.write(ctx.from.channel, ctx.from.userId, { seen });
      options.onStart?.(ctx.message.updateKey);
      await options.pause?.(ctx.message.updateKey);
      await ctx.reply({ type: 'text', text: `seen ${seen.join(',')}` });
    },
  };
  const services = {
    stores: createStores(redis, prefix, contentOf([])),
    adminIds: {},
    province: { code: 'TINH', name: 'Tỉnh' },
    clock: () => new Date(),
    translator: { t: (_lang: string, key: string) => key },
    outbound: {
      async sendMany(to: ChatRef, messages: OutboundMessage[]) {
        for (const m of messages) if (m.type === 'text') sent.push({ to, text: m.text });
        return [];
      },
    },
    logger: { info() {}, warn() {}, error() {}, debug() {} },
    hooks: {},
  } as unknown as BotServices;
  const core = new BotCore(services, [count], { exactlyOnce: { leaseMs: options.leaseMs } });
  return { core, sent };
}

/** A `/dem` from one person (Telegram user 42), as an adapter would hand it over. */
export function countUpdate(updateKey: string): InboundMessage {
  return {
    type: 'command',
    command: 'dem',
    args: '',
    updateKey,
    chat: { channel: 'telegram', chatId: '42', kind: 'private' },
    from: { channel: 'telegram', userId: '42' },
    receivedAt: new Date(),
  };
}
