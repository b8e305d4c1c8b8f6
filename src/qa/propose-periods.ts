import type { DateFact, Level, PlanDocument } from './plan-document.ts';
import { collapseSpaces, foldText } from './vietnamese-text.ts';

/** A reporting period proposed from the deadlines a plan states; it exists once a leader confirms it. */
export interface ProposedPeriod {
  id: string;
  /** Taken from the plan's own words, so both languages carry the document's (Vietnamese) text. */
  title: { vi: string; en: string };
  /** When units (the lower level) must report, YYYY-MM-DD. */
  unitDeadline?: string;
  /** When the province (the higher level) must report upward, YYYY-MM-DD. */
  provinceDeadline?: string;
  section: string | null;
}

const LOWER: readonly Level[] = ['district', 'commune', 'affiliated'];
const DEADLINE_TAIL =
  /\s*(?:phải\s+)?(?:gửi|nộp|hoàn thành|báo cáo)?\s*(?:về\s+[^,;]*?\s*)?(?:trước|hạn chót|hạn nộp|chậm nhất(?: là)?|không quá|đến hết)\s*(?:ngày)?\s*:?\s*[\d/.\-–\s]*$/iu;
const MAX_TITLE = 120;
const SENDS = /(?<!\p{L})(?:gửi|nộp|báo cáo|đăng ký)(?!\p{L})/iu;

/** What is due, without the deadline words: "báo cáo … 06 tháng đầu năm 2013 gửi trước ngày 10/6/2013" → "Báo cáo … 06 tháng đầu năm 2013". */
function titleOf(d: DateFact): string {
  const base = collapseSpaces(
    d.what
      .replace(d.raw, '')
      .replace(/\([^()]*\)/gu, '')
      .replace(DEADLINE_TAIL, '')
      .replace(/[\s:;,.–-]+$/u, ''),
  );
  const text = base || d.what;
  const title = text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1).replace(/\s+\S*$/u, '')}…` : text;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** The same thing due at several levels has the same words once dates are taken out. */
function key(d: DateFact): string {
  return foldText(titleOf(d)).replace(/\d+/g, (n) => String(Number(n)));
}

/**
 * Reporting periods from the deadlines of a plan: one per thing due, with the lower levels'
 * deadline as `unitDeadline` and the province's (or the later one) as `provinceDeadline`.
 */
export function proposePeriods(doc: PlanDocument): ProposedPeriod[] {
  const groups = new Map<string, DateFact[]>();
  for (const d of doc.facts.dates.filter((f) => f.role === 'deadline')) {
    const list = groups.get(key(d)) ?? [];
    if (!list.some((o) => o.date === d.date)) list.push(d);
    groups.set(key(d), list);
  }
  // Two things due the same day at the same level are one period: keep the one that says what to send.
  const byDate = new Map<string, DateFact[]>();
  for (const list of groups.values()) {
    const first = list[0];
    if (!first || list.length > 1) continue;
    const same = byDate.get(first.date);
    if (same) {
      if (SENDS.test(titleOf(first)) && !same.some((d) => SENDS.test(titleOf(d)))) same.unshift(first);
      groups.delete(key(first));
    } else byDate.set(first.date, list);
  }
  const candidates: { unit: DateFact; province?: DateFact }[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date));
    const unit = sorted.find((d) => d.whoLevels.some((l) => LOWER.includes(l))) ?? sorted[0];
    const province = sorted.find((d) => d !== unit && (d.whoLevels.includes('province') || d.date > (unit?.date ?? '')));
    if (unit) candidates.push({ unit, ...(province ? { province } : {}) });
  }
  // What only the province must send upward is not a period of its own: it is the province's
  // deadline of the units' report due last before it ("units by 15/4, the province by 20/4").
  const provinceOnly = (d: DateFact) => d.whoLevels.includes('province') && !d.whoLevels.some((l) => LOWER.includes(l));
  for (const candidate of [...candidates]) {
    if (!provinceOnly(candidate.unit) || candidate.province) continue;
    const target = candidates
      .filter((c) => c !== candidate && !c.province && !provinceOnly(c.unit) && c.unit.date <= candidate.unit.date)
      .sort((a, b) => b.unit.date.localeCompare(a.unit.date))[0];
    if (!target) continue;
    target.province = candidate.unit;
    candidates.splice(candidates.indexOf(candidate), 1);
  }
  const periods: ProposedPeriod[] = candidates
    .sort((a, b) => a.unit.date.localeCompare(b.unit.date))
    .map(({ unit, province }, index) => {
      const title = titleOf(unit);
      return {
        id: `${unit.date}-${index + 1}`,
        title: { vi: title, en: title },
        unitDeadline: unit.date,
        ...(province ? { provinceDeadline: province.date } : {}),
        section: unit.section,
      };
    });
  return periods;
}
