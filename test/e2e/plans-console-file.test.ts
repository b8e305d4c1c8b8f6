import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleSession, type ConsoleSession } from './console-session.ts';
import { tempPlans } from '../plans/support.ts';

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

describe('a leader in the terminal with two plans open', () => {
  const plans = tempPlans([
    {
      id: 'ttn-2027',
      title: 'Kế hoạch Tháng Thanh niên năm 2027',
      periods: [{ id: 'ttn-thang3', title: 'Báo cáo Tháng Thanh niên', hoursAhead: 24 }],
    },
    {
      id: 'mhx-2027',
      title: 'Kế hoạch Mùa hè xanh 2027',
      periods: [{ id: 'mhx-dot1', title: 'Báo cáo Mùa hè xanh đợt 1', hoursAhead: 48 }],
    },
  ]);
  let two: ConsoleSession;
  beforeAll(async () => {
    two = await openConsoleSession('plans-console-two', { env: plans.env });
  });
  afterAll(async () => {
    await two?.close();
    plans.cleanup();
  });

  it('is asked which plan’s period with numbered lines, and answers with the number', async () => {
    two.clear();
    await two.type('/tinhhinh');
    expect(two.output()).toMatch(/1\. \[Kế hoạch Tháng Thanh niên năm 2027\] Báo cáo Tháng Thanh niên/u);
    expect(two.output()).toMatch(/2\. \[Kế hoạch Mùa hè xanh 2027\] Báo cáo Mùa hè xanh đợt 1/u);
    two.clear();
    await two.type('2');
    expect(two.output()).toContain('Tình hình báo cáo: Báo cáo Mùa hè xanh đợt 1');
    expect(two.output()).toContain('Kế hoạch: Kế hoạch Mùa hè xanh 2027');
  });
});
