import { describe, expect, it } from 'vitest';
import { toInbound, withoutLeadingMention } from '../../../src/channels/zalo/to-inbound.ts';

describe('a command after a mention in a Zalo group', () => {
  it.each([
    ['@Doanbot /nhom', '/nhom'],
    ['@Doan Bot Tinh   /tonghop nhom', '/tonghop nhom'],
    ['/nhom', '/nhom'],
    ['@Doanbot xin chào', '@Doanbot xin chào'],
  ])('%s → %s', (text, expected) => {
    expect(withoutLeadingMention(text)).toBe(expected);
  });

  it('becomes a command in a group, and stays text in a private chat', () => {
    const update = (chat_type: 'GROUP' | 'PRIVATE') => ({
      event_name: 'message.text.received',
      message: {
        message_id: 'm1',
        date: Date.now(),
        text: '@Doanbot /nhom',
        from: { id: 'u1', display_name: 'An' },
        chat: { id: 'g1', chat_type },
      },
    });
    expect(toInbound(update('GROUP'))).toMatchObject({ type: 'command', command: 'nhom' });
    expect(toInbound(update('PRIVATE'))).toMatchObject({ type: 'text', text: '@Doanbot /nhom' });
  });
});
