import { describe, expect, it } from 'vitest';
import { renderOutbound, type RenderContext } from '../../../src/channels/zalo/render-outbound.ts';
import { zaloTranslator } from './helpers.ts';

const translator = zaloTranslator();
const vi: RenderContext = { translator, lang: 'vi', maxTextLength: 2000 };

describe('renderOutbound', () => {
  it('renders choices as numbered lines followed by the hint, in the chosen language', () => {
    const message = {
      type: 'choices' as const,
      text: 'Chọn kỳ báo cáo:',
      choices: [
        { id: 'w1', label: 'Tuần 1' },
        { id: 'w2', label: 'Tuần 2' },
      ],
    };
    const [send, ...rest] = renderOutbound(message, vi);
    expect(rest).toEqual([]);
    expect(send).toEqual({
      method: 'sendMessage',
      text: ['Chọn kỳ báo cáo:', '', '1. Tuần 1', '2. Tuần 2', '', translator.t('vi', 'zalo.choices.hint')].join('\n'),
    });
    const [english] = renderOutbound(message, { ...vi, lang: 'en' });
    expect(english).toMatchObject({ text: expect.stringContaining(translator.t('en', 'zalo.choices.hint')) });
    expect(translator.t('en', 'zalo.choices.hint')).not.toBe(translator.t('vi', 'zalo.choices.hint'));
  });

  it('splits long text into parts Zalo accepts', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Dòng ${i}: số liệu của chi đoàn`).join('\n');
    const sends = renderOutbound({ type: 'text', text }, vi);
    expect(sends.length).toBeGreaterThan(1);
    for (const send of sends) expect(send.method === 'sendMessage' && send.text.length <= 2000).toBe(true);
  });

  it('replaces a file with its caption and a line naming it', () => {
    const sends = renderOutbound(
      { type: 'file', fileName: 'tong-hop.csv', mimeType: 'text/csv', content: Buffer.from('a,b'), caption: 'Tổng hợp tuần' },
      vi,
    );
    expect(sends).toEqual([
      { method: 'sendMessage', text: `Tổng hợp tuần\n${translator.t('vi', 'zalo.file.notSent', { fileName: 'tong-hop.csv' })}` },
    ]);
    expect(translator.t('vi', 'zalo.file.notSent', { fileName: 'tong-hop.csv' })).toContain('tong-hop.csv');
  });

  it('sends a photo by URL with its caption, and a text fallback naming the URL', () => {
    const [send] = renderOutbound({ type: 'photo', url: 'https://example.org/chart.png', caption: 'Biểu đồ' }, vi);
    expect(send).toMatchObject({ method: 'sendPhoto', photo: 'https://example.org/chart.png', caption: 'Biểu đồ' });
    expect(send?.method === 'sendPhoto' && send.fallbackText).toContain('https://example.org/chart.png');
  });

  it('sends a caption too long for Zalo as text after the photo', () => {
    const caption = 'Chú thích dài. '.repeat(200);
    const sends = renderOutbound({ type: 'photo', url: 'https://example.org/chart.png', caption }, vi);
    expect(sends[0]).toMatchObject({ method: 'sendPhoto' });
    expect(sends[0]).not.toHaveProperty('caption');
    expect(sends.slice(1).every((send) => send.method === 'sendMessage')).toBe(true);
  });

  it('renders nothing for blank text', () => {
    expect(renderOutbound({ type: 'text', text: '  ' }, vi)).toEqual([]);
  });
});
