import type { DateFact, DutyFact, Section } from '../plan-document.ts';
import { findDates, type DateMention } from '../date-mentions.ts';
import { collapseSpaces, foldText } from '../vietnamese-text.ts';
import type { LocatedSentence } from './located-sentences.ts';
import { destinations } from './destinations.ts';

/** Folded words just before a date that make it a deadline ("gửi trước ngày", "hạn chót:"). */
const DEADLINE_BEFORE =
  /(?:truoc|han chot|han nop|han cuoi|thoi han|han|cham nhat(?: la)?|khong qua|muon nhat(?: la)?|den het)\s*(?:ngay)?\s*[:,]?\s*$/u;
/** A document number and "ngày" just before a date: the date the cited document was issued. */
const ISSUED_BEFORE = /[A-ZĐ]{1,10}(?:\s?[-/]\s?[A-ZĐ]{1,10})*\s*,?\s*(?:ban hành\s*)?ngày\s*$/u;
const MIN_WHAT_WORDS = 3;
const MAX_LABEL_WORDS = 5;

function role(sentence: string, mention: DateMention): DateFact['role'] {
  const before = sentence.slice(Math.max(0, mention.index - 40), mention.index);
  if (ISSUED_BEFORE.test(before)) return 'issued';
  if (mention.rangeWith === 'next') return 'start';
  if (mention.rangeWith === 'previous') return 'end';
  if (DEADLINE_BEFORE.test(foldText(before))) return 'deadline';
  return 'event';
}

/** Positions of ";" and ":" outside brackets: the parts a sentence is made of. */
function boundaries(sentence: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if ((ch === ';' || ch === ':') && depth === 0) out.push(i);
  }
  return out;
}

/** The part of the sentence a date belongs to: from the last ";" or ":" before it to the date (or the range's end). */
function whatOf(sentence: string, mention: DateMention, rangeEnd?: DateMention): string {
  const end = (rangeEnd ?? mention).index + (rangeEnd ?? mention).raw.length;
  const cuts = boundaries(sentence).filter((b) => b < mention.index);
  let start = cuts.length ? (cuts[cuts.length - 1] ?? -1) + 1 : 0;
  for (let k = cuts.length - 2; k >= -1; k--) {
    const part = sentence.slice(start, mention.index);
    const meaningful =
      foldText(part)
        .replace(DEADLINE_BEFORE, '')
        .match(/[a-z0-9]+/g) ?? [];
    if (meaningful.length >= MIN_WHAT_WORDS) break;
    start = k >= 0 ? (cuts[k] ?? -1) + 1 : 0;
  }
  // Keep a short label before ":" ("Thời gian: …", "Hạn nộp: …"): it says what the date is.
  const cut = start - 1;
  if (cut >= 0 && sentence[cut] === ':') {
    const labelStart = cuts.filter((b) => b < cut).pop() ?? -1;
    const label = sentence.slice(labelStart + 1, cut);
    if (label.trim().split(/\s+/).length <= MAX_LABEL_WORDS) start = labelStart + 1;
  }
  return collapseSpaces(
    sentence
      .slice(start, end)
      .replace(/^[\s\-–—+,]+/u, '')
      .replace(/^cụ thể\s*:?\s*/iu, ''),
  );
}

/** The duty section (level or unit) a section belongs to, if any. */
function dutyFor(sectionId: string | null, sections: readonly Section[], duties: readonly DutyFact[]): DutyFact | null {
  const byId = new Map(sections.map((s) => [s.id, s]));
  for (let id = sectionId; id; id = byId.get(id)?.parentId ?? null) {
    const duty = duties.find((d) => d.section === id);
    if (duty) return duty;
  }
  return null;
}

/** Every date of the document with its role, what it is about, who must act and where things go. */
export function extractDates(sentences: readonly LocatedSentence[], sections: readonly Section[], duties: readonly DutyFact[]): DateFact[] {
  const facts: DateFact[] = [];
  for (const { text, section } of sentences) {
    const mentions = findDates(text);
    if (mentions.length === 0) continue;
    const duty = dutyFor(section, sections, duties);
    const to = destinations(text);
    for (const [k, mention] of mentions.entries()) {
      const rangeEnd = mention.rangeWith === 'next' ? mentions[k + 1] : undefined;
      facts.push({
        date: mention.date,
        raw: mention.raw,
        role: role(text, mention),
        what: whatOf(text, mention, rangeEnd),
        sentence: text,
        section,
        who: duty?.unit ?? null,
        whoLevels: duty?.levels ?? [],
        to,
      });
    }
  }
  return facts;
}
