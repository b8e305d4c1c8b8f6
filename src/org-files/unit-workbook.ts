import { loadExcelJs } from '../infra/load-exceljs.ts';
import { stringify } from 'csv-stringify/sync';

/**
 * A unit list sent as a workbook (.xlsx): the first sheet's rows as CSV text (code, name, parent),
 * for the same reader as a .csv list. Null when the workbook is a report form (it has a "survey"
 * sheet) or cannot be read.
 */
export async function unitWorkbookAsCsv(content: Buffer): Promise<string | null> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  if (workbook.worksheets.some((sheet) => sheet.name.trim().toLowerCase() === 'survey')) return null;
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = [1, 2, 3].map((column) => {
      const value = row.getCell(column).value;
      if (value === null || value === undefined) return '';
      if (typeof value === 'object' && 'text' in value) return String(value.text);
      if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
      return String(value);
    });
    rows.push(cells[2] ? cells : cells.slice(0, 2));
  });
  return rows.length ? stringify(rows) : null;
}
