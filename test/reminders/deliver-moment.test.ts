import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { ChatRef, OutboundMessage } from '../../src/core/messages.ts';
import type { Period, Person } from '../../src/core/domain/types.ts';
import type { DeliveryResult } from '../../src/outbound/delivery-result.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { loadBundle } from '../../src/plan-bundle/load-bundle.ts';
import { createStores, type Stores } from '../../src/store/stores.ts';
import { deliverReminders, deliverSummary } from '../../src/reminders/deliver-moment.ts';
import { remindNow } from '../../src/reminders/remind-now.ts';
import type { ReminderDeps } from '../../src/reminders/reminder-deps.ts';
import { SendClaims } from '../../src/reminders/send-claims.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { contentOf } from '../support/plan-content.ts';
import { bundlePlan } from '../../src/app/to-period.ts';
import { InMemoryFormRegistry } from '../../src/core/plans/form-registry.ts';

const translator = Translator.fromDirectory('locales');
const bundle = loadBundle('flows/demo-2027', { defaultTimezone: 'Asia/Ho_Chi_Minh', hasKey: (k) => translator.has(k) });
const period: Period = { ...bundle.periods[0]!, version: 1, planId: bundle.id };
const upcoming = { kind: 'reminder' as const, offset: '-P1D', at: Date.parse(period.unitDeadline) - 86_400_000 };
const overdue = { kind: 'reminder' as const, offset: 'P1D', at: Date.parse(period.unitDeadline) + 86_400_000 };

/** An outbox that records every send and answers as told. */
class RecordingOutbox {
  readonly sent: { to: ChatRef; message: OutboundMessage }[] = [];
  answer: DeliveryResult = { status: 'sent', attempts: 1 };
  async send(to: ChatRef, message: OutboundMessage): Promise<DeliveryResult> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.answer.status === 'sent') this.sent.push({ to, message });
    return this.answer;
  }
  textsTo(chatId: string): string[] {
    return this.sent
      .filter((s) => s.to.chatId === chatId)
      .map((s) => (s.message.type === 'text' || s.message.type === 'choices' ? s.message.text : ''));
  }
}

let redis: Redis;
let prefix: string;
let stores: Stores;
let outbox: RecordingOutbox;
let deps: ReminderDeps;

function person(id: string, role: Person['role'], unitCode: string, chatId: string): Person {
  return {
    id,
    name: `Người ${id}`,
    role,
    unitCode,
    identities: [{ channel: 'telegram', userId: chatId, chatId }],
    createdAt: new Date().toISOString(),
  };
}

beforeEach(async () => {
  redis = connectTestRedis();
  prefix = uniquePrefix('remind');
  stores = createStores(redis, prefix, contentOf([period], bundlePlan(bundle)));
  outbox = new RecordingOutbox();
  deps = {
    stores,
    outbox,
    claims: new SendClaims(redis),
    translator,
    forms: new InMemoryFormRegistry([bundle.form], bundle.form.id),
    schedule: { timezone: bundle.timezone, reminderTime: bundle.reminderTime },
    displayZone: bundle.timezone,
    provinceCode: 'TINH',
    channels: ['telegram'],
    clock: () => new Date(),
  };
  for (const code of ['TINH', 'HD01', 'HD02']) {
    await stores.units.add({
      code,
      name: `Đơn vị ${code}`,
      parentCode: code === 'TINH' ? null : 'TINH',
      createdAt: new Date().toISOString(),
    });
  }
  await stores.people.save(person('o1', 'officer', 'HD01', '11'));
  await stores.people.save(person('o2', 'officer', 'HD02', '12'));
  await stores.people.save(person('l1', 'leader', 'TINH', '21'));
  await stores.reports.submit({
    periodId: period.id,
    unitCode: 'HD01',
    answers: { propaganda_sessions: 5 },
    submittedBy: { personId: 'o1', name: 'o1', channel: 'telegram' },
    submittedAt: new Date().toISOString(),
    late: false,
  });
});
afterEach(async () => {
  await deleteByPrefix(redis, prefix);
  await redis.quit();
});

