import type { PlanDocument } from './plan-document.ts';
import { foldText } from './vietnamese-text.ts';

/**
 * A recurring report a plan states in words, proposed as a series of periods: "báo cáo tháng gửi trước
 * ngày 20 hằng tháng" (monthly, the 20th), "báo cáo quý gửi trước ngày 15 của tháng cuối quý" (quarterly,
 * the 15th of the quarter's last month), "báo cáo 6 tháng … ngày 10 của tháng cuối" (half-yearly).
 */
export interface ProposedSeries {
  /** Prefix of the period ids ("thang", "quy", "6thang"). */
  id: string;
  /** What the report is called ("Báo cáo tháng"). */
  name: string;
  every: 'P1M' | 'P3M' | 'P6M';
  /** Day of the month of the deadline. */
  day: number;
  /** The period's last month, or the month after it ("ngày 5 tháng sau"). */
  month: 'last' | 'next';
  /** "{n}" is the month, quarter or half number, "{year}" the year. */
  title: { vi: string; en: string };
  section: string | null;
  /** The sentence that says it. */
  sentence: string;
}

interface Rule {
  every: ProposedSeries['every'];
  /** On the folded sentence: group 1 is the day; a match with "sau" means the month after. */
  pattern: RegExp;
  id: string;
  name: string;
  title: ProposedSeries['title'];
}

const DAY = String.raw`ngay\s*(\d{1,2})(?!\s*[/.-]\s*\d)`;
const RULES: Rule[] = [
  {
    every: 'P1M',
    pattern: new RegExp(
      String.raw`bao cao (?:dinh ky\s+)?(?:hang |moi )?thang\b(?!\s*(?:\d|dau|cuoi))[^.;]*?${DAY}\s*(?:cua\s*)?(hang thang|moi thang|thang sau)`,
      'u',
    ),
    id: 'thang',
    name: 'Báo cáo tháng',
    title: { vi: 'Báo cáo tháng {n}/{year}', en: 'Monthly report {n}/{year}' },
  },
  {
    every: 'P1M',
    pattern: new RegExp(String.raw`bao cao (?:dinh ky\s+)?(?:hang|moi) thang[^.;]*?${DAY}()`, 'u'),
    id: 'thang',
    name: 'Báo cáo tháng',
    title: { vi: 'Báo cáo tháng {n}/{year}', en: 'Monthly report {n}/{year}' },
  },
  {
    every: 'P3M',
    pattern: new RegExp(
      String.raw`bao cao (?:dinh ky\s+)?(?:hang |moi )?quy\b[^.;]*?${DAY}\s*(?:cua\s*)?(thang cuoi (?:cua |moi )?quy|thang dau (?:cua )?quy sau)`,
      'u',
    ),
    id: 'quy',
    name: 'Báo cáo quý',
    title: { vi: 'Báo cáo quý {n}/{year}', en: 'Quarterly report Q{n}/{year}' },
  },
  {
    every: 'P6M',
    pattern: new RegExp(
      String.raw`bao cao (?:6|sau) thang\b[^.;]*?${DAY}\s*(?:cua\s*)?(thang cuoi (?:cua )?(?:ky|moi ky|6 thang)|thang cuoi)`,
      'u',
    ),
    id: '6thang',
    name: 'Báo cáo 6 tháng',
    title: { vi: 'Báo cáo 6 tháng (kỳ {n}/{year})', en: 'Half-year report {n}/{year}' },
  },
];

/** Recurring reports the plan's sentences state, one per kind (the first sentence that says it). */
export function proposeSeries(doc: PlanDocument): ProposedSeries[] {
  const found = new Map<string, ProposedSeries>();
  const blocks = [
    ...doc.preamble.map((b) => ({ block: b, section: null })),
    ...doc.sections.flatMap((s) => s.blocks.map((b) => ({ block: b, section: s.id }))),
  ];
  for (const { block, section } of blocks) {
    for (const sentence of block.sentences) {
      const folded = foldText(sentence);
      for (const rule of RULES) {
        if (found.has(rule.every)) continue;
        const match = rule.pattern.exec(folded);
        const day = Number(match?.[1]);
        if (!match || !(day >= 1 && day <= 31)) continue;
        const after = /sau$/u.test(match[2] ?? '');
        found.set(rule.every, {
          id: rule.id,
          name: rule.name,
          every: rule.every,
          day,
          month: after ? 'next' : 'last',
          title: rule.title,
          section,
          sentence,
        });
      }
    }
  }
  return [...found.values()];
}
