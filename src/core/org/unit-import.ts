import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { foldText } from '../../flow/fold.ts';

export interface UnitRow {
  code: string;
  name: string;
  parentCode?: string;
}

export type UnitListResult = { ok: true; units: UnitRow[] } | { ok: false; line: number; problemKey: string };

const CODE = /^[A-Za-z0-9_-]{1,32}$/;
/** First cells of a header line, without diacritics: "code", "Mã", "Mã đơn vị" (the bot's own CSV export). */
const HEADER_CODE = new Set(['code', 'unit code', 'ma', 'ma don vi']);
const yamlSchema = z.array(
  z.object({ code: z.union([z.string(), z.number()]).transform(String), name: z.string().min(1), parent: z.string().optional() }),
);

/**
 * Reads a list of units: YAML (a list of {code, name, parent?}, or {units: [...]}) or CSV / plain lines
 * "code, name[, parent]" (comma, semicolon or tab; a header line "code,name" is skipped). CSV is read
 * with csv-parse, so a name holding a comma is written in quotes: `HD01,"Huyện Đoàn Ninh Hải, Ninh Thuận",TINH`;
 * what {@link formatUnitList} writes reads back unchanged.
 */
export function parseUnitList(text: string, fileName: string): UnitListResult {
  const clean = text.replace(/^\uFEFF/, '').normalize('NFC');
  if (/\.ya?ml$/i.test(fileName)) return fromYaml(clean);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parseCsv(clean, {
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    return { ok: false, line: Number((error as { lines?: unknown }).lines) || 1, problemKey: 'units.problem_csv' };
  }
  const units: UnitRow[] = [];
  for (const [index, { record, info }] of rows.entries()) {
    const [code = '', name = '', parent = ''] = record;
    if (index === 0 && HEADER_CODE.has(foldText(code))) continue;
    if (!CODE.test(code)) return { ok: false, line: info.lines, problemKey: 'units.problem_code' };
    if (!name) return { ok: false, line: info.lines, problemKey: 'units.problem_name' };
    units.push({ code, name, ...(parent ? { parentCode: parent } : {}) });
  }
  if (units.length === 0) return { ok: false, line: 1, problemKey: 'units.problem_empty' };
  return { ok: true, units };
}

/** A list of units as CSV with a header (`code,name,parent`), quoted where needed; {@link parseUnitList} reads it back. */
export function formatUnitList(units: readonly UnitRow[]): string {
  return stringifyCsv(
    units.map((u) => [u.code, u.name, u.parentCode ?? '']),
    {
      header: true,
      columns: ['code', 'name', 'parent'],
      record_delimiter: 'unix',
      // The reader also splits on ";" and tabs (lists typed by hand), so such names are quoted too.
      quoted_match: /[;\t]/,
    },
  );
}

function fromYaml(text: string): UnitListResult {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    return { ok: false, line, problemKey: 'units.problem_yaml' };
  }
  const list = data && typeof data === 'object' && 'units' in data ? (data as { units: unknown }).units : data;
  const parsed = yamlSchema.safeParse(list);
  if (!parsed.success) return { ok: false, line: Number(parsed.error.issues[0]?.path[0] ?? 0) + 1, problemKey: 'units.problem_yaml' };
  for (const [i, u] of parsed.data.entries()) if (!CODE.test(u.code)) return { ok: false, line: i + 1, problemKey: 'units.problem_code' };
  return { ok: true, units: parsed.data.map((u) => ({ code: u.code, name: u.name, ...(u.parent ? { parentCode: u.parent } : {}) })) };
}
