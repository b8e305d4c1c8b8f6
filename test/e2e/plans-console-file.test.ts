import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleSession, type ConsoleSession } from './console-session.ts';

/** In the terminal a plan document is sent by its path: "/tep <path>", then the proposal is answered by number. */
let session: ConsoleSession;
beforeAll(async () => {
  session = await openConsoleSession('plans-console');
});
afterAll(async () => {
  await session?.close();
});

describe('a plan document sent from the terminal', () => {
  it('is read from its path, proposed, and created as a plan answered by number', async () => {
    await session.type('/tep test/plans/fixtures/xuan-tinh-nguyen-2027.txt');
    expect(session.output()).toContain('Đề xuất tạo kế hoạch «Tổ chức chương trình Xuân tình nguyện năm 2027»');
    expect(session.output()).toContain('1.');
    session.clear();
    await session.type('1');
    expect(session.output()).toContain('kế hoạch mới «Tổ chức chương trình Xuân tình nguyện năm 2027» (mã 87-kh-tdtn)');
    expect((await session.bot.app.stores.plans.get('87-kh-tdtn'))?.source).toBe('chat');
  });

  it('says so when there is no file at the path', async () => {
    session.clear();
    await session.type('/tep khong-co-tep.docx');
    expect(session.output()).toContain('Không tải được tệp');
  });
});
