import type { Lang } from '../../i18n/translator.ts';

/** "1.234,5" in Vietnamese, "1,234.5" in English: numbers as the reader writes them. */
export function numberFormatter(lang: Lang): (n: number) => string {
  const format = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 });
  return (n) => format.format(n);
}
