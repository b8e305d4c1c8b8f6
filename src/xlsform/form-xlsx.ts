import type { FormSpec } from '../flow/form-spec.ts';
import type { TextFn } from '../flow/text-fn.ts';
import { specToSheets } from '../flow/xlsform/spec-to-sheets.ts';
import { xlsformToSpec, type XlsformResult } from '../flow/xlsform/xlsform-to-spec.ts';
import { readXlsx } from './read-xlsx.ts';
import { writeXlsx } from './write-xlsx.ts';

/** A form as an XLSForm .xlsx (texts in Vietnamese and English), for staff to edit. */
export function formToXlsx(spec: FormSpec, vi: TextFn, en: TextFn, notes?: ReadonlyMap<string, string>): Promise<Buffer> {
  return writeXlsx(specToSheets(spec, vi, en, notes));
}

/**
 * Reads an XLSForm .xlsx into a validated form, or every mistake with its sheet, row and column.
 * @throws UnreadableWorkbookError when the file is not an .xlsx workbook or is too large.
 */
export async function formFromXlsx(bytes: Uint8Array): Promise<XlsformResult> {
  return xlsformToSpec(await readXlsx(bytes));
}
