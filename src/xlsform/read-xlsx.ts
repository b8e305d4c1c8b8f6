import type { CellValue as ExcelCellValue, Worksheet } from 'exceljs';
import { loadExcelJs } from '../infra/load-exceljs.ts';
import type { CellValue, SheetData, SheetRow, WorkbookData } from '../flow/xlsform/workbook-data.ts';

/** Workbooks larger than this are refused before they are opened (a form is a few kilobytes). */
export const MAX_XLSX_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 5000;
const MAX_COLUMNS = 200;

export class UnreadableWorkbookError extends Error {
  constructor(readonly reason: 'too_large' | 'not_xlsx') {
    super(reason);
    this.name = 'UnreadableWorkbookError';
  }
}

/**
 * Reads an .xlsx file into plain sheets (header row, then the non-empty rows with their spreadsheet row
 * numbers). Rich text, formula results and links become their text; only the first row is a header.
 * @throws UnreadableWorkbookError when the file is too large or not an .xlsx workbook.
 */
export async function readXlsx(bytes: Uint8Array): Promise<WorkbookData> {
  if (bytes.byteLength > MAX_XLSX_BYTES) throw new UnreadableWorkbookError('too_large');
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableWorkbookError('not_xlsx');
  }
  return { sheets: workbook.worksheets.map(readSheet) };
}

function readSheet(sheet: Worksheet): SheetData {
  const headerRow = sheet.getRow(1);
  const headers: { col: number; name: string }[] = [];
  headerRow.eachCell({ includeEmpty: false }, (cell, col) => {
    const name = plain(cell.value);
    if (name !== undefined && String(name).trim() !== '' && col <= MAX_COLUMNS) headers.push({ col, name: String(name).trim() });
  });
  const rows: SheetRow[] = [];
  const last = Math.min(sheet.rowCount, MAX_ROWS + 1);
  for (let number = 2; number <= last; number++) {
    const row = sheet.getRow(number);
    const cells = new Map<string, CellValue>();
    for (const { col, name } of headers) {
      const value = plain(row.getCell(col).value);
      if (value !== undefined && !(typeof value === 'string' && value.trim() === '') && !cells.has(name)) cells.set(name, value);
    }
    if (cells.size > 0) rows.push({ number, cells });
  }
  return { name: sheet.name, headers: headers.map((h) => h.name), rows };
}

function plain(value: ExcelCellValue): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      return typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean' ? result : undefined;
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return undefined;
}
