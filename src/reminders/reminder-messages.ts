import type { ChannelName, OutboundMessage } from '../core/messages.ts';
import type { Period } from '../core/domain/types.ts';
import type { UnitStatus } from '../core/report/period-status.ts';
import { formatDeadline, titleIn } from '../core/text/dates.ts';
import type { Lang, Translator } from '../i18n/translator.ts';
import type { Plan } from '../core/domain/plan.ts';
import { withPlanLine } from '../core/plans/plan-line.ts';

/** What an officer's reminder says about the deadline: still coming, or passed. */
export type ReminderTone = 'upcoming' | 'overdue' | 'nudge';

/**
 * The reminder to one officer of a unit that has not reported, in their language, with the way to
 * start the report right there: a "Báo cáo ngay" button on Telegram (choice `report:<period>`, which
 * the core turns into /baocao), the command to type elsewhere.
 */
export function reminderMessage(
  translator: Translator,
  lang: Lang,
  channel: ChannelName,
  period: Period,
  unitName: string,
  tone: ReminderTone,
  zone: string,
  plan: Pick<Plan, 'title'> | null = null,
): OutboundMessage {
  const t = (key: string, params?: Record<string, string | number>) => translator.t(lang, key, params);
  const params = { period: titleIn(period.title, lang), unit: unitName, deadline: formatDeadline(period, zone), periodId: period.id };
  const body = withPlanLine(t(`reminders.reminder.${tone}`, params), plan, t, lang);
  if (channel !== 'telegram') return { lang, type: 'text', text: `${body}\n${t('reminders.reminder.how_text', params)}` };
  return {
    lang,
    type: 'choices',
    text: `${body}\n${t('reminders.reminder.how_button', params)}`,
    choices: [{ id: `report:${period.id}`, label: t('reminders.reminder.button') }],
  };
}

/** The escalation to a leader once the deadline has passed: the units still missing and their officers. */
export function escalationMessage(
  translator: Translator,
  lang: Lang,
  period: Period,
  missing: readonly UnitStatus[],
  total: number,
  zone: string,
  plan: Pick<Plan, 'title'> | null = null,
): OutboundMessage {
  const t = (key: string, params?: Record<string, string | number>) => translator.t(lang, key, params);
  const lines = [
    t('reminders.escalation.heading', {
      period: titleIn(period.title, lang),
      deadline: formatDeadline(period, zone),
      missing: missing.length,
      total,
    }),
    ...missing.map((s) =>
      t('reminders.escalation.unit', {
        code: s.unit.code,
        unit: s.unit.name,
        officers: s.officers.length ? s.officers.map((p) => p.name).join(', ') : t('reminders.escalation.no_officer'),
      }),
    ),
    t('reminders.escalation.hint', { periodId: period.id }),
  ];
  return { lang, type: 'text', text: withPlanLine(lines.join('\n'), plan, t, lang) };
}
