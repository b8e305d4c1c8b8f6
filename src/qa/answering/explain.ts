import type { AnswerContext } from './context.ts';

/** How many candidates `--explain` lists for each step. */
const LISTED = 5;

/** One candidate of a step: what it is, where it stands, and the parts of its score (the last one, "total", decides). */
export interface ExplainedCandidate {
  label: string;
  section: string | null;
  parts: Record<string, number>;
}

const short = (text: string): string => (text.length > 90 ? `${text.slice(0, 89)}…` : text);
const num = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** Lists the best candidates of a step with their scores, and why the first beat the second (`ask --explain`). */
export function explainCandidates(ctx: AnswerContext, step: string, ranked: readonly ExplainedCandidate[]): void {
  const out = ctx.explain;
  if (!out) return;
  out.push(`${step}: ${ranked.length} candidate(s)`);
  for (const [k, c] of ranked.slice(0, LISTED).entries()) {
    const parts = Object.entries(c.parts)
      .filter(([, v]) => v !== 0)
      .map(([name, v]) => `${name} ${num(v)}`)
      .join(', ');
    out.push(`  ${k + 1}. [${c.section ?? 'mở đầu'}] ${short(c.label)} — ${parts}`);
  }
  const [first, second] = ranked;
  if (first && second) {
    const diffs = Object.keys({ ...first.parts, ...second.parts })
      .filter((name) => name !== 'total')
      .map((name) => ({ name, d: (first.parts[name] ?? 0) - (second.parts[name] ?? 0) }))
      .filter((x) => Math.abs(x.d) > 1e-9)
      .sort((a, b) => Math.abs(b.d) - Math.abs(a.d))
      .slice(0, 3)
      .map((x) => `${x.name} ${x.d > 0 ? '+' : ''}${num(x.d)}`);
    out.push(`  1 beats 2 by: ${diffs.join(', ') || 'equal parts (order of the plan)'}`);
  }
}

/** A line of `--explain` telling a decision that is not a score. */
export function explainNote(ctx: AnswerContext, note: string): void {
  ctx.explain?.push(`  ${note}`);
}
