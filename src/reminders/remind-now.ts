import type { Period } from '../core/domain/types.ts';
import { periodStatus } from '../core/report/period-status.ts';
import { periodForUnit } from '../core/report/unit-deadline.ts';
import { loadTree } from '../core/org/scope.ts';
import { DEFAULT_LANG } from '../i18n/translator.ts';
import { privateChats } from './deliver-moment.ts';
import type { ReminderDeps } from './reminder-deps.ts';
import { reminderMessage } from './reminder-messages.ts';
import { planContext } from './plan-context.ts';

/** A second /nhacnho within this time does not message the same person again. */
export const NUDGE_WINDOW_MS = 60_000;

/**
 * /nhacnho: reminds every officer of each unit that has not reported, now. Independent of the schedule
 * (a manual nudge), but each officer's chat is nudged at most once a minute. Returns how many people
 * got at least one message.
 */
export async function remindNow(deps: ReminderDeps, period: Period, scope?: string): Promise<number> {
  const { stores, translator, displayZone } = deps;
  const [status, { plan }, tree] = await Promise.all([
    periodStatus(stores, period, deps.provinceCode, scope),
    planContext(deps, period),
    loadTree(stores, deps.provinceCode),
  ]);
  const reached = await Promise.all(
    status.missing.flatMap((unit) => {
      // Each unit is nudged with its own deadline (its subtree's, its level's or the common one).
      const own = periodForUnit(period, tree, unit.unit.code);
      const overdue = deps.clock().getTime() > Date.parse(own.unitDeadline);
      return unit.officers.map(async (officer) => {
        const sends = privateChats(deps, officer).map(async ({ chat, userId }) => {
          const key = stores.keys.nudged(period.id, officer.id, chat.channel);
          if (!(await deps.claims.once(key, NUDGE_WINDOW_MS))) return false;
          const lang = (await stores.settings.language(chat.channel, userId)) ?? DEFAULT_LANG;
          const message = reminderMessage(
            translator,
            lang,
            chat.channel,
            own,
            unit.unit.name,
            overdue ? 'overdue' : 'nudge',
            displayZone,
            plan,
          );
          const result = await deps.outbox.send(chat, message);
          return result.status === 'sent';
        });
        return (await Promise.all(sends)).some(Boolean);
      });
    }),
  );
  return reached.filter(Boolean).length;
}
