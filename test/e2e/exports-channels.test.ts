import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { RunningBot } from '../../src/app/start-bot.ts';
import { freePort } from '../support/fake-telegram/free-port.ts';
import { TelegramTestBot } from '../support/telegram-test-bot.ts';
import { ZALO_ADMIN_ID, ZaloTestBot } from '../support/zalo-test-bot.ts';
import { openConsoleSession, type ConsoleSession } from './console-session.ts';
import { connectTestRedis } from '../support/redis.ts';

/**
 * On each channel a leader asks for the period's workbook (/xuat), the province's Word draft
 * (/baocaotinh) and the summary with its chart (/tonghop), and gets files that read back.
 */
const PERIOD = '6thang-2027';

/** Two units, one of which reported twice, written to the bot's Redis as the report conversation would. */
async function seedReports(bot: RunningBot): Promise<void> {
  const { units, reports } = bot.app.stores;
  const at = '2027-06-05T03:00:00.000Z';
  await units.add({ code: 'HD01', name: 'Đoàn phường Ỷ La', parentCode: 'TINH', createdAt: at });
  await units.add({ code: 'HD02', name: 'Huyện Đoàn Quỳnh Lưu', parentCode: 'TINH', createdAt: at });
  const by = { personId: 'p1', name: 'Nguyễn Thị Ỷ', channel: 'telegram' as const };
  await reports.submit({
    periodId: PERIOD,
    unitCode: 'HD01',
    answers: { propaganda_sessions: 4 },
    submittedBy: by,
    submittedAt: at,
    late: false,
  });
  await reports.submit({
    periodId: PERIOD,
    unitCode: 'HD01',
    answers: { propaganda_sessions: 7, clubs: 2, proposals: 'Tập huấn ngoại ngữ cho cán bộ' },
    submittedBy: by,
    submittedAt: '2027-06-06T03:00:00.000Z',
    late: false,
  });
}

async function readWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(content).buffer);
  return workbook;
}

async function checkWorkbook(content: Buffer): Promise<void> {
  const workbook = await readWorkbook(content);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Ý kiến', 'Lịch sử']);
  const units = workbook.getWorksheet('Theo đơn vị')!;
  expect(units.getCell(2, 2).value).toBe('Đoàn phường Ỷ La');
  expect(units.getCell(3, 4).value).toBe('chưa báo cáo');
  expect(workbook.getWorksheet('Lịch sử')!.rowCount).toBe(3);
}

async function checkReport(content: Buffer): Promise<void> {
  const text = (await mammoth.extractRawText({ buffer: content })).value;
  expect(text).toContain('ĐOÀN TNCS HỒ CHÍ MINH');
  expect(text).toContain('có 1/2 đơn vị đã gửi báo cáo');
  expect(text).toContain(': 7 buổi');
  expect(text).toContain('Tập huấn ngoại ngữ cho cán bộ (Đoàn phường Ỷ La).');
}

function isPng(content: Buffer | undefined): boolean {
  return content?.subarray(1, 4).toString() === 'PNG';
}

