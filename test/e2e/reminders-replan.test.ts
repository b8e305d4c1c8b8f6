import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Period } from '../../src/core/domain/types.ts';
import { createStores } from '../../src/store/stores.ts';
import { connectTestRedis } from '../support/redis.ts';
import { TelegramTestBot } from '../support/telegram-test-bot.ts';
import { contentOf, testPlan } from '../support/plan-content.ts';

const OFFICER = 9301;
let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start({ REMINDERS_REPLAN_SECONDS: '1' });
  await tb.enrol(OFFICER, 'HD01');
});
afterAll(async () => {
  await tb?.close();
});

describe('periods created outside the bot process', () => {
  it('get their reminders planned by the periodic planning, without a restart', async () => {
    // As `npm run plan:import -- --yes` does: a period written straight to Redis.
    const redis = connectTestRedis();
    const deadline = new Date(Date.now() + 3000);
    const period: Period = {
      id: 'ngoai-tien-trinh',
      title: { vi: 'Báo cáo nhập từ dòng lệnh', en: 'Report imported from the command line' },
      unitDeadline: deadline.toISOString(),
      deadlineIsDateOnly: false,
      closes: new Date(Date.now() + 86_400_000).toISOString(),
      reminders: ['PT0S'],
      summaries: [],
      version: 1,
      planId: 'rtest',
    };
    expect(await createStores(redis, tb.prefix, contentOf([], testPlan('rtest'))).periods.addImported(period)).toBe(true);
    await redis.quit();

    const sent = await tb.fake.waitFor(
      () => tb.fake.messagesTo(OFFICER).some((m) => m.text?.includes('Báo cáo nhập từ dòng lệnh')),
      15_000,
    );
    expect(sent.filter((m) => m.chatId === String(OFFICER) && m.text?.includes('Báo cáo nhập từ dòng lệnh'))).toHaveLength(1);
  });
});
