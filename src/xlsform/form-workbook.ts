import type { FormWorkbook, FormWorkbookResult } from '../core/forms/form-workbook.ts';
import type { FormSpec } from '../flow/form-spec.ts';
import type { Translator } from '../i18n/translator.ts';
import { formFromXlsx, formToXlsx } from './form-xlsx.ts';
import { UnreadableWorkbookError } from './read-xlsx.ts';

/** The {@link FormWorkbook} port over exceljs, with texts from the bot's translator. */
export function createFormWorkbook(translator: Translator): FormWorkbook {
  return {
    async read(bytes: Buffer): Promise<FormWorkbookResult> {
      try {
        return await formFromXlsx(bytes);
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) return { ok: false, unreadable: error.reason };
        throw error;
      }
    },
    write(spec: FormSpec, notes?: ReadonlyMap<string, string>): Promise<Buffer> {
      return formToXlsx(
        spec,
        (key, params) => translator.t('vi', key, params),
        (key, params) => translator.t('en', key, params),
        notes,
      );
    },
  };
}