describe('exports on Telegram', () => {
  const LEADER = 7100;
  let tb: TelegramTestBot;
  beforeAll(async () => {
    tb = await TelegramTestBot.start();
    await tb.enrol(LEADER, 'TINH', 'lanhdao');
    await seedReports(tb.bot);
  });
  afterAll(async () => {
    await tb?.close();
  });

  it('sends the workbook, the Word draft, and the summary followed by its chart', async () => {
    const [xlsx] = await tb.say(LEADER, `/xuat ${PERIOD}`);
    expect(xlsx?.method).toBe('sendDocument');
    expect(xlsx?.document?.fileName).toBe(`doanbot-${PERIOD}.xlsx`);
    await checkWorkbook(xlsx!.document!.content);

    const [csv] = await tb.say(LEADER, `/xuat ${PERIOD} csv`);
    expect(csv?.document?.fileName).toBe(`doanbot-${PERIOD}.csv`);

    const [docx] = await tb.say(LEADER, `/baocaotinh ${PERIOD}`);
    expect(docx?.document?.fileName).toBe(`bao-cao-${PERIOD}.docx`);
    await checkReport(docx!.document!.content);

    const summary = await tb.say(LEADER, `/tonghop ${PERIOD}`);
    expect(summary.map((m) => m.method)).toEqual(['sendMessage', 'sendPhoto']);
    expect(summary[0]?.text).toContain('1/2');
    expect(isPng(summary[1]?.photoContent)).toBe(true);
  });

  it('sends the text summary alone when the chart cannot be made', async () => {
    const services = (tb.bot.app.core as unknown as { services: { exports: { renderers: { chart: unknown } } } }).services;
    const chart = services.exports.renderers.chart;
    services.exports.renderers.chart = () => Promise.reject(new Error('renderer down'));
    try {
      const summary = await tb.say(LEADER, `/tonghop ${PERIOD}`);
      expect(summary.map((m) => m.method)).toEqual(['sendMessage']);
      expect(summary[0]?.text).toContain('1/2');
    } finally {
      services.exports.renderers.chart = chart;
    }
  });
});

describe('the chart of a large tree on Telegram', () => {
  const LEADER = 7200;
  let tb: TelegramTestBot;
  beforeAll(async () => {
    tb = await TelegramTestBot.start();
    await tb.enrol(LEADER, 'TINH', 'lanhdao');
    const { units, reports } = tb.bot.app.stores;
    const at = '2027-06-05T03:00:00.000Z';
    const by = { personId: 'p', name: 'Bí thư', channel: 'telegram' as const };
    for (let d = 1; d <= 3; d++) {
      await units.add({ code: `D${d}`, name: `Huyện Đoàn ${d}`, parentCode: 'TINH', createdAt: at });
      for (let x = 1; x <= 15; x++) {
        const code = `D${d}X${x}`;
        await units.add({ code, name: `Đoàn xã ${code}`, parentCode: `D${d}`, createdAt: at });
        if (x <= 10 * d - 5)
          await reports.submit({
            periodId: PERIOD,
            unitCode: code,
            answers: { propaganda_sessions: 2 },
            submittedBy: by,
            submittedAt: at,
            late: x === 1,
          });
      }
    }
  });
  afterAll(async () => {
    await tb?.close();
  });

  it('sends the roll-up summary of 45 units followed by a chart', async () => {
    const summary = await tb.say(LEADER, `/tonghop ${PERIOD}`);
    expect(summary.map((m) => m.method)).toEqual(['sendMessage', 'sendPhoto']);
    // 5 + 15 + 15 communes reported
    expect(summary[0]?.text).toContain('35/45');
    expect(isPng(summary[1]?.photoContent)).toBe(true);
  });
});

