import type { Lang } from '../../i18n/translator.ts';
import type { FormSpec } from '../../flow/form-spec.ts';
import { numericTotals } from '../../flow/form-engine.ts';
import { targetProgress } from '../../flow/targets.ts';
import { formatDateTime, formatDeadline, titleIn } from '../text/dates.ts';
import type { PeriodStatus } from './period-status.ts';
import { sayText } from '../../flow/form-text.ts';
import type { ReportRevision } from '../domain/types.ts';
import { planLine } from '../plans/plan-line.ts';

type T = (key: string, params?: Record<string, string | number>) => string;

function reviewCounts(status: PeriodStatus, t: T): string {
  const states = status.reported.map((s) => s.latest?.review?.state);
  const accepted = states.filter((s) => s === 'accepted').length;
  const returned = states.filter((s) => s === 'returned').length;
  return t('review.counts', { accepted, pending: states.length - accepted - returned, returned });
}

/** " — chờ duyệt" / " — đã duyệt" / " — trả lại", and who sent it on the unit's behalf. */
function reviewMark(rev: ReportRevision, t: T): string {
  const behalf = rev.onBehalfOf ? ` ${t('behalf.mark', { unit: rev.onBehalfOf })}` : '';
  return ` — ${t(rev.review ? `review.mark_${rev.review.state}` : 'review.mark_waiting')}${behalf}`;
}

function header(status: PeriodStatus, t: T, lang: Lang, zone: string): string[] {
  const total = status.units.length;
  const percent = total ? Math.round((status.reported.length / total) * 100) : 0;
  return [
    t('status.title', { period: titleIn(status.period.title, lang) }),
    ...(status.scope ? [t('tree.scope_line', { code: status.scope.code, name: status.scope.name })] : []),
    ...(status.plan ? [planLine(status.plan, t, lang)] : []),
    t('status.deadline', { deadline: formatDeadline(status.period, zone) }),
    t('status.completeness', { reported: status.reported.length, total, percent, onTime: status.onTime, late: status.late }),
    ...(status.reported.length ? [reviewCounts(status, t)] : []),
  ];
}

/** /tinhhinh: who reported (on time or late, when, by whom) and who has not. */
export function renderStatus(status: PeriodStatus, t: T, lang: Lang, zone: string): string {
  const lines = header(status, t, lang, zone);
  if (status.reported.length) {
    lines.push('', t('status.reported_heading'));
    for (const s of status.reported) {
      const rev = s.latest!;
      lines.push(
        t(rev.late ? 'status.unit_late' : 'status.unit_on_time', {
          code: s.unit.code,
          unit: s.unit.name,
          at: formatDateTime(rev.submittedAt, zone),
          by: rev.submittedBy.name,
          revision: rev.revision,
        }) + reviewMark(rev, t),
      );
    }
  }
  if (status.missing.length) {
    lines.push('', t('status.missing_heading', { count: status.missing.length }));
    for (const s of status.missing) {
      const unreachable = s.officers.filter((p) => p.unreachable).map((p) => p.name);
      const officers = s.officers.length ? s.officers.map((p) => p.name).join(', ') : t('status.no_officer');
      lines.push(t('status.unit_missing', { code: s.unit.code, unit: s.unit.name, officers }));
      if (unreachable.length) lines.push(t('status.unreachable', { names: unreachable.join(', ') }));
    }
  }
  if (status.units.length === 0) lines.push('', t('status.no_units'));
  return lines.join('\n');
}

/** /tonghop and the group summary: completeness, missing units and the total of every numeric field. */
export function renderSummary(status: PeriodStatus, form: FormSpec, t: T, lang: Lang, zone: string): string {
  const lines = header(status, t, lang, zone);
  if (status.missing.length) {
    lines.push(t('status.missing_list', { units: status.missing.map((s) => s.unit.name).join(', ') }));
  }
  // Totals of nothing would read as reported zeros.
  if (status.reported.length === 0) {
    lines.push('', t(status.units.length > 0 ? 'status.no_reports' : 'status.no_units'));
    return lines.join('\n');
  }
  const totals = numericTotals(
    form,
    status.reported.map((s) => s.latest!.answers),
  );
  lines.push('', t('status.totals_heading', { count: status.reported.length }));
  const numberFormat = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
  const progress = new Map(targetProgress(form, totals, status.units.length, !status.scope).map((p) => [p.questionId, p]));
  for (const { questionId, total } of totals) {
    const question = form.questions.find((q) => q.id === questionId);
    const label = question ? sayText(question.label ?? question.prompt, t) : questionId;
    const unit = question && 'unit' in question && question.unit ? ` ${sayText(question.unit, t)}` : '';
    const towards = progress.get(questionId);
    const value = towards
      ? t('targets.progress', {
          total: numberFormat.format(total),
          target: numberFormat.format(towards.target),
          unit,
          percent: numberFormat.format(towards.percent),
        })
      : `${numberFormat.format(total)}${unit}`;
    lines.push(`• ${label}: ${value}`);
  }
  return lines.join('\n');
}
