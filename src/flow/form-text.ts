import { z } from 'zod';
import type { TextFn } from './text-fn.ts';

/**
 * A text of a form: a locale key (YAML forms, texts in `locales/<lang>/form.json`), or the text itself in
 * Vietnamese and optionally English (XLSForm workbooks carry their own texts). English falls back to Vietnamese.
 */
export type FormText = string | InlineText;
export interface InlineText {
  vi: string;
  en?: string;
}

const localeKey = z.string().regex(/^[A-Za-z][\w-]*(\.[\w-]+)+$/, 'Expected a locale key such as "form.qttn.title"');
const inline = z
  .object({ vi: z.string().trim().min(1).max(4000), en: z.string().trim().min(1).max(4000).optional() })
  .strict()
  .transform(({ vi, en }): InlineText =>
    en === undefined ? { vi: vi.normalize('NFC') } : { vi: vi.normalize('NFC'), en: en.normalize('NFC') },
  );

export const formTextSchema: z.ZodType<FormText, z.ZodTypeDef, unknown> = z.union([localeKey, inline]);

/** The text as the person reads it, in the language of `t` (`formtext.lang` of its catalog). */
export function sayText(text: FormText, t: TextFn): string {
  if (typeof text === 'string') return t(text);
  return (t('formtext.lang') === 'en' && text.en) || text.vi;
}

/** The locale key of a text, when it is one (to check that it exists). */
export function localeKeyOf(text: FormText | undefined): string | undefined {
  return typeof text === 'string' ? text : undefined;
}
