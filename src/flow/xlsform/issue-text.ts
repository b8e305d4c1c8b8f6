import type { TextFn } from '../text-fn.ts';
import type { XlsIssue } from './workbook-data.ts';

/** "survey, dòng 12, cột relevant: không có câu hỏi tên ${so_doan_vien}", in the language of `t`. */
export function xlsIssueText(issue: XlsIssue, t: TextFn): string {
  const message = t(`xlsform.${issue.key}`, issue.params);
  if (issue.row !== undefined && issue.column !== undefined) {
    return t('xlsform.where.cell', { sheet: issue.sheet, row: issue.row, column: issue.column, message });
  }
  if (issue.row !== undefined) return t('xlsform.where.row', { sheet: issue.sheet, row: issue.row, message });
  return t('xlsform.where.sheet', { sheet: issue.sheet, message });
}
