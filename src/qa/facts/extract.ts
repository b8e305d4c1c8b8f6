import type { Block, PlanFacts, Section } from '../plan-document.ts';
import { extractContacts } from './contacts.ts';
import { extractDates } from './dates.ts';
import { extractDuties } from './duties.ts';
import { locatedSentences } from './located-sentences.ts';
import { extractReferences } from './references.ts';

/** Every fact the text states: dates, contacts, references to other documents, duties of each level. */
export function extractFacts(preamble: readonly Block[], sections: readonly Section[]): PlanFacts {
  const sentences = locatedSentences(preamble, sections);
  const duties = extractDuties(sections);
  return {
    dates: extractDates(sentences, sections, duties),
    contacts: extractContacts(sentences),
    references: extractReferences(sentences),
    duties,
  };
}
