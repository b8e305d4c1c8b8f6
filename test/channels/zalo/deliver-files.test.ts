import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransientDeliveryError } from '../../../src/core/delivery-errors.ts';
import { ZaloAdapter } from '../../../src/channels/zalo/zalo-adapter.ts';
import type { FilePublisher } from '../../../src/channels/shared/file-publisher.ts';
import type { OutboundMessage } from '../../../src/core/messages.ts';
import { FakeZaloServer } from '../../support/fake-zalo/fake-zalo-server.ts';
import { memoryLogger, zaloTranslator } from './helpers.ts';

/** Pictures and files the bot makes, on Zalo: by URL where there is a public address, else left out or named. */
let fake: FakeZaloServer;
const translator = zaloTranslator();
const published: string[] = [];

/** Publishes at a made-up address and remembers the file names. */
const publisher: FilePublisher = {
  ttlHours: 24,
  async publish(_content, fileName) {
    published.push(fileName);
    return `https://bot.example.org/files/${String(published.length).padStart(32, 'x')}${fileName.slice(fileName.lastIndexOf('.'))}`;
  },
};

function adapter(files?: FilePublisher): ZaloAdapter {
  return new ZaloAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    mode: { kind: 'polling' },
    logger: memoryLogger().logger,
    translator,
    ...(files ? { files } : {}),
  });
}

const chart: OutboundMessage = { type: 'image', fileName: 'bieu-do.png', content: Buffer.from('png'), caption: 'Biểu đồ kỳ 6 tháng' };

beforeEach(async () => {
  fake = await FakeZaloServer.start();
  published.length = 0;
});
afterEach(async () => {
  await fake.close();
});

describe('ZaloAdapter and the files the bot makes', () => {
  it('sends a chart as a photo at its published address, with its caption', async () => {
    await adapter(publisher).deliver('c1', chart);
    const [sent] = fake.messagesTo('c1');
    expect(sent).toMatchObject({ method: 'sendPhoto', caption: 'Biểu đồ kỳ 6 tháng' });
    expect(sent?.photo).toMatch(/^https:\/\/bot\.example\.org\/files\/x+1\.png$/);
  });

  it('leaves the chart out with no public address (polling): nothing is sent', async () => {
    await adapter().deliver('c2', chart);
    expect(fake.messagesTo('c2')).toEqual([]);
  });

  it('offers a file as a download link with its lifetime, or names it without a public address', async () => {
    const file: OutboundMessage = {
      type: 'file',
      fileName: 'doanbot-6thang.xlsx',
      mimeType: 'x',
      content: Buffer.from('x'),
      caption: 'Bảng tổng hợp',
    };
    await adapter(publisher).deliver('c3', file);
    const [link] = fake.textsTo('c3');
    expect(link).toContain('Bảng tổng hợp');
    expect(link).toContain(
      translator.t('vi', 'exports.zalo.file_link', {
        fileName: 'doanbot-6thang.xlsx',
        url: 'https://bot.example.org/files/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1.xlsx',
        hours: 24,
      }),
    );
    await adapter().deliver('c4', file);
    expect(fake.textsTo('c4').join('\n')).toContain(translator.t('vi', 'zalo.file.notSent', { fileName: 'doanbot-6thang.xlsx' }));
  });

  it('resumes after the photo when the caption that follows it fails, without sending the photo twice', async () => {
    const zalo = adapter(publisher);
    const long: OutboundMessage = { ...chart, caption: 'Tổng hợp. '.repeat(300) };
    fake.failNext('sendMessage', { status: 500, errorCode: 500, description: 'Internal Server Error' });
    await expect(zalo.deliver('c5', long)).rejects.toBeInstanceOf(TransientDeliveryError);
    await zalo.deliver('c5', long);
    expect(fake.messagesTo('c5').filter((m) => m.method === 'sendPhoto')).toHaveLength(1);
    expect(fake.messagesTo('c5').filter((m) => m.method === 'sendMessage').length).toBeGreaterThan(0);
  });
});
