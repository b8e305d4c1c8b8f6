import type { ChatRef, OutboundMessage } from '../core/messages.ts';
import type { Period, Person } from '../core/domain/types.ts';
import { periodStatus, type UnitStatus } from '../core/report/period-status.ts';
import { laneOfUnit, periodForLane } from '../core/report/unit-deadline.ts';
import { loadTree, scopeOf } from '../core/org/scope.ts';
import { provinceAudience } from '../core/report/province-audience.ts';
import { renderSummary } from '../core/report/render-status.ts';
import { DEFAULT_LANG } from '../i18n/translator.ts';
import { deliverClaimed, emptyTally, type ClaimedOutcome, type Tally } from './deliver-claimed.ts';
import type { ReminderDeps } from './reminder-deps.ts';
import { escalationMessage, reminderMessage } from './reminder-messages.ts';
import { baseOffset, laneOfOffset, type PlannedMoment } from './schedule.ts';
import { planContext, type PlanContext } from './plan-context.ts';

/** Exactly-once markers outlive the period by this much, so a moved deadline does not repeat what went out. */
const KEEP_AFTER_CLOSE_MS = 180 * 24 * 3600_000;

/** The private chats where a person is reached, on the channels running here. */
export function privateChats(deps: ReminderDeps, person: Person): { chat: ChatRef; userId: string }[] {
  return person.identities
    .filter((i) => deps.channels.includes(i.channel))
    .map((i) => ({ chat: { channel: i.channel, chatId: i.chatId, kind: 'private' as const }, userId: i.userId }));
}

async function tallied(work: Promise<ClaimedOutcome>[]): Promise<Tally> {
  const tally = emptyTally();
  for (const outcome of await Promise.all(work)) tally[outcome] += 1;
  return tally;
}

/**
 * A reminder moment: every officer of each unit that has not reported gets the reminder in their own
 * language on each of their private chats, once per (period, offset, unit, person, channel). Once the
 * deadline has passed, leaders (admins when there is no leader) also get the list of missing units.
 */
export async function deliverReminders(deps: ReminderDeps, basePeriod: Period, moment: PlannedMoment, given?: PlanContext): Promise<Tally> {
  const context = given ?? (await planContext(deps, basePeriod));
  const { stores, translator, displayZone } = deps;
  // A moment belongs to one lane: the units below a subtree deadline, of a level with its own, or all the others.
  const lane = laneOfOffset(moment.offset);
  const period = periodForLane(basePeriod, lane);
  const [all, tree] = await Promise.all([periodStatus(stores, basePeriod, deps.provinceCode), loadTree(stores, deps.provinceCode)]);
  const inLane = (s: UnitStatus) => laneOfUnit(basePeriod, tree, s.unit.code) === lane;
  const status = { ...all, missing: all.missing.filter(inLane), units: all.units.filter(inLane) };
  const overdue = moment.at > Date.parse(period.unitDeadline);
  const keepUntil = Date.parse(period.closes) + KEEP_AFTER_CLOSE_MS;
  const work: Promise<ClaimedOutcome>[] = [];
  for (const unit of status.missing) {
    for (const officer of unit.officers) {
      for (const { chat, userId } of privateChats(deps, officer)) {
        // Keyed by the offset without its lane: a unit whose lane changed (a deadline set for its subtree)
        // does not get the same reminder offset twice, as with a moved deadline.
        const key = stores.keys.sent('reminder', period.id, baseOffset(moment.offset), unit.unit.code, officer.id, chat.channel);
        const build = async () => {
          const lang = (await stores.settings.language(chat.channel, userId)) ?? DEFAULT_LANG;
          const tone = overdue ? 'overdue' : 'upcoming';
          return reminderMessage(translator, lang, chat.channel, period, unit.unit.name, tone, displayZone, context.plan);
        };
        work.push(deliverClaimed(deps, key, chat, build, keepUntil));
      }
    }
  }
  if (overdue && status.missing.length > 0) {
    for (const leader of await leaders(deps)) {
      // A leader of a unit below the province hears only of the units of its own subtree.
      const scope = scopeOf(leader, deps.provinceCode);
      const within = (s: UnitStatus) => tree.isWithin(s.unit.code, scope);
      const missing = status.missing.filter(within);
      if (missing.length === 0) continue;
      const total = status.units.filter(within).length;
      for (const { chat, userId } of privateChats(deps, leader)) {
        const key = stores.keys.sent('escalation', period.id, moment.offset, leader.id, chat.channel);
        const build = async () => {
          const lang = (await stores.settings.language(chat.channel, userId)) ?? DEFAULT_LANG;
          return escalationMessage(translator, lang, period, missing, total, displayZone, context.plan);
        };
        work.push(deliverClaimed(deps, key, chat, build, keepUntil));
      }
    }
  }
  return tallied(work);
}

/** A summary moment: the completeness and totals, in Vietnamese, to the provincial group of each channel. */
export async function deliverSummary(deps: ReminderDeps, period: Period, moment: PlannedMoment, given?: PlanContext): Promise<Tally> {
  const context = given ?? (await planContext(deps, period));
  const { stores, translator, displayZone } = deps;
  const { form } = context;
  const [status, audience] = await Promise.all([
    periodStatus(stores, period, deps.provinceCode),
    provinceAudience(stores, deps.channels, deps.provinceCode),
  ]);
  const t = (key: string, params?: Record<string, string | number>) => translator.t('vi', key, params);
  const text = `${t('reminders.summary_heading')}\n${renderSummary(status, form, t, 'vi', displayZone)}`;
  const keepUntil = Date.parse(period.closes) + KEEP_AFTER_CLOSE_MS;
  // The chart is made once for every chat, and only when some chat still needs it.
  let chart: Promise<OutboundMessage | null> | undefined;
  const chartOnce = () => (chart ??= deps.summaryChart?.(status) ?? Promise.resolve(null));
  return tallied(
    audience.map(async (chat) => {
      const outcome = await deliverClaimed(
        deps,
        stores.keys.sent('summary', period.id, moment.offset, chat.channel, chat.chatId),
        chat,
        async () => ({ type: 'text', text }),
        keepUntil,
      );
      // The chart follows its text, once per chat; a chart that cannot be made never holds the text back.
      if (outcome === 'sent' || outcome === 'already') {
        const chartKey = stores.keys.sent('summary-chart', period.id, moment.offset, chat.channel, chat.chatId);
        if (await chartOnce()) await deliverClaimed(deps, chartKey, chat, async () => (await chartOnce())!, keepUntil);
      }
      return outcome;
    }),
  );
}

/**
 * Who hears of overdue units (each of its own subtree): the leaders, and the admins too when no
 * leader covers the whole province.
 */
async function leaders(deps: ReminderDeps): Promise<Person[]> {
  const people = await deps.stores.people.list();
  const leaders = people.filter((p) => p.role === 'leader');
  const atProvince = (p: Person) => scopeOf(p, deps.provinceCode) === deps.provinceCode;
  if (leaders.some(atProvince)) return leaders;
  return [...leaders, ...people.filter((p) => p.role === 'admin')];
}
