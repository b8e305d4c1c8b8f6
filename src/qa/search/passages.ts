import type { Block, PlanDocument, Section } from '../plan-document.ts';
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
  /** What the passage introduces: a heading's items, or the items after a line ending with ":". */
  followers: string[];
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

function fromSentences(sentences: readonly string[], section: string | null, context: string, followers: string[] = []): Passage[] {
  return sentences.flatMap((sentence, k) =>
    splitClauses(sentence).map((text) => ({
      section,
      text,
      sentence,
      context,
      followers: k === sentences.length - 1 && /:$/u.test(sentence) ? followers : [],
    })),
  );
}

/** The blocks after `index` that a line ending with ":" introduces (up to the next such line). */
function introduced(blocks: readonly Block[], index: number): string[] {
  const out: string[] = [];
  for (const b of blocks.slice(index + 1)) {
    if (/:$/u.test(b.text)) break;
    out.push(b.text);
  }
  return out;
}

/**
 * What a section holds, one line each: its paragraphs and items, or, when it has none of its own,
 * the headings of its subsections ("1. Mục đích", "2. Yêu cầu").
 */
export function sectionItems(section: Section, sections: readonly Section[]): string[] {
  if (section.blocks.length) return section.blocks.map((b) => b.text);
  return sections.filter((s) => s.parentId === section.id).map((s) => `${s.id.split('.').pop()}. ${s.heading}`);
}

/** Every clause of the preamble, headings and section blocks, in document order. */
export function planPassages(doc: PlanDocument): Passage[] {
  const byId = new Map(doc.sections.map((s) => [s.id, s]));
  const passages: Passage[] = [];
  const title = doc.header.title;
  if (title) passages.push(...fromSentences([title], null, ''));
  doc.preamble.forEach((b, i) => passages.push(...fromSentences(b.sentences, null, doc.header.title ?? '', introduced(doc.preamble, i))));
  for (const section of doc.sections) {
    const context = headingChain(section, byId);
    const items = sectionItems(section, doc.sections);
    passages.push(...fromSentences([section.heading], section.id, context).map((p) => ({ ...p, followers: items })));
    section.blocks.forEach((b, i) => passages.push(...fromSentences(b.sentences, section.id, context, introduced(section.blocks, i))));
  }
  return passages;
}
