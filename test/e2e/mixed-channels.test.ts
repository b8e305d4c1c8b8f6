import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { textOf } from '../support/telegram-test-bot.ts';
import { TELEGRAM_ADMIN_ID, ZALO_ADMIN_ID, ZaloTestBot, startCodeIn, zaloTextOf } from '../support/zalo-test-bot.ts';

/**
 * One bot process with Telegram and Zalo (both fakes over real HTTP, one Redis): officers on either
 * channel land in one status and one total; a Telegram person links their Zalo account with
 * /lienket (/link) and reports from Zalo for the same unit; `/tonghop nhom` goes to the bound group
 * of each channel, or where a channel has none, to the leaders' private chats on it.
 */
const TG_OFFICER = 2001; // HD01, on Telegram
const ZALO_OFFICER = 'zo2002'; // HD02, on Zalo
const LINKED = { telegram: 2003, zalo: 'zo2003' }; // HD03: joins on Telegram, reports from Zalo
const LEADER = { telegram: 3000, zalo: 'zl3000' };
const TG_GROUP = -100500;
const ZALO_GROUP = 'zg7777';
const UNITS = [
  { unit: 'HD01', name: 'Huyện Đoàn Ninh Hải' },
  { unit: 'HD02', name: 'Huyện Đoàn Ninh Phước' },
  { unit: 'HD03', name: 'Thành Đoàn Phan Rang' },
  { unit: 'HD04', name: 'Đoàn Khối Doanh nghiệp' },
];
/** Propaganda sessions and participants each unit reports; every other figure is 0. */
const FIGURES = { HD01: [3, 100], HD02: [4, 250], HD03: [5, 40] } as const;
const t = Translator.fromDirectory('locales');
const label = (id: string) => t.t('vi', `form.qttn.${id}.label`);
const TOTALS_HEADING = t.t('vi', 'status.totals_heading', { count: 3 });

let zb: ZaloTestBot;
beforeAll(async () => {
  zb = await ZaloTestBot.start({ telegram: true });
});
afterAll(async () => {
  await zb?.close();
});

/** A whole report for the six-month period (number 1 in the list), from `start` to "gửi". */
function reportAnswers(start: string, [sessions, participants]: readonly [number, number]): string[] {
  return [start, '1', String(sessions), String(participants), '0', '0', '0', '0', '0', '0', 'không', 'bỏ qua', 'bỏ qua', 'bỏ qua', 'gửi'];
}

const tg = async (userId: number, text: string, name?: string): Promise<string> => textOf(await zb.tgSay(userId, text, name));
const zalo = async (userId: string, text: string, name?: string): Promise<string> => zaloTextOf(await zb.say(userId, text, name));

