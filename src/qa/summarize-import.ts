import type { Lang } from '../i18n/translator.ts';
import { displayDate } from './date-mentions.ts';
import type { PlanDocument } from './plan-document.ts';
import type { TextFn } from './text-fn.ts';
import { joinWithin, truncate } from './answering/compose.ts';

const MAX_SUMMARY = 3500;
const MAX_LISTED = 8;
const MAX_LINE = 200;

/**
 * What reading a plan found, for the chat reply to a leader who sent it: title, sections,
 * deadlines, contacts and signer (at most 3500 characters). The periods proposed from the deadlines
 * are the caller's to present, with the plan they would make.
 */
export function summarizeImport(doc: PlanDocument, lang: Lang, t: TextFn): string {
  void lang; // the texts come through `t`, already in the reader's language
  const h = doc.header;
  const top = doc.sections.filter((s) => s.depth === 1);
  const deadlines = doc.facts.dates.filter((d) => d.role === 'deadline');
  const contacts = doc.facts.contacts;
  const lines: string[] = [
    t('qa.import.title', { type: h.docType ?? t('qa.answer.documentType'), title: h.title ?? t('qa.import.untitled') }),
    ...(h.issuer.length ? [t('qa.import.issuer', { issuer: h.issuer.join(' – ') })] : []),
    ...(h.number || h.date ? [t('qa.import.numberDate', { number: h.number ?? '—', date: h.date ? displayDate(h.date) : '—' })] : []),
    t('qa.import.sections', { count: doc.sections.length, top: top.map((s) => `${s.id}. ${truncate(s.heading, 40)}`).join('; ') || '—' }),
    '',
    deadlines.length ? t('qa.import.deadlines', { count: deadlines.length }) : t('qa.import.noDeadlines'),
    ...deadlines.slice(0, MAX_LISTED).map((d) => `- ${displayDate(d.date)}: ${truncate(d.what, MAX_LINE)}${d.who ? ` (${d.who})` : ''}`),
    '',
    contacts.length ? t('qa.import.contacts', { count: contacts.length }) : t('qa.import.noContacts'),
    ...contacts.slice(0, MAX_LISTED).map((c) => `- ${c.value}${c.owner ? ` (${c.owner})` : ''}`),
    ...(doc.signer ? ['', t('qa.import.signer', { name: doc.signer.name })] : []),
  ];
  return joinWithin(lines, MAX_SUMMARY);
}
