import ExcelJS from 'exceljs';

/** Sheets as arrays of rows (the first row is the header); a missing cell is undefined. */
export type Sheets = Record<string, (string | number | boolean | undefined)[][]>;

/** Builds an .xlsx in memory with exceljs, the way a spreadsheet program would save it. */
export async function buildXlsx(sheets: Sheets): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row.map((cell) => cell ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
