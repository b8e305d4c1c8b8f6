import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { ADMIN_ID, TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';
import { ZALO_ADMIN_ID, ZaloTestBot, startCodeIn, zaloTextOf } from '../support/zalo-test-bot.ts';
import { eventually, localTime, queueDrained, remindersTo, secondsAhead, tempBundle } from '../reminders/support.ts';

const t = Translator.fromDirectory('locales');
/** An instant as the bot writes a deadline with a time. */
const shown = (ms: number) => localTime(ms).replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}):\d{2}$/, '$3/$2/$1 $4');
const vi = (key: string, params?: Record<string, string | number>) => t.t('vi', key, params);

/**
 * Reminders of a subtree deadline through the real path (Telegram fake Bot API, real Redis, real
 * BullMQ): TINH → HD01 → XA01, and DK02 directly under TINH. The province sets the common deadline
 * seconds away, the district leader an earlier one for HD01's units, then moves it again.
 */
describe('on Telegram: reminders follow a deadline set by a district leader', () => {
  const bundle = tempBundle([{ id: 'rsub', reminders: ['-PT2S', 'PT0S'], summaries: [] }]);
  const PROVINCE_LEADER = 7100;
  const DISTRICT_LEADER = 7101;
  const COMMUNE_OFFICER = 7102;
  const OTHER_OFFICER = 7103;
  let tb: TelegramTestBot;

  beforeAll(async () => {
    tb = await TelegramTestBot.start(bundle.env);
    await tb.say(ADMIN_ID, '/donvi them HD01 Huyện Đoàn A', 'Admin');
    await tb.say(ADMIN_ID, '/donvi them XA01 Đoàn xã Một HD01', 'Admin');
    await tb.enrol(DISTRICT_LEADER, 'HD01', 'lanhdao');
    await tb.enrol(COMMUNE_OFFICER, 'XA01');
    await tb.enrol(OTHER_OFFICER, 'DK02');
    await tb.enrol(PROVINCE_LEADER, 'TINH', 'lanhdao');
  });
  afterAll(async () => {
    await tb?.close();
    bundle.cleanup();
  });

  it('the commune gets its own lane once per offset across a moved subtree deadline, and never the common lane', async () => {
    const common = secondsAhead(14_000);
    expect(textOf(await tb.say(PROVINCE_LEADER, `/giahan rsub ${localTime(common)}`))).toContain('Đã dời hạn');
    const first = secondsAhead(5_000);
    const set = textOf(await tb.say(DISTRICT_LEADER, `/giahan rsub ${localTime(first)}`));
    expect(set).toContain(`HD01 – Huyện Đoàn A: ${shown(first)}`);
    expect(set).toContain(shown(common));
    // The first reminder of the district's deadline goes out to the commune...
    await eventually('the first reminder to the commune', () => remindersTo([tb.fake], COMMUNE_OFFICER).length >= 1);
    // ...then the district moves its deadline: that offset is not sent again, the next follows the new one.
    const second = secondsAhead(4_000);
    expect(textOf(await tb.say(DISTRICT_LEADER, `/giahan rsub ${localTime(second)}`))).toContain('HD01');
    await queueDrained(tb.prefix, 'rsub', 30_000);
    await tb.settle();

    const commune = remindersTo([tb.fake], COMMUNE_OFFICER);
    expect(commune).toHaveLength(2);
    expect(commune[0]!.at).toBeLessThan(first);
    expect(commune[1]!.at).toBeGreaterThanOrEqual(second - 50);
    expect(commune[1]!.at).toBeLessThan(common - 2_000);
    // The unit outside HD01 is reminded on the common deadline only.
    const other = remindersTo([tb.fake], OTHER_OFFICER);
    expect(other).toHaveLength(2);
    expect(other[0]!.at).toBeGreaterThanOrEqual(common - 2_000 - 50);
  }, 60_000);
});

describe('on Zalo: a district leader sets its subtree’s deadline by typing', () => {
  let zb: ZaloTestBot;
  const LEADER = 'zd1';
  const OFFICER = 'zo1';

  beforeAll(async () => {
    zb = await ZaloTestBot.start();
    await zb.say(ZALO_ADMIN_ID, '/donvi nhap\nHD01, Huyện Đoàn A\nXA01, Đoàn xã Một, HD01\nXA02, Đoàn xã Hai, HD01');
    await zb.say(LEADER, `/start ${startCodeIn(zaloTextOf(await zb.say(ZALO_ADMIN_ID, '/moi HD01 lanhdao')))}`);
    await zb.say(OFFICER, `/start ${startCodeIn(zaloTextOf(await zb.say(ZALO_ADMIN_ID, '/moi XA01 canbo')))}`);
  });
  afterAll(async () => {
    await zb?.close();
  });

  it('refuses a date past what the district owes, accepts an earlier one, and the commune sees it in /lich', async () => {
    expect(zaloTextOf(await zb.say(LEADER, '/giahan 6thang-2027 20/6/2027'))).toContain(
      vi('reminders.extend.after_own_deadline', { deadline: '20/06/2027', code: 'HD01', own: 'HD01', owed: '10/06/2027' }),
    );
    const done = zaloTextOf(await zb.say(LEADER, '/giahan 6thang-2027 08/06/2027'));
    expect(done).toContain('08/06/2027');
    expect(done).not.toMatch(/bấm|nút/i);
    expect(zaloTextOf(await zb.say(OFFICER, '/lich'))).toContain('(6thang-2027) — hạn 08/06/2027');
    expect(zaloTextOf(await zb.say(LEADER, '/trogiup'))).toContain(vi('reminders.commands.extend_subtree'));
  });
});
