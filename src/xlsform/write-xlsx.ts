import { loadExcelJs } from '../infra/load-exceljs.ts';
import type { WorkbookData } from '../flow/xlsform/workbook-data.ts';

/** Writes plain sheets as an .xlsx file: a bold, frozen header row and readable column widths. */
export async function writeXlsx(book: WorkbookData): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'doanbot';
  for (const data of book.sheets) {
    const sheet = workbook.addWorksheet(data.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = data.headers.map((header) => ({ header, key: header, width: widthOf(header) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of data.rows) sheet.addRow(Object.fromEntries(row.cells));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function widthOf(header: string): number {
  if (header.startsWith('label') || header.startsWith('hint') || header.startsWith('constraint_message')) return 48;
  if (header === 'draft_note') return 60;
  if (header === 'relevant' || header === 'constraint' || header.startsWith('short_label') || header.startsWith('form_title')) return 30;
  return Math.max(10, header.length + 2);
}
