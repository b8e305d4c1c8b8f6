import type { FormWorkbook, FormWorkbookResult } from '../core/forms/form-workbook.ts';
import type { FormSpec } from '../flow/form-spec.ts';
import type { Translator } from '../i18n/translator.ts';

/**
 * The {@link FormWorkbook} port over exceljs, with texts from the bot's translator. exceljs is loaded on
 * first use (like the exports), so a bot that never sees a form workbook does not carry it in memory.
 */
export function createFormWorkbook(translator: Translator): FormWorkbook {
  return {
    async read(bytes: Buffer): Promise<FormWorkbookResult> {
      const [{ formFromXlsx }, { UnreadableWorkbookError }] = await Promise.all([import('./form-xlsx.ts'), import('./read-xlsx.ts')]);
      try {
        return await formFromXlsx(bytes);
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) return { ok: false, unreadable: error.reason };
        throw error;
      }
    },
    async write(spec: FormSpec, notes?: ReadonlyMap<string, string>): Promise<Buffer> {
      const { formToXlsx } = await import('./form-xlsx.ts');
      return formToXlsx(
        spec,
        (key, params) => translator.t('vi', key, params),
        (key, params) => translator.t('en', key, params),
        notes,
      );
    },
  };
}
