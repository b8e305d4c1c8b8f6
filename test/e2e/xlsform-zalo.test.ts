import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZALO_ADMIN_ID, ZaloTestBot, zaloTextOf } from '../support/zalo-test-bot.ts';
import { tempPlans } from '../plans/support.ts';

/** Zalo bots receive no files: /mau there says how to send the edited form from Telegram or the console. */
const plans = tempPlans([
  { id: 'ttn-2027', title: 'Kế hoạch Tháng Thanh niên năm 2027', periods: [{ id: 'ttn-bao-cao', title: 'Báo cáo', hoursAhead: 24 * 30 }] },
]);
let zb: ZaloTestBot;
beforeAll(async () => {
  zb = await ZaloTestBot.start({ env: plans.env });
});
afterAll(async () => {
  await zb?.close();
  plans.cleanup();
});

describe('/mau on Zalo', () => {
  it('names the workbook and says to send it back on Telegram or in the console', async () => {
    const text = zaloTextOf(await zb.say(ZALO_ADMIN_ID, '/mau'));
    expect(text).toContain('mini.xlsx');
    expect(text).toContain('Trên Zalo, bot không nhận được tệp bạn gửi lên');
    expect(text).toContain('Telegram');
  });
});
