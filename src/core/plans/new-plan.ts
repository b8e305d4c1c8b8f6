import { foldText as fold } from '../../flow/fold.ts';
import type { Plan } from '../domain/plan.ts';
import type { Period } from '../domain/types.ts';

/** What reading a plan document sent in chat gives, before a leader confirms it. */
export interface PlanDraft {
  /** The document's title ("Tổ chức các hoạt động Tháng Thanh niên năm 2027"). */
  title: string;
  /** Its number after "Số:" ("101-KH/TĐTN"). */
  number?: string;
  issuer?: string;
  /** The document text, kept for questions. */
  documentText: string;
  fileName: string;
}

/** A period proposed from a document; `series` names the recurring report it is one of ("Báo cáo tháng"). */
export type ProposedPlanPeriod = Period & { series?: string };

const MAX_ID = 40;

/** Lower-case letters, digits and "-": "101-KH/TĐTN" → "101-kh-tdtn", "Tháng Thanh niên 2027" → "thang-thanh-nien-2027". */
export function slug(text: string, max = MAX_ID): string {
  const words = fold(text)
    .replace(/đ/g, 'd')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The plan a confirmed draft becomes, and its periods: the plan's id comes from the document number
 * (else its title), each period's id is the plan's id and its number ("101-kh-tdtn-1") or, for a
 * recurring report, its place in the series ("101-kh-tdtn-thang-2027-03"), all free among every plan
 * and period, so period ids stay unique across plans.
 */
export function planFromDraft(
  draft: PlanDraft,
  proposed: readonly ProposedPlanPeriod[],
  options: {
    formId: string;
    timezone: string;
    reminderTime: string;
    createdBy: string;
    now: Date;
    takenPlanIds: ReadonlySet<string>;
    takenPeriodIds: ReadonlySet<string>;
  },
): { plan: Plan; periods: Period[] } {
  const base = slug(draft.number ?? '') || slug(draft.title) || 'ke-hoach';
  const id = freeId(/^[a-z0-9]/.test(base) ? base : `kh-${base}`, options.takenPlanIds);
  const plan: Plan = {
    id,
    title: { vi: draft.title, en: draft.title },
    ...(draft.issuer ? { issuer: draft.issuer } : {}),
    ...(draft.number ? { number: draft.number } : {}),
    formId: options.formId,
    timezone: options.timezone,
    reminderTime: options.reminderTime,
    source: 'chat',
    state: 'active',
    createdAt: options.now.toISOString(),
    createdBy: options.createdBy,
  };
  const taken = new Set(options.takenPeriodIds);
  let n = 0;
  const periods = proposed.map(({ series, ...p }) => {
    const periodId = freeId(series ? `${id}-${p.id}` : `${id}-${(n += 1)}`, taken);
    taken.add(periodId);
    return { ...p, id: periodId, planId: id, version: 1 };
  });
  return { plan, periods };
}