describe('Telegram and Zalo in one bot', () => {
  it('invites show the Telegram link and the Zalo "/start CODE" for the same code', async () => {
    for (const unit of UNITS) await tg(TELEGRAM_ADMIN_ID, `/donvi them ${unit.unit} ${unit.name}`, 'Admin');
    const invite = await tg(TELEGRAM_ADMIN_ID, '/moi HD01');
    const code = startCodeIn(invite);
    expect(invite).toContain(`start=${code}`);
    expect(invite).toContain(`/start ${code}`);
    expect(await tg(TG_OFFICER, `/start ${code}`, 'Cán bộ HD01')).toContain('Huyện Đoàn Ninh Hải');

    const zaloCode = startCodeIn(await tg(TELEGRAM_ADMIN_ID, '/moi HD02'));
    expect(await zalo(ZALO_OFFICER, `/start ${zaloCode}`, 'Cán bộ HD02')).toContain('Huyện Đoàn Ninh Phước');
  });

  it('links a Zalo account to a Telegram person with /lienket and /link, keeping unit and role', async () => {
    await tg(LINKED.telegram, `/start ${startCodeIn(await tg(TELEGRAM_ADMIN_ID, '/moi HD03'))}`, 'Nguyễn Văn Liên');
    const linkCode = startCodeIn(await tg(LINKED.telegram, '/lienket'));
    const linked = await zalo(LINKED.zalo, `/start ${linkCode}`, 'Liên Zalo');
    expect(linked).toContain('Nguyễn Văn Liên');
    expect(linked).toContain('Thành Đoàn Phan Rang');

    await tg(LEADER.telegram, `/start ${startCodeIn(await tg(TELEGRAM_ADMIN_ID, '/moi TINH lanhdao'))}`, 'Lãnh đạo Tỉnh');
    expect(await zalo(LEADER.zalo, `/start ${startCodeIn(await tg(LEADER.telegram, '/link'))}`)).toContain('lãnh đạo');
    // The linked Zalo account has the leader's rights.
    expect(await zalo(LEADER.zalo, '/tinhhinh')).toContain('0/4');
  });

  it('collects reports from Telegram, Zalo and the linked Zalo account into one status and one total', async () => {
    const saved = /Đã lưu báo cáo/;
    let last = '';
    for (const answer of reportAnswers('/baocao', FIGURES.HD01)) last = await tg(TG_OFFICER, answer);
    expect(last).toMatch(saved);
    for (const answer of reportAnswers('báo cáo', FIGURES.HD02)) last = await zalo(ZALO_OFFICER, answer);
    expect(last).toMatch(saved);
    for (const answer of reportAnswers('/baocao', FIGURES.HD03)) last = await zalo(LINKED.zalo, answer);
    expect(last).toMatch(saved);

    const onTelegram = await tg(LEADER.telegram, '/tinhhinh');
    const onZalo = await zalo(LEADER.zalo, '/tinhhinh');
    for (const status of [onTelegram, onZalo]) {
      expect(status).toContain('3/4');
      expect(status).toContain('Đoàn Khối Doanh nghiệp');
      // The Zalo report of the linked account counts for its unit, by the same person.
      expect(status).toMatch(/HD03 – Thành Đoàn Phan Rang: .*Nguyễn Văn Liên/);
    }

    const summary = await zalo(LEADER.zalo, '/tonghop');
    const sum = (i: 0 | 1) => Object.values(FIGURES).reduce((total, f) => total + f[i], 0);
    expect(summary).toContain(`${label('propaganda_sessions')}: ${sum(0)}`);
    expect(summary).toContain(`${label('propaganda_participants')}: ${sum(1)}`);
    expect(await tg(LEADER.telegram, '/tonghop')).toContain(`${label('propaganda_participants')}: ${sum(1)}`);
  }, 60_000);

  it('sends "/tonghop nhom" to the leaders\' private chats on a channel without a bound group', async () => {
    const tgBefore = zb.telegram.messagesTo(LEADER.telegram).length;
    const reply = await zb.say(LEADER.zalo, '/tonghop nhom');
    expect(zaloTextOf(reply)).toContain(TOTALS_HEADING);
    expect(zaloTextOf(reply)).toContain(t.t('vi', 'status.posted_to_group', { count: 2 }));
    expect(textOf(zb.telegram.messagesTo(LEADER.telegram).slice(tgBefore))).toContain(TOTALS_HEADING);
  });

  it('sends it to the Telegram group bound with /nhom, and still to the leader on Zalo, which has no group', async () => {
    expect(textOf(await zb.tgSayInGroup(TELEGRAM_ADMIN_ID, TG_GROUP, '/nhom'))).toContain('Telegram');
    const tgLeaderBefore = zb.telegram.messagesTo(LEADER.telegram).length;
    const reply = zaloTextOf(await zb.say(LEADER.zalo, '/tonghop nhom'));
    expect(reply).toContain(TOTALS_HEADING);
    expect(textOf(zb.telegram.messagesTo(TG_GROUP))).toContain(TOTALS_HEADING);
    expect(zb.telegram.messagesTo(LEADER.telegram).length).toBe(tgLeaderBefore);
  });

  it("sends it to a bound Zalo group instead of the leader's private Zalo chat", async () => {
    await zalo(ZALO_ADMIN_ID, '/start', 'Admin Zalo');
    expect(zaloTextOf(await zb.sayInGroup(ZALO_ADMIN_ID, ZALO_GROUP, '/nhom'))).toContain('Zalo');
    const tgGroupBefore = zb.telegram.messagesTo(TG_GROUP).length;
    const reply = zaloTextOf(await zb.say(LEADER.zalo, '/tonghop nhom'));
    expect(reply).not.toContain(TOTALS_HEADING);
    expect(reply).toContain(t.t('vi', 'status.posted_to_group', { count: 2 }));
    expect(zaloTextOf(zb.zalo.messagesTo(ZALO_GROUP))).toContain(TOTALS_HEADING);
    expect(textOf(zb.telegram.messagesTo(TG_GROUP).slice(tgGroupBefore))).toContain(TOTALS_HEADING);
  });

  it('refuses to link an account that belongs to someone with other accounts, deleting nothing', async () => {
    const code = startCodeIn(await tg(LINKED.telegram, '/lienket'));
    expect(await zalo(LEADER.zalo, `/start ${code}`)).toContain(
      t
        .t('vi', 'invite.link_taken', { channel: 'Zalo', name: 'Lãnh đạo Tỉnh', unit: 'TINH', role: t.t('vi', 'roles.leader'), owner: '' })
        .split(':')[0],
    );
    const leader = await zb.bot.app.stores.people.findByIdentity('zalo', LEADER.zalo);
    expect(leader?.role).toBe('leader');
    expect(leader?.identities.map((i) => i.channel).sort()).toEqual(['telegram', 'zalo']);
  });
});
