import type { Lang } from '../../i18n/translator.ts';
import type { FormSpec } from '../../flow/form-spec.ts';
import type { Choice } from '../messages.ts';
import { formatDeadline, titleIn } from '../text/dates.ts';
import { commandChoice } from '../bot/offered-choices.ts';
import { sayText } from '../../flow/form-text.ts';
import type { ChildProgress, Progress, SubtreeStatus } from './subtree-status.ts';

type T = (key: string, params?: Record<string, string | number>) => string;

/** At most this many child units are offered to open (buttons / numbered lines); the rest by code. */
export const MAX_OPEN_CHOICES = 30;

const percentOf = (p: { reported: number; total: number }) => (p.total ? Math.round((p.reported / p.total) * 100) : 0);

function numberFormat(lang: Lang): Intl.NumberFormat {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
}

function head(status: SubtreeStatus, t: T, lang: Lang, zone: string): string[] {
  const n = numberFormat(lang);
  const w = status.whole;
  const lines = [t('status.title', { period: titleIn(status.period.title, lang) })];
  if (!status.isRoot) lines.push(t('tree.scope_line', { code: status.scope.code, name: status.scope.name }));
  lines.push(
    t('status.deadline', { deadline: formatDeadline(status.period, zone) }),
    t('tree.completeness', {
      reported: n.format(w.reported),
      total: n.format(w.total),
      percent: percentOf(w),
      onTime: n.format(w.reported - w.late),
      late: n.format(w.late),
    }),
    t('review.counts', {
      accepted: n.format(w.accepted),
      pending: n.format(w.reported - w.accepted - w.returned),
      returned: n.format(w.returned),
    }),
  );
  return lines;
}

function childLine(child: ChildProgress, t: T, lang: Lang): string {
  const n = numberFormat(lang);
  if (child.latest !== undefined) {
    return t(child.latest ? 'tree.child_reported' : 'tree.child_missing', { code: child.unit.code, name: child.unit.name });
  }
  return t('tree.child', {
    code: child.unit.code,
    name: child.unit.name,
    reported: n.format(child.reported),
    total: n.format(child.total),
    percent: percentOf(child),
  });
}

/** Least complete first, so the units that need a push come first. */
function byCompleteness(children: readonly ChildProgress[]): ChildProgress[] {
  return [...children].sort((a, b) => percentOf(a) - percentOf(b) || a.unit.code.localeCompare(b.unit.code));
}

function levelLines(status: SubtreeStatus, t: T, lang: Lang): string[] {
  if (status.levels.length < 2) return [];
  const n = numberFormat(lang);
  return [
    '',
    t('tree.levels_heading'),
    ...status.levels.map((l) =>
      t('tree.level', { depth: l.depth, reported: n.format(l.reported), total: n.format(l.total), percent: percentOf(l) }),
    ),
  ];
}

/**
 * /tinhhinh on a large subtree: its completeness, review counts and levels, then each child unit
 * with x/y, least complete first; the child units are offered as choices to open one.
 */
export function renderSubtreeStatus(status: SubtreeStatus, t: T, lang: Lang, zone: string): { text: string; choices: Choice[] } {
  const lines = [...head(status, t, lang, zone), ...levelLines(status, t, lang)];
  const children = byCompleteness(status.children);
  const openable = children.filter((c) => c.latest === undefined).slice(0, MAX_OPEN_CHOICES);
  const listed = children.filter((c) => !openable.includes(c));
  if (listed.length)
    lines.push('', t('tree.children_heading', { count: status.children.length }), ...listed.map((c) => childLine(c, t, lang)));
  if (openable.length) lines.push('', t('tree.open_hint', { count: openable.length }));
  const choices = openable.map((c) => ({
    id: commandChoice('tinhhinh', status.period.id, c.unit.code),
    label: childLine(c, t, lang),
  }));
  return { text: lines.join('\n'), choices };
}

/** /tonghop on a large subtree: completeness per child, then the totals of all reports or of accepted ones only. */
export function renderSubtreeSummary(status: SubtreeStatus, form: FormSpec, acceptedOnly: boolean, t: T, lang: Lang, zone: string): string {
  const n = numberFormat(lang);
  const lines = [...head(status, t, lang, zone), ...levelLines(status, t, lang)];
  if (status.children.length) {
    lines.push('', t('tree.children_heading', { count: status.children.length }));
    lines.push(...byCompleteness(status.children).map((c) => childLine(c, t, lang)));
  }
  const counted: Progress = status.whole;
  const count = acceptedOnly ? counted.accepted : counted.reported;
  if (count === 0) {
    lines.push('', t(acceptedOnly ? 'review.no_accepted' : 'status.no_reports'));
    return lines.join('\n');
  }
  lines.push('', t(acceptedOnly ? 'review.totals_accepted' : 'review.totals_all', { count: n.format(count) }));
  const sums = acceptedOnly ? status.acceptedSums : status.sums;
  for (const question of form.questions) {
    if (question.type !== 'integer' && question.type !== 'decimal') continue;
    const label = sayText(question.label ?? question.prompt, t);
    const unit = question.unit ? ` ${sayText(question.unit, t)}` : '';
    lines.push(`• ${label}: ${n.format(sums.get(question.id) ?? 0)}${unit}`);
  }
  return lines.join('\n');
}
