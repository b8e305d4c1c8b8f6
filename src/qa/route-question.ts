import { foldText } from './vietnamese-text.ts';

/** How a plan can be named in a question: its title and its document number ("101-KH/TĐTN"). */
export interface PlanNames {
  id: string;
  title: string;
  number?: string | null;
}

/** Which plans a question names, and the question without a plan number that would read as a cited document. */
export interface Routing {
  /** The plans the question names best; empty when it names none (or none better than the others). */
  named: string[];
  question: string;
}

/** Words of a plan title that name no plan by themselves ("kế hoạch tổ chức … năm"). */
const GENERIC = new Set(['ke', 'hoach', 'trien', 'khai', 'thuc', 'hien', 'to', 'chuc', 'cac', 'nam', 'cua', 've', 'va', 'mau']);

/** The fewest words in a row the question must share with a title to name its plan ("tháng thanh niên"). */
const MIN_RUN = 3;

const NUMBER_CUE = String.raw`(?:kế\s*hoạch|ke\s*hoach|kh|số|so|văn\s*bản|van\s*ban|hướng\s*dẫn|huong\s*dan)`;

function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The longest run of words a question shares with a title, counted only when some pair of neighbouring
 * words in it belongs to this title alone: "công tác quốc tế thanh niên" shared by two plans names neither.
 */
function sharedRun(asked: readonly string[], title: readonly string[], unique: (pair: string) => boolean): number {
  let best = 0;
  for (let i = 0; i < asked.length; i += 1) {
    for (let j = 0; j < title.length; j += 1) {
      let n = 0;
      let owns = false;
      while (asked[i + n] !== undefined && asked[i + n] === title[j + n]) {
        if (n > 0 && unique(`${title[j + n - 1]} ${title[j + n]}`)) owns = true;
        n += 1;
      }
      const meaningful = asked.slice(i, i + n).filter((w) => !GENERIC.has(w)).length;
      if (owns && meaningful >= 2 && n > best) best = n;
    }
  }
  return best;
}

/**
 * Which plans a question names: by document number ("kế hoạch 101", "101-KH/TĐTN"), by at least three
 * words in a row of a title that no other plan's title has ("Tháng Thanh niên", "xuan tinh nguyen"), or
 * by the year of a title ("năm 2013"), typed with or without diacritics.
 */
export function routeQuestion(question: string, plans: readonly PlanNames[]): Routing {
  const asked = words(question);
  const titles = plans.map((p) => words(p.title));
  const pairCount = new Map<string, number>();
  for (const title of titles) {
    for (const pair of new Set(title.slice(1).map((w, i) => `${title[i]} ${w}`))) pairCount.set(pair, (pairCount.get(pair) ?? 0) + 1);
  }
  let cleaned = question;
  const scores = plans.map((plan, i) => {
    let score = 0;
    const digits = plan.number ? /\d+/.exec(plan.number)?.[0] : undefined;
    if (digits) {
      const byNumber = new RegExp(`${NUMBER_CUE}\\s*(?:số\\s*|so\\s*)?${digits}(?![\\p{N}])(?:[-/][\\p{L}\\p{N}/.-]*)?`, 'iu');
      if (byNumber.test(question)) {
        score += 100;
        cleaned = cleaned.replace(byNumber, ' ').replace(/\s+/g, ' ').trim();
      }
    }
    if (sharedRun(asked, titles[i] ?? [], (pair) => pairCount.get(pair) === 1) >= MIN_RUN) score += 10;
    for (const year of (titles[i] ?? []).filter((w) => /^(19|20)\d\d$/.test(w))) if (asked.includes(year)) score += 1;
    return score;
  });
  const best = Math.max(0, ...scores);
  const named = best === 0 ? [] : plans.filter((_, i) => scores[i] === best).map((p) => p.id);
  return { named, question: named.length ? cleaned : question };
}
