import type { PlanDocument, Section } from '../plan-document.ts';
import { splitClauses } from '../reading/sentences.ts';

/** A searchable piece of the plan: one clause (or a short sentence) with where it stands. */
export interface Passage {
  section: string | null;
  /** The clause, as written. */
  text: string;
  /** The whole sentence the clause belongs to. */
  sentence: string;
  /** Headings of the section and the sections above it (short ones only). */
  context: string;
}

const MAX_CONTEXT_HEADING = 160;

/** The headings of a section and of the sections above it, joined ("Cấp tỉnh | TỔ CHỨC THỰC HIỆN"). */
export function headingChain(section: Section, byId: ReadonlyMap<string, Section>): string {
  const chain: string[] = [];
  for (let s: Section | undefined = section; s; s = s.parentId ? byId.get(s.parentId) : undefined) {
    if (s.heading.length <= MAX_CONTEXT_HEADING) chain.push(s.heading);
  }
  return chain.join(' | ');
}

function fromSentences(sentences: readonly string[], section: string | null, context: string): Passage[] {
  return sentences.flatMap((sentence) => splitClauses(sentence).map((text) => ({ section, text, sentence, context })));
}

/** Every clause of the preamble, the headings and the section blocks, in document order. */
export function planPassages(doc: PlanDocument): Passage[] {
  const byId = new Map(doc.sections.map((s) => [s.id, s]));
  const passages = doc.preamble.flatMap((b) => fromSentences(b.sentences, null, doc.header.title ?? ''));
  for (const section of doc.sections) {
    const context = headingChain(section, byId);
    passages.push(...fromSentences([section.heading], section.id, context));
    for (const block of section.blocks) passages.push(...fromSentences(block.sentences, section.id, context));
  }
  return passages;
}
