import type { PlanDocument, Section } from '../plan-document.ts';
import type { Question } from '../question.ts';
import type { ExpandedQuery } from '../search/expand-query.ts';
import { isStopword } from '../search/terms.ts';
import { levelsIn } from '../levels.ts';
import { QUALIFIED_NOUNS, REPORT_KINDS } from '../vocabulary.ts';
import { findPhrase, sameWord, words, type Word } from '../vietnamese-text.ts';
import { WEIGHTS } from '../weights.ts';
import { memoByText } from '../memo.ts';

/**
 * The item a question is about, read from the plan's structure before its words: the sections whose
 * heading the question names ("báo cáo quý" names "2. Báo cáo quý"), and the kind of report it names.
 */
export interface Scope {
  /** Ids of the sections named by heading, and of everything under them; null when no heading is named. */
  sections: ReadonlySet<string> | null;
  /** The headings named, for --explain. */
  named: string[];
  /** "month", "quarter", "half", "year", "adhoc", or null. */
  reportKind: string | null;
  /** Numbered things the question names ("quý iii", "đợt 2"): a text naming the same noun with another number is another item. */
  qualifiers: ReadonlyMap<string, string>;
}

/** A number after a noun: digits, a Roman numeral, or an ordinal word after "thứ". */
const NUMERAL = /^(?:\d{1,2}|[ivxl]{1,5})$/u;

/** "quý III" → quý: iii; "lần thứ VII" → lần thứ: vii; "đợt 2" → đợt: 2. */
export function qualifiersIn(ws: readonly Word[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const noun of QUALIFIED_NOUNS) {
    for (let at = findPhrase(ws, noun.words); at >= 0; at = findPhrase(ws, noun.words, at + 1)) {
      const next = ws[at + noun.words.length];
      if (!next || !NUMERAL.test(next.fold)) continue;
      const key = noun.words.map((w) => w.fold).join(' ');
      out.set(key, [...(out.get(key) ?? []), next.fold]);
    }
  }
  return out;
}

const qualifiersOfText = memoByText((text: string) => qualifiersIn(words(text)));

/** The report kinds a text names; a longer phrase hides the shorter ones inside it ("6 tháng" is not "tháng"). */
export function reportKinds(text: string | readonly Word[]): string[] {
  return typeof text === 'string' ? reportKindsOfText(text) : kindsIn(text);
}

const reportKindsOfText = memoByText((text: string) => kindsIn(words(text)));

function kindsIn(ws: readonly Word[]): string[] {
  const used = new Set<number>();
  const found = new Set<string>();
  const all = REPORT_KINDS.flatMap(({ kind, phrases }) => phrases.map((p) => ({ kind, p }))).sort(
    (a, b) => b.p.words.length - a.p.words.length,
  );
  for (const { kind, p } of all) {
    for (let at = findPhrase(ws, p.words); at >= 0; at = findPhrase(ws, p.words, at + 1)) {
      const span = p.words.map((_, k) => at + k);
      if (span.some((i) => used.has(i))) continue;
      span.forEach((i) => used.add(i));
      found.add(kind);
    }
  }
  return [...found];
}

/** How many of a heading's meaningful words the question names (itself or by a synonym it uses); 0 unless all. */
function headingNamed(section: Section, question: Question, query: ExpandedQuery): number {
  const hw = words(section.heading.replace(/[:.]+$/u, '')).filter((w) => !isStopword(w) && /\p{L}|\d/u.test(w.canon));
  if (hw.length === 0 || hw.length > WEIGHTS.scope.maxHeadingWords) return 0;
  // A heading naming a level ("Cấp tỉnh", "Ban Tuyên giáo Tỉnh Đoàn") is a level's duties: who sends decides, not the words.
  if (levelsIn(hw).length) return 0;
  const covered = hw.map((h) => question.words.some((w) => sameWord(w, h)));
  for (const group of query.groups) {
    for (const p of group) {
      for (let at = findPhrase(hw, p.words); at >= 0; at = findPhrase(hw, p.words, at + 1)) {
        for (let k = 0; k < p.words.length; k++) covered[at + k] = true;
      }
    }
  }
  return covered.every(Boolean) ? hw.length : 0;
}

/** The scope of a question in a plan: the most specific headings it names, and the report kind it names. */
export function questionScope(doc: PlanDocument, question: Question, query: ExpandedQuery): Scope {
  const kinds = reportKinds(question.words);
  const reportKind = kinds.length === 1 ? (kinds[0] ?? null) : null;
  const scored = doc.sections.map((s) => ({ s, n: headingNamed(s, question, query) })).filter((x) => x.n >= 2);
  const best = Math.max(0, ...scored.map((x) => x.n));
  const named = scored.filter((x) => x.n === best).map((x) => x.s);
  const qualifiers = new Map([...qualifiersIn(question.words)].flatMap(([k, v]) => (v.length === 1 && v[0] ? [[k, v[0]] as const] : [])));
  if (named.length === 0) return { sections: null, named: [], reportKind, qualifiers };
  const ids = new Set<string>();
  for (const s of doc.sections) {
    for (const n of named) if (s.id === n.id || s.id.startsWith(`${n.id}.`)) ids.add(s.id);
  }
  return { sections: ids, named: named.map((s) => `${s.id} ${s.heading}`), reportKind, qualifiers };
}

/**
 * How much a candidate keeps of its score under the question's scope: 1 inside the named item (or
 * when nothing is named), less outside it or when it names another report kind than the one asked.
 */
export function scopeFactor(scope: Scope, section: string | null, text: string, context = ''): number {
  let factor = 1;
  if (scope.sections && !(section && scope.sections.has(section))) factor *= WEIGHTS.scope.outside;
  if (scope.reportKind) {
    // The candidate's own words: a heading ("NHIỆM VỤ QUÝ IV") is scoped as a named item, not as a report kind.
    const kinds = reportKinds(text);
    if (kinds.length && !kinds.includes(scope.reportKind)) factor *= WEIGHTS.scope.otherReportKind;
  }
  if (scope.qualifiers.size) {
    const found = qualifiersOfText(`${text} ${context}`);
    for (const [noun, asked] of scope.qualifiers) {
      const numbers = found.get(noun);
      if (numbers && !numbers.includes(asked)) factor *= WEIGHTS.scope.otherReportKind;
    }
  }
  return factor;
}
