import { isOneOf } from '../fold.ts';
import type { AnswerValue, QuestionKind, QuestionOf, QuestionSpec } from '../form-spec.ts';
import type { TextFn } from '../text-fn.ts';
import { decimalType } from './decimal.ts';
import { integerType } from './integer.ts';
import { multiChoiceType } from './multi-choice.ts';
import { invalid, type ParseResult, type QuestionType } from './question-type.ts';
import { singleChoiceType } from './single-choice.ts';
import { textType } from './text.ts';
import { yesNoType } from './yes-no.ts';

/** Words that skip an optional question ("bỏ qua", "bo qua", "-", "skip"), folded. */
export const SKIP_WORDS = ['bo qua', '-', 'skip', 'bo'];

const TYPES: { [K in QuestionKind]: QuestionType<QuestionOf<K>> } = {
  integer: integerType,
  decimal: decimalType,
  text: textType,
  single_choice: singleChoiceType,
  multi_choice: multiChoiceType,
  yes_no: yesNoType,
};

function typeOf(question: QuestionSpec): QuestionType<QuestionSpec> {
  return TYPES[question.type] as QuestionType<QuestionSpec>;
}

/** Reads a typed answer; optional questions also take a skip word, which answers null. */
export function parseAnswer(question: QuestionSpec, text: string, t: TextFn): ParseResult {
  if (isOneOf(text, SKIP_WORDS)) return question.required ? invalid('form.errors.required') : { ok: true, value: null };
  return typeOf(question).parse(text, question, t);
}

/** True when a stored answer (null included) is valid for the question as the form now stands. */
export function answerFits(question: QuestionSpec, value: AnswerValue): boolean {
  return value === null ? !question.required : typeOf(question).accepts(value, question);
}

/** The answer as shown to people; a skipped answer reads "(bỏ qua)". */
export function formatAnswer(question: QuestionSpec, value: AnswerValue | undefined, t: TextFn): string {
  if (value === undefined) return t('form.engine.unanswered');
  if (value === null) return t('form.engine.skipped');
  return typeOf(question).format(value, question, t);
}

/** What to type, e.g. "Nhập một số nguyên, từ 0 trở lên." */
export function questionHint(question: QuestionSpec, t: TextFn): string {
  return typeOf(question).hint(question, t);
}
