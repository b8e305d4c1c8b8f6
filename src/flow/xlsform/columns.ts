import type { CellValue, SheetRow } from './workbook-data.ts';
import type { InlineText } from '../form-text.ts';

export type TextLang = 'vi' | 'en';

/** "label::Tiếng Việt (vi)" → { base: "label", lang: "vi" }; "label" → { base: "label" }; another language → lang "other". */
export function parseHeader(header: string): { base: string; lang?: TextLang | 'other' } {
  const [base = '', ...rest] = header.split('::');
  const cleanBase = base.trim().toLowerCase();
  if (rest.length === 0) return { base: cleanBase };
  return { base: cleanBase, lang: languageOf(rest.join('::')) };
}

/** "Tiếng Việt (vi)", "vi", "Vietnamese", "English (en)", "en" → the language; anything else is "other". */
export function languageOf(name: string): TextLang | 'other' {
  const text = name.trim().toLowerCase();
  const code = /\(([a-z]{2,3})(?:[-_][a-z]+)?\)\s*$/.exec(text)?.[1] ?? text;
  if (['vi', 'vie', 'tiếng việt', 'tieng viet', 'vietnamese', 'việt'].includes(code.normalize('NFC'))) return 'vi';
  if (['en', 'eng', 'english', 'tiếng anh', 'tieng anh'].includes(code.normalize('NFC'))) return 'en';
  return 'other';
}

/** The trimmed text of a cell, or undefined when empty. */
export function cellText(row: SheetRow, header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = row.cells.get(header);
  if (value === undefined) return undefined;
  const text = String(value).normalize('NFC').trim();
  return text === '' ? undefined : text;
}

export function cellValue(row: SheetRow, header: string | undefined): CellValue | undefined {
  return header === undefined ? undefined : row.cells.get(header);
}

/** The columns of one text field ("label", "hint", …): the plain column and its language columns. */
export interface TextColumns {
  plain?: string;
  vi?: string;
  en?: string;
}

export function textColumns(headers: readonly string[], base: string): TextColumns {
  const out: TextColumns = {};
  for (const header of headers) {
    const parsed = parseHeader(header);
    if (parsed.base !== base) continue;
    if (parsed.lang === undefined) out.plain ??= header;
    else if (parsed.lang !== 'other') out[parsed.lang] ??= header;
  }
  return out;
}

/**
 * A localized text from a row: the plain column counts as the form's default language. English falls
 * back to Vietnamese when reading; a form with English only is read as if its English were Vietnamese.
 */
export function rowText(row: SheetRow, columns: TextColumns, defaultLang: TextLang): InlineText | undefined {
  const plain = cellText(row, columns.plain);
  const vi = cellText(row, columns.vi) ?? (defaultLang === 'vi' ? plain : undefined);
  const en = cellText(row, columns.en) ?? (defaultLang === 'en' ? plain : undefined);
  const main = vi ?? en;
  if (main === undefined) return undefined;
  return en !== undefined && vi !== undefined ? { vi, en } : { vi: main };
}

/** The header column of the text field for an error message: the first column the sheet has for it. */
export function textColumnName(columns: TextColumns, base: string): string {
  return columns.vi ?? columns.plain ?? columns.en ?? base;
}
