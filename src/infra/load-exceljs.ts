import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: the one place the bot loads it (workbook exports, XLSForm forms, unit
 * lists sent as .xlsx); the modules that use it import its types only. Loaded at start with the plan
 * document readers, it cost an idle bot about 10–15 MB of resident memory (README "Performance").
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
