import { describe, expect, it } from 'vitest';
import { BotCore } from '../../src/core/bot/bot-core.ts';
import type { BotServices } from '../../src/core/bot/bot-services.ts';
import type { ChatRef, InboundMessage } from '../../src/core/messages.ts';

/**
 * A person's conversation state is stored per person (channel and user), not per chat, so their
 * messages must be handled one after another even when they come from two chats (a group and the
 * private chat): otherwise two handlers read and write the same session at once and one write is lost.
 */
describe('BotCore ordering', () => {
  it('handles one person’s messages from two chats one after another', async () => {
    const events: string[] = [];
    let releaseFirst: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const services = {
      stores: {
        updates: {
          async claim({ updateKey }: { updateKey: string }) {
            events.push(`start ${updateKey}`);
            if (updateKey === 'u1') await firstHeld;
            return { kind: 'claimed', sender: { person: null, lang: 'vi', session: null } };
          },
          async complete() {},
          async renew() {
            return true;
          },
        },
      },
      adminIds: {},
      province: { code: 'TINH', name: 'Tỉnh' },
      clock: () => new Date(),
      translator: { t: (_lang: string, key: string) => key },
      outbound: {
        sendMany: async (to: ChatRef) => {
          events.push(`reply ${to.chatId}`);
          return [];
        },
      },
      logger: { info() {}, warn() {}, error() {}, debug() {} },
      hooks: {},
    } as unknown as BotServices;
    const core = new BotCore(services, []);
    const message = (updateKey: string, chat: ChatRef): InboundMessage => ({
      type: 'command',
      command: 'nothing',
      args: '',
      updateKey,
      chat,
      from: { channel: 'telegram', userId: '42' },
      receivedAt: new Date(),
    });
    const first = core.handle(message('u1', { channel: 'telegram', chatId: '42', kind: 'private' }));
    const second = core.handle(message('u2', { channel: 'telegram', chatId: '-100', kind: 'group' }));
    // Let the second message run as far as it can while the first is held.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(events).toEqual(['start u1']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['start u1', 'reply 42', 'start u2']);
  });
});