describe('deliverReminders', () => {
  it('reminds each officer of a missing unit once, even when run twice at the same time', async () => {
    const tallies = await Promise.all([deliverReminders(deps, period, upcoming), deliverReminders(deps, period, upcoming)]);
    expect(tallies.map((t) => t.sent).sort()).toEqual([0, 1]);
    expect(outbox.textsTo('12')).toHaveLength(1);
    expect(outbox.textsTo('11')).toHaveLength(0);
    expect(outbox.textsTo('21')).toHaveLength(0); // no escalation before the deadline
  });

  it('releases the claim of a send that failed for now, so a retry sends it', async () => {
    outbox.answer = { status: 'failed', attempts: 5, error: new Error('503'), permanent: false };
    expect((await deliverReminders(deps, period, upcoming)).failed).toBe(1);
    outbox.answer = { status: 'sent', attempts: 1 };
    expect((await deliverReminders(deps, period, upcoming)).sent).toBe(1);
    expect((await deliverReminders(deps, period, upcoming)).already).toBe(1);
    expect(outbox.textsTo('12')).toHaveLength(1);
  });

  it('does not retry a recipient the platform refused for good', async () => {
    outbox.answer = { status: 'failed', attempts: 1, error: new Error('403'), permanent: true };
    expect((await deliverReminders(deps, period, upcoming)).gone).toBe(1);
    expect((await deliverReminders(deps, period, upcoming)).already).toBe(1);
  });

  it('turns overdue after the deadline and escalates to leaders with the missing units', async () => {
    await deliverReminders(deps, period, overdue);
    expect(outbox.textsTo('12')[0]).toMatch(/^⚠️ Quá hạn/u);
    const [escalation] = outbox.textsTo('21');
    expect(escalation).toContain('1/2');
    expect(escalation).toContain('HD02');
    expect(escalation).not.toContain('HD01');
  });

  it('escalates to a leader below the province only the missing units of its own subtree', async () => {
    await stores.people.save(person('l2', 'leader', 'HD01', '22'));
    await stores.people.save(person('l3', 'leader', 'HD02', '23'));
    await deliverReminders(deps, period, overdue);
    // HD01 has reported: its leader hears nothing, and never of HD02's officers.
    expect(outbox.textsTo('22')).toEqual([]);
    const [own] = outbox.textsTo('23');
    expect(own).toContain('1/1');
    expect(own).toContain('HD02');
    expect(outbox.textsTo('21')[0]).toContain('1/2');
  });

  it('escalates to the admins when no leader covers the whole province', async () => {
    await stores.people.remove((await stores.people.get('l1'))!);
    await stores.people.save(person('l2', 'leader', 'HD01', '22'));
    await stores.people.save(person('a1', 'admin', 'TINH', '31'));
    await deliverReminders(deps, period, overdue);
    expect(outbox.textsTo('22')).toEqual([]);
    expect(outbox.textsTo('31')[0]).toContain('HD02');
  });

  it('speaks the language each identity chose', async () => {
    await stores.settings.setLanguage('telegram', '12', 'en');
    await deliverReminders(deps, period, upcoming);
    expect(outbox.textsTo('12')[0]).toMatch(/^⏰ Report reminder/u);
  });
});

describe('deliverSummary', () => {
  it('posts once to the bound group, or else to the leaders', async () => {
    await deliverSummary(deps, period, { kind: 'summary', offset: 'PT0S', at: Date.parse(period.unitDeadline) });
    expect(outbox.textsTo('21')[0]).toContain('1/2');
    await stores.settings.setProvinceGroup({ channel: 'telegram', chatId: '-5', kind: 'group' });
    await deliverSummary(deps, period, { kind: 'summary', offset: 'P1D', at: overdue.at });
    await deliverSummary(deps, period, { kind: 'summary', offset: 'P1D', at: overdue.at });
    expect(outbox.textsTo('-5')).toHaveLength(1);
    expect(outbox.textsTo('21')).toHaveLength(1);
  });

  it('follows the text with its chart, once per chat, and sends the text alone when the chart cannot be made', async () => {
    await stores.settings.setProvinceGroup({ channel: 'telegram', chatId: '-5', kind: 'group' });
    const chart: OutboundMessage = { type: 'image', fileName: 'chart.png', content: Buffer.from('png') };
    let made = 0;
    deps.summaryChart = async () => {
      made += 1;
      return chart;
    };
    const moment = { kind: 'summary' as const, offset: 'PT0S', at: Date.parse(period.unitDeadline) };
    await deliverSummary(deps, period, moment);
    await deliverSummary(deps, period, moment);
    expect(outbox.sent.filter((s) => s.to.chatId === '-5').map((s) => s.message.type)).toEqual(['text', 'image']);
    expect(made).toBeGreaterThan(0);

    deps.summaryChart = async () => null;
    await deliverSummary(deps, period, { ...moment, offset: 'P1D' });
    expect(outbox.sent.filter((s) => s.to.chatId === '-5').map((s) => s.message.type)).toEqual(['text', 'image', 'text']);
  });
});

describe('remindNow', () => {
  it('nudges the missing units now, and not again within a minute', async () => {
    expect(await remindNow(deps, period)).toBe(1);
    expect(await remindNow(deps, period)).toBe(0);
    expect(outbox.textsTo('12')).toHaveLength(1);
  });
});
