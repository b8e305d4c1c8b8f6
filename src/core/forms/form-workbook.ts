import type { FormSpec } from '../../flow/form-spec.ts';
import type { XlsIssue } from '../../flow/xlsform/workbook-data.ts';

/** What reading an uploaded workbook gave: a form, the mistakes found in it, or a file that is no workbook. */
export type FormWorkbookResult =
  { ok: true; spec: FormSpec } | { ok: false; issues: XlsIssue[] } | { ok: false; unreadable: 'too_large' | 'not_xlsx' };

/** Report forms as XLSForm workbooks (exceljs behind it, in src/xlsform). */
export interface FormWorkbook {
  /** Reads an .xlsx form sent in chat. */
  read(bytes: Buffer): Promise<FormWorkbookResult>;
  /** The form as an .xlsx to edit, texts in Vietnamese and English; `notes` fill a draft_note column. */
  write(spec: FormSpec, notes?: ReadonlyMap<string, string>): Promise<Buffer>;
}
