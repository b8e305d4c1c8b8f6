import type { TextFn } from './text-fn.ts';

/**
 * Writes a number with the language's separators from `form.number.group` and `form.number.decimal`:
 * 1200.5 → "1.200,5" in Vietnamese, "1,200.5" in English.
 */
export function formatNumber(value: number, t: TextFn): string {
  const [whole = '0', fraction] = Math.abs(value).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, t('form.number.group'));
  const sign = value < 0 ? '-' : '';
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}${t('form.number.decimal')}${fraction}`;
}
