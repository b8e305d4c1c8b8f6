import { afterEach, describe, expect, it } from 'vitest';
import { PermanentDeliveryError } from '../../../src/core/delivery-errors.ts';
import { telegramTestBed, type TelegramTestBed } from './harness.ts';

describe('TelegramAdapter outbound', () => {
  let bed: TelegramTestBed;
  afterEach(async () => bed?.close());

  it('sends plain text without parse_mode', async () => {
    bed = await telegramTestBed();
    await bed.adapter.deliver('42', { type: 'text', text: 'Hạn nộp: *thứ Sáu* <b>17h</b>' });
    const [sent] = bed.fake.messagesTo(42);
    expect(sent).toMatchObject({ method: 'sendMessage', text: 'Hạn nộp: *thứ Sáu* <b>17h</b>' });
    expect(sent?.params.parse_mode).toBeUndefined();
  });

  it('splits texts longer than 4096 characters at line boundaries', async () => {
    bed = await telegramTestBed();
    const lines = Array.from({ length: 300 }, (_, i) => `Dòng ${i}: ${'x'.repeat(20)}`);
    const text = lines.join('\n');
    await bed.adapter.deliver('42', { type: 'text', text });
    const pieces = bed.fake.messagesTo(42).map((s) => s.text ?? '');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.length <= 4096)).toBe(true);
    expect(pieces.join('\n')).toBe(text);
  });

  it('renders choices as inline buttons, columns per row, keyboard on the last piece', async () => {
    bed = await telegramTestBed();
    const choices = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, label: `Mục ${id}` }));
    await bed.adapter.deliver('42', { type: 'choices', text: 'Chọn:', choices, columns: 2 });
    await bed.adapter.deliver('42', { type: 'choices', text: 'Một cột:', choices: choices.slice(0, 2) });
    const [twoColumns, oneColumn] = bed.fake.messagesTo(42);
    expect(twoColumns?.buttons?.map((row) => row.map((b) => b.data))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(twoColumns?.buttons?.[0]?.[0]?.text).toBe('Mục a');
    expect(oneColumn?.buttons?.map((row) => row.length)).toEqual([1, 1]);
  });

  it('refuses choice ids longer than 64 bytes with a clear permanent error', async () => {
    bed = await telegramTestBed();
    const id = 'đơn-vị-'.repeat(10);
    const delivery = bed.adapter.deliver('42', { type: 'choices', text: 'Chọn:', choices: [{ id, label: 'X' }] });
    await expect(delivery).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(delivery).rejects.toMatchObject({ reason: 'invalid', message: expect.stringMatching(/64 bytes/) });
    expect(bed.fake.sent).toEqual([]);
  });

  it('uploads files as documents (multipart) and sends photos by URL', async () => {
    bed = await telegramTestBed();
    const content = Buffer.from([0, 1, 2, 255, 13, 10, 45, 45]);
    await bed.adapter.deliver('42', {
      type: 'file',
      fileName: 'tong-hop.xlsx',
      mimeType: 'application/octet-stream',
      content,
      caption: 'Tổng hợp',
    });
    await bed.adapter.deliver('42', { type: 'photo', url: 'https://example.org/chart.png', caption: 'Biểu đồ' });
    const [document, photo] = bed.fake.messagesTo(42);
    expect(document).toMatchObject({ method: 'sendDocument', caption: 'Tổng hợp', document: { fileName: 'tong-hop.xlsx' } });
    expect(document?.document?.content.equals(content)).toBe(true);
    expect(photo).toMatchObject({ method: 'sendPhoto', photo: 'https://example.org/chart.png', caption: 'Biểu đồ' });
  });

  it('publishes commands per language and builds invite deep links', async () => {
    bed = await telegramTestBed();
    await bed.adapter.setCommands([{ command: 'baocao', description: 'Báo cáo số liệu' }], 'vi');
    await bed.adapter.setCommands([{ command: 'baocao', description: 'Report figures' }]);
    expect(bed.fake.commandsSet).toEqual([
      { commands: [{ command: 'baocao', description: 'Báo cáo số liệu' }], languageCode: 'vi' },
      { commands: [{ command: 'baocao', description: 'Report figures' }] },
    ]);
    expect(bed.adapter.username).toBe(bed.fake.botUsername);
    expect(bed.adapter.inviteLink('AB12')).toBe(`https://t.me/${bed.fake.botUsername}?start=AB12`);
  });
});