describe('exports on Zalo (webhook mode)', () => {
  let zb: ZaloTestBot;
  beforeAll(async () => {
    const port = await freePort();
    zb = await ZaloTestBot.start({
      env: {
        ZALO_MODE: 'webhook',
        ZALO_WEBHOOK_URL: `http://127.0.0.1:${port}/zalo`,
        ZALO_WEBHOOK_PORT: String(port),
        ZALO_WEBHOOK_SECRET: 'zalo_webhook_secret_0123456789',
      },
    });
    await zb.say(ZALO_ADMIN_ID, '/start', 'Admin');
    await seedReports(zb.bot);
  });
  afterAll(async () => {
    await zb?.close();
  });

  /** The download link in a Zalo text. */
  function linkIn(text: string | undefined): string {
    const url = /(https?:\/\/\S+\/files\/\S+)/.exec(text ?? '')?.[1];
    if (!url) throw new Error(`no file link in: ${text}`);
    return url;
  }

  it('sends the chart as a photo at an unguessable, expiring address, and the files as download links', async () => {
    const summary = await zb.say(ZALO_ADMIN_ID, `/tonghop ${PERIOD}`);
    expect(summary.map((m) => m.method)).toEqual(['sendMessage', 'sendPhoto']);
    const photo = summary[1]!.photo!;
    expect(photo).toMatch(/\/files\/[A-Za-z0-9_-]{32}\.png$/);
    const picture = await fetch(photo);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(isPng(Buffer.from(await picture.arrayBuffer()))).toBe(true);
    // Another token, or the same one with a different extension, is not found.
    expect((await fetch(photo.replace(/\/[A-Za-z0-9_-]{32}\.png$/, `/${'A'.repeat(32)}.png`))).status).toBe(404);
    expect((await fetch(photo.replace(/\.png$/, '.xlsx'))).status).toBe(404);
    // It expires: the address lives a day in Redis.
    const token = /\/([A-Za-z0-9_-]{32})\.png$/.exec(photo)![1]!;
    const ttl = connectTestRedis();
    try {
      const seconds = await ttl.ttl(zb.bot.app.stores.keys.servedFile(token));
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(24 * 3600);
    } finally {
      await ttl.quit();
    }

    const [xlsx] = await zb.say(ZALO_ADMIN_ID, `/xuat ${PERIOD}`);
    const workbook = await fetch(linkIn(xlsx?.text));
    expect(workbook.headers.get('content-disposition')).toContain(`doanbot-${PERIOD}.xlsx`);
    await checkWorkbook(Buffer.from(await workbook.arrayBuffer()));

    const [docx] = await zb.say(ZALO_ADMIN_ID, `/baocaotinh ${PERIOD}`);
    await checkReport(Buffer.from(await (await fetch(linkIn(docx?.text))).arrayBuffer()));
  });
});

describe('exports in the terminal', () => {
  let session: ConsoleSession;
  beforeAll(async () => {
    session = await openConsoleSession('exports');
    await seedReports(session.bot);
  });
  afterAll(async () => {
    await session?.close();
  });

  /** The path of the last file the console says it saved. */
  function savedPath(): string {
    const matches = [...session.output().matchAll(/(\S+[\\/]exports[\\/]\S+)/g)];
    const path = matches.at(-1)?.[1];
    if (!path || !existsSync(path)) throw new Error(`no saved file in: ${session.output()}`);
    return path;
  }

  it('writes the workbook, the Word draft and the chart under data/exports/ and prints their paths', async () => {
    await session.type(`/xuat ${PERIOD}`);
    expect(savedPath()).toMatch(/doanbot-6thang-2027\.xlsx$/);
    await checkWorkbook(readFileSync(savedPath()));
    await session.type(`/baocaotinh ${PERIOD}`);
    expect(savedPath()).toMatch(/\.docx$/);
    await checkReport(readFileSync(savedPath()));
    session.clear();
    await session.type(`/tonghop ${PERIOD}`);
    expect(session.output()).toContain('1/2');
    expect(savedPath()).toMatch(/\.png$/);
    expect(isPng(readFileSync(savedPath()))).toBe(true);
  });
});

describe('exports on Zalo (polling mode, no public address)', () => {
  let zb: ZaloTestBot;
  beforeAll(async () => {
    zb = await ZaloTestBot.start();
    await zb.say(ZALO_ADMIN_ID, '/start', 'Admin');
    await seedReports(zb.bot);
  });
  afterAll(async () => {
    await zb?.close();
  });

  it('sends the summary text alone, and names the files it cannot send', async () => {
    const summary = await zb.say(ZALO_ADMIN_ID, `/tonghop ${PERIOD}`);
    expect(summary.map((m) => m.method)).toEqual(['sendMessage']);
    expect(summary[0]?.text).toContain('1/2');
    const [xlsx] = await zb.say(ZALO_ADMIN_ID, `/xuat ${PERIOD}`);
    expect(xlsx?.text).toContain(`doanbot-${PERIOD}.xlsx`);
    expect(xlsx?.text).not.toMatch(/https?:/);
  });
});
