import type { Block, Section } from '../plan-document.ts';

/** A sentence of the document with the section it is in (null: the preamble). */
export interface LocatedSentence {
  text: string;
  section: string | null;
}

/** Every sentence of the preamble, the section headings and the section blocks, in document order. */
export function locatedSentences(preamble: readonly Block[], sections: readonly Section[]): LocatedSentence[] {
  const out: LocatedSentence[] = preamble.flatMap((b) => b.sentences.map((text) => ({ text, section: null })));
  for (const s of sections) {
    out.push({ text: s.heading, section: s.id });
    for (const b of s.blocks) for (const text of b.sentences) out.push({ text, section: s.id });
  }
  return out;
}
