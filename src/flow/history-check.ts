import type { OutboundMessage } from '../core/messages.ts';
import { foldText, isOneOf } from './fold.ts';
import { formatNumber } from './format-number.ts';
import type { TextFn } from './text-fn.ts';

/**
 * What the host knows of earlier figures, handed to the engine as data: the unit's answers for the
 * previous period of the same plan, and, per question, the range the other units answered this period.
 */
export interface AnswerHistory {
  previous?: Record<string, number>;
  others?: Record<string, { min: number; max: number; count: number }>;
}

/** An answer this many times larger (or smaller) than the reference is asked again, not refused. */
export const HISTORY_FACTOR = 5;
/** The other units' range counts only when at least this many have answered. */
export const MIN_OTHERS = 3;

/** Why a figure looks unlikely, or null when it does not. */
export type Unlikely = { kind: 'previous'; previous: number } | { kind: 'others'; min: number; max: number };

/** Compares a figure with the unit's previous one, else with the other units' range. */
export function unlikely(questionId: string, value: number, history: AnswerHistory | undefined): Unlikely | null {
  const previous = history?.previous?.[questionId];
  if (previous !== undefined && previous > 0) {
    return value > previous * HISTORY_FACTOR || value * HISTORY_FACTOR < previous ? { kind: 'previous', previous } : null;
  }
  const others = history?.others?.[questionId];
  if (!others || others.count < MIN_OTHERS) return null;
  const tooHigh = value > Math.max(others.max, 1) * HISTORY_FACTOR;
  const tooLow = others.min > 0 && value * HISTORY_FACTOR < others.min;
  return tooHigh || tooLow ? { kind: 'others', min: others.min, max: others.max } : null;
}

export const CONFIRM_YES = 'confirm:yes';
export const CONFIRM_EDIT = 'confirm:edit';
const YES_WORDS = ['co', 'dung', 'yes', 'dung roi', 'chinh xac'];
const EDIT_WORDS = ['sua', 'edit', 'khong', 'no', 'nhap lai'];

/** "Kỳ trước đơn vị báo 1.200; bạn nhập 12.000 — đúng không?" with Có / Sửa. */
export function renderConfirm(reason: Unlikely, value: number, t: TextFn): OutboundMessage {
  const entered = formatNumber(value, t);
  const text =
    reason.kind === 'previous'
      ? t('history.confirm_previous', { previous: formatNumber(reason.previous, t), value: entered })
      : t('history.confirm_others', { min: formatNumber(reason.min, t), max: formatNumber(reason.max, t), value: entered });
  return {
    type: 'choices',
    text,
    choices: [
      { id: CONFIRM_YES, label: t('history.choice_yes') },
      { id: CONFIRM_EDIT, label: t('history.choice_edit') },
    ],
  };
}

/** The person's answer to the confirmation: yes, edit, or neither (then the typed text may be a new figure). */
export function readConfirm(input: { kind: 'text'; text: string } | { kind: 'choice'; id: string }, t: TextFn): 'yes' | 'edit' | null {
  if (input.kind === 'choice') return input.id === CONFIRM_YES ? 'yes' : input.id === CONFIRM_EDIT ? 'edit' : null;
  const text = input.text.trim();
  if (text === '1' || isOneOf(text, [...YES_WORDS, foldText(t('history.choice_yes'))])) return 'yes';
  if (text === '2' || isOneOf(text, [...EDIT_WORDS, foldText(t('history.choice_edit'))])) return 'edit';
  return null;
}
