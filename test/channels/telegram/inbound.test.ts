import { afterEach, describe, expect, it } from 'vitest';
import { telegramTestBed, until, type TelegramTestBed } from './harness.ts';

describe('TelegramAdapter inbound mapping', () => {
  let bed: TelegramTestBed;
  afterEach(async () => bed?.close());

  it('maps a private text with sender, chat and update key', async () => {
    bed = await telegramTestBed();
    const updateId = bed.fake.sendText({ userId: 42, text: 'Xin chào', firstName: 'Lan', languageCode: 'vi' });
    await until(() => bed.received.length === 1);
    expect(bed.received[0]).toMatchObject({
      type: 'text',
      text: 'Xin chào',
      updateKey: `tg:${updateId}`,
      chat: { channel: 'telegram', chatId: '42', kind: 'private' },
      from: { channel: 'telegram', userId: '42', displayName: 'Lan', languageCode: 'vi' },
    });
    expect(bed.received[0]?.receivedAt).toBeInstanceOf(Date);
  });

  it('maps commands, including /start with a code and /cmd@bot in a group', async () => {
    bed = await telegramTestBed();
    bed.fake.sendText({ userId: 7, text: '/start ABC123' });
    bed.fake.sendText({ userId: 7, chatId: -100, text: `/BaoCao@${bed.fake.botUsername} tuần 3` });
    await until(() => bed.received.length === 2);
    expect(bed.received[0]).toMatchObject({ type: 'command', command: 'start', args: 'ABC123' });
    expect(bed.received[1]).toMatchObject({
      type: 'command',
      command: 'baocao',
      args: 'tuần 3',
      chat: { chatId: '-100', kind: 'group' },
    });
  });

  it('ignores commands addressed to another bot, bot senders and channel posts', async () => {
    bed = await telegramTestBed();
    bed.fake.sendText({ userId: 7, chatId: -100, text: '/help@some_other_bot' });
    bed.fake.deliverUpdate({
      message: {
        message_id: 1,
        date: 1,
        chat: { id: -100, type: 'supergroup', title: 'G' },
        from: { id: 9, is_bot: true, first_name: 'B' },
        text: 'hi',
      },
    });
    bed.fake.deliverUpdate({ channel_post: { message_id: 2, date: 1, chat: { id: -200, type: 'channel', title: 'C' }, text: 'post' } });
    bed.fake.sendText({ userId: 7, text: 'after' });
    await until(() => bed.received.length === 1);
    await until(() => bed.fake.pendingUpdates === 0, 5000, 'updates confirmed');
    expect(bed.received.map((m) => m.type === 'text' && m.text)).toEqual(['after']);
  });

  it('maps a pressed button to a choice, answers the query and removes the keyboard', async () => {
    bed = await telegramTestBed();
    await bed.adapter.deliver('42', {
      type: 'choices',
      text: 'Chọn đơn vị',
      choices: [
        { id: 'unit:a', label: 'Chi đoàn A' },
        { id: 'unit:b', label: 'Chi đoàn B' },
      ],
    });
    const question = bed.fake.messagesTo(42)[0];
    bed.fake.pressButton({ userId: 42, data: 'unit:b' });
    await until(() => bed.received.length === 1);
    expect(bed.received[0]).toMatchObject({ type: 'choice', choiceId: 'unit:b', chat: { chatId: '42' } });
    const calls = await bed.fake.waitFor((sent) => sent.some((s) => s.method === 'editMessageReplyMarkup'));
    expect(calls.some((s) => s.method === 'answerCallbackQuery' && s.chatId === '42')).toBe(true);
    const edit = calls.find((s) => s.method === 'editMessageReplyMarkup');
    expect(edit).toMatchObject({ chatId: '42', messageId: question?.messageId, buttons: [] });
    expect(() => bed.fake.pressButton({ userId: 42, data: 'unit:a' })).toThrow(/no button/);
  });

  it('answers the button press without holding the handler for it', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    bed = await telegramTestBed({ handler: () => held });
    await bed.adapter.deliver('5', { type: 'choices', text: 'OK?', choices: [{ id: 'yes', label: 'Có' }] });
    bed.fake.pressButton({ userId: 5, data: 'yes' });
    // The handler is still running; the spinner is stopped and the old buttons removed meanwhile.
    await bed.fake.waitFor((sent) => sent.some((s) => s.method === 'answerCallbackQuery'));
    await bed.fake.waitFor((sent) => sent.some((s) => s.method === 'editMessageReplyMarkup'));
    expect(bed.received).toHaveLength(1);
    release();
    await bed.adapter.stop();
  });

  it('maps a document with a working download()', async () => {
    bed = await telegramTestBed();
    const content = Buffer.from('đơn vị,số lượng\nA,12\n', 'utf8');
    bed.fake.sendDocument({ userId: 3, fileName: 'bao-cao.csv', content, mimeType: 'text/csv', caption: 'Báo cáo' });
    await until(() => bed.received.length === 1);
    const message = bed.received[0];
    if (message?.type !== 'document') throw new Error(`expected a document, got ${message?.type}`);
    expect(message).toMatchObject({ fileName: 'bao-cao.csv', mimeType: 'text/csv', caption: 'Báo cáo' });
    expect((await message.download()).equals(content)).toBe(true);
  });

  it('maps stickers and photos to unsupported and ignores service messages', async () => {
    bed = await telegramTestBed();
    bed.fake.sendSticker({ userId: 8 });
    bed.fake.deliverUpdate({
      message: {
        message_id: 50,
        date: 1,
        chat: { id: 8, type: 'private', first_name: 'A' },
        from: { id: 8, is_bot: false, first_name: 'A' },
        photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }],
      },
    });
    bed.fake.deliverUpdate({
      message: {
        message_id: 51,
        date: 1,
        chat: { id: -5, type: 'group', title: 'G' },
        from: { id: 8, is_bot: false, first_name: 'A' },
        new_chat_members: [{ id: 9, is_bot: false, first_name: 'B' }],
      },
    });
    bed.fake.sendText({ userId: 8, text: 'done' });
    await until(() => bed.received.some((m) => m.type === 'text'));
    expect(bed.received.map((m) => (m.type === 'unsupported' ? m.what : m.type))).toEqual(['sticker', 'photo', 'text']);
  });

  it('hands a redelivered update_id to the handler again with the same updateKey (dedupe is the core’s job)', async () => {
    bed = await telegramTestBed();
    const updateId = bed.fake.sendText({ userId: 1, text: 'một' });
    await until(() => bed.received.length === 1);
    await until(() => bed.fake.pendingUpdates === 0, 5000, 'first delivery confirmed');
    bed.fake.deliverUpdate({
      update_id: updateId,
      message: {
        message_id: 99,
        date: 1,
        chat: { id: 1, type: 'private', first_name: 'A' },
        from: { id: 1, is_bot: false, first_name: 'A' },
        text: 'một',
      },
    });
    await until(() => bed.received.length === 2);
    expect(bed.received.map((m) => m.updateKey)).toEqual([`tg:${updateId}`, `tg:${updateId}`]);
  });
});
