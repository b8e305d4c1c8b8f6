import { describe, expect, it } from 'vitest';
import { toInbound, unwrapUpdate } from '../../../src/channels/zalo/to-inbound.ts';
import { imageUpdate, stickerUpdate, textUpdate, unsupportedUpdate } from '../../support/fake-zalo/zalo-updates.ts';

/** A real webhook body as reported by people running Zalo bots (bare shape). */
const bare = {
  event_name: 'message.text.received',
  message: {
    message_id: '2d758cb5e222177a4e35',
    text: 'Xin chào',
    chat: { id: '6ede9afa66b88fe6d6a9', chat_type: 'PRIVATE' },
    from: { id: '6ede9afa66b88fe6d6a9', display_name: 'Nguyễn Văn A', is_bot: false },
    date: 1750316131602,
  },
};

describe('unwrapUpdate', () => {
  it('accepts the bare shape and the {ok, result} shape alike', () => {
    expect(unwrapUpdate(bare)).toEqual(bare);
    expect(unwrapUpdate({ ok: true, result: bare })).toEqual(bare);
  });

  it.each([[null], ['text'], [[bare]], [{ ok: false, error_code: 408 }], [{ ok: true, result: {} }], [{}]])('refuses %j', (payload) => {
    expect(unwrapUpdate(payload)).toBeNull();
  });
});

describe('toInbound', () => {
  it('maps a text message with string ids, display name, chat kind and millisecond date', () => {
    const message = toInbound(unwrapUpdate({ ok: true, result: bare })!);
    expect(message).toEqual({
      type: 'text',
      text: 'Xin chào',
      updateKey: 'zalo:message.text.received:2d758cb5e222177a4e35',
      chat: { channel: 'zalo', chatId: '6ede9afa66b88fe6d6a9', kind: 'private' },
      from: { channel: 'zalo', userId: '6ede9afa66b88fe6d6a9', displayName: 'Nguyễn Văn A' },
      receivedAt: new Date(1750316131602),
    });
  });

  it('gives both shapes of the same delivery the same key, so the core handles it once', () => {
    const a = toInbound(unwrapUpdate(bare)!);
    const b = toInbound(unwrapUpdate({ ok: true, result: bare })!);
    expect(a?.updateKey).toBe(b?.updateKey);
  });

  it.each([
    ['/baocao', 'baocao', ''],
    ['/BaoCao 12 đoàn viên', 'baocao', '12 đoàn viên'],
    ['  /start ABC123', 'start', 'ABC123'],
    ['/hủy', 'hủy', ''],
  ])('reads %j as a command', (text, command, args) => {
    expect(toInbound(textUpdate({ userId: 'u1', text }))).toMatchObject({ type: 'command', command, args });
  });

  it.each(['báo cáo', 'hủy', '12', '/ không phải lệnh'])('leaves %j as text for the core', (text) => {
    expect(toInbound(textUpdate({ userId: 'u1', text }))).toMatchObject({ type: 'text', text });
  });

  it('marks group chats', () => {
    const message = toInbound(textUpdate({ userId: 'u1', chatId: 'g1', chatType: 'GROUP', text: 'hi' }));
    expect(message?.chat).toEqual({ channel: 'zalo', chatId: 'g1', kind: 'group' });
    expect(message?.from.userId).toBe('u1');
  });

  it.each([
    [imageUpdate({ userId: 'u1', caption: 'ảnh báo cáo' }), 'photo', 'message.image.received'],
    [stickerUpdate({ userId: 'u1' }), 'sticker', 'message.sticker.received'],
    [unsupportedUpdate({ userId: 'u1' }), 'unsupported', 'message.unsupported.received'],
  ])('maps non-text events to unsupported (%#)', (update, what, event) => {
    const message = toInbound(update);
    expect(message).toMatchObject({ type: 'unsupported', what, chat: { chatId: 'u1' } });
    expect(message?.updateKey).toBe(`zalo:${event}:${update.message?.message_id}`);
  });

  it('infers the event when the payload has none (the getUpdates sample in the docs)', () => {
    const docsSample = {
      message: {
        chat: { id: 'e4ea2cd5189df1c3a88c', chat_type: 'PRIVATE' as const },
        text: 'Xin chào',
        message_id: '16f6366b3f02645a3d15',
        date: 1766619597466,
        from: { id: 'e4ea2cd5189df1c3a88c', first_name: 'Nguyen Van A' },
      },
    };
    expect(toInbound(docsSample)).toMatchObject({
      type: 'text',
      updateKey: 'zalo:message.text.received:16f6366b3f02645a3d15',
      from: { displayName: 'Nguyen Van A' },
    });
  });

  it('returns null for an event that names no chat', () => {
    expect(toInbound({ event_name: 'message.unsupported.received' })).toBeNull();
  });

  it('uses the current time when the date is missing', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    const update = textUpdate({ userId: 'u1', text: 'x' });
    delete update.message?.date;
    expect(toInbound(update, now)?.receivedAt).toEqual(now);
  });
});
