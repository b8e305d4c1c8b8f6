/** A cell's value as read from a spreadsheet (rich text, formulas and links already reduced to it). */
export type CellValue = string | number | boolean;

/** One row of a sheet: its spreadsheet row number (the header is row 1) and its cells by column header. */
export interface SheetRow {
  number: number;
  cells: ReadonlyMap<string, CellValue>;
}

/** One sheet: its column headers as written (trimmed), in order, and its non-empty rows below the header. */
export interface SheetData {
  name: string;
  headers: string[];
  rows: SheetRow[];
}

/** A workbook reduced to plain data, so that reading forms from it needs no spreadsheet library. */
export interface WorkbookData {
  sheets: SheetData[];
}

/**
 * A mistake in a workbook: where (sheet, spreadsheet row, column header) and what, as a key under
 * `xlsform.` with parameters, so it is worded in the reader's language:
 * "survey, dòng 12, cột relevant: không có câu hỏi tên ${so_doan_vien}".
 */
export interface XlsIssue {
  sheet: string;
  row?: number;
  column?: string;
  key: string;
  params: Record<string, string | number>;
}
