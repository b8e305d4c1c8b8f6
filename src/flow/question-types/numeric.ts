import type { AnswerValue } from '../form-spec.ts';
import type { NumericQuestion } from '../targets.ts';
import { formatNumber } from '../format-number.ts';
import { readNumber } from '../number-reader.ts';
import type { TextFn } from '../text-fn.ts';
import { invalid, type ParseResult } from './question-type.ts';
import { sayText } from '../form-text.ts';

/** Shared by integer and decimal questions: reads a Vietnamese number and checks whole-ness and range. */
export function parseNumeric(text: string, question: NumericQuestion, t: TextFn): ParseResult {
  const unit = question.unit === undefined ? undefined : sayText(question.unit, t);
  const read = readNumber(toVietnameseSeparators(text, t), { unit });
  if (!read.ok) return invalid(`form.errors.${read.reason}`, { text: text.trim(), word: read.word ?? '' });
  return checkNumber(read.value, question) ?? { ok: true, value: read.value };
}

/**
 * In a language that writes "1,200.5" (English), swaps the separators so that the Vietnamese reader
 * ("1.200,5") reads what the person was shown in the hint.
 */
function toVietnameseSeparators(text: string, t: TextFn): string {
  if (t('form.number.decimal') !== '.') return text;
  return text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

function checkNumber(value: number, question: NumericQuestion): ParseResult | null {
  if (question.type === 'integer' && !Number.isInteger(value)) return invalid('form.errors.not_an_integer');
  if (question.min !== undefined && value < question.min) return invalid('form.errors.below_min', { min: question.min });
  if (question.max !== undefined && value > question.max) return invalid('form.errors.above_max', { max: question.max });
  return null;
}

export function acceptsNumber(value: AnswerValue, question: NumericQuestion): boolean {
  return typeof value === 'number' && Number.isFinite(value) && checkNumber(value, question) === null;
}

/** "12 buổi" when the question has a unit. */
export function formatNumeric(value: AnswerValue, question: NumericQuestion, t: TextFn): string {
  const number = typeof value === 'number' ? formatNumber(value, t) : String(value);
  return question.unit ? `${number} ${sayText(question.unit, t)}` : number;
}

/** "Nhập một số nguyên, từ 0 đến 100 (đơn vị: buổi)." */
export function numericHint(question: NumericQuestion, t: TextFn): string {
  const parts = [t(`form.engine.hint.${question.type}`)];
  const { min, max } = question;
  if (min !== undefined && max !== undefined)
    parts.push(t('form.engine.range.between', { min: formatNumber(min, t), max: formatNumber(max, t) }));
  else if (min !== undefined) parts.push(t('form.engine.range.at_least', { min: formatNumber(min, t) }));
  else if (max !== undefined) parts.push(t('form.engine.range.at_most', { max: formatNumber(max, t) }));
  if (question.unit) parts.push(t('form.engine.range.unit', { unit: sayText(question.unit, t) }));
  const sentence = `${parts.join(' ')}.`;
  return question.type === 'decimal' ? `${sentence} ${t('form.engine.hint.decimal_example')}` : sentence;
}
