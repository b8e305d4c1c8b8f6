import { describe, expect, it } from 'vitest';
import { BusyNotice } from '../../src/core/bot/busy-notice.ts';
import type { ChatRef } from '../../src/core/messages.ts';

const chat = (chatId: string): ChatRef => ({ channel: 'zalo', chatId, kind: 'private' });

describe('BusyNotice', () => {
  it('tells one chat at most once a minute, each chat on its own', () => {
    const notice = new BusyNotice(60_000);
    expect(notice.due(chat('a'), 0)).toBe(true);
    expect(notice.due(chat('a'), 59_999)).toBe(false);
    expect(notice.due(chat('b'), 59_999)).toBe(true);
    expect(notice.due(chat('a'), 60_000)).toBe(true);
    expect(notice.due({ ...chat('a'), channel: 'telegram' }, 60_000)).toBe(true);
  });
});
