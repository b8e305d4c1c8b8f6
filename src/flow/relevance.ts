import { evaluateCondition, type Truth } from './condition.ts';
import type { AnswerValue, FormSpec, QuestionSpec } from './form-spec.ts';
import { answerFits } from './question-types/index.ts';

export type Answers = Readonly<Record<string, AnswerValue>>;

export function hasAnswer(answers: Answers, questionId: string): boolean {
  return Object.prototype.hasOwnProperty.call(answers, questionId);
}

/**
 * Each question with whether it is asked. A condition sees only the answers of questions that are
 * themselves asked, so an answer left over from a question that no longer applies changes nothing.
 */
function questionTruths(spec: FormSpec, answers: Answers): { question: QuestionSpec; truth: Truth }[] {
  return walk(spec, answers).truths;
}

/**
 * Walks the form in order. A condition sees the answers of asked questions; a question that is not asked
 * reads as empty (null, as in XLSForm), so conditions on it are settled rather than waiting for it.
 */
function walk(
  spec: FormSpec,
  answers: Answers,
): { truths: { question: QuestionSpec; truth: Truth }[]; visible: Record<string, AnswerValue> } {
  const visible: Record<string, AnswerValue> = {};
  const truths = spec.questions.map((question) => {
    const truth = question.when ? evaluateCondition(question.when, visible) : true;
    if (truth === true && hasAnswer(answers, question.id)) visible[question.id] = answers[question.id] ?? null;
    if (truth === false) visible[question.id] = null;
    return { question, truth };
  });
  return { truths, visible };
}

/** The answers a condition sees: those of asked questions, and null for questions not asked. */
export function visibleAnswers(spec: FormSpec, answers: Answers): Record<string, AnswerValue> {
  return walk(spec, answers).visible;
}

/** False when the question's constraint fails for this value given the other answers (a skipped answer passes). */
export function constraintHolds(spec: FormSpec, question: QuestionSpec, value: AnswerValue, answers: Answers): boolean {
  if (!question.constraint || value === null) return true;
  const others = { ...visibleAnswers(spec, answers) };
  delete others[question.id];
  return evaluateCondition(question.constraint, others, value) !== false;
}

/** The questions asked given these answers, in form order (a question whose condition is not yet known is not). */
export function relevantQuestions(spec: FormSpec, answers: Answers): QuestionSpec[] {
  return questionTruths(spec, answers)
    .filter((q) => q.truth === true)
    .map((q) => q.question);
}

/** The first asked question without an answer, if any. */
export function nextQuestion(spec: FormSpec, answers: Answers): QuestionSpec | undefined {
  return relevantQuestions(spec, answers).find((q) => !hasAnswer(answers, q.id));
}

/** "Câu index/total": total counts the questions that are or may still become relevant. */
export function progress(spec: FormSpec, answers: Answers, questionId: string): { index: number; total: number } {
  const possible = questionTruths(spec, answers)
    .filter((q) => q.truth !== false)
    .map((q) => q.question.id);
  const position = possible.indexOf(questionId);
  return { index: position < 0 ? possible.length : position + 1, total: possible.length };
}

/**
 * Keeps only answers to questions that exist, are asked, whose value still fits the question and whose
 * constraint still holds given the other answers (an answer that broke a cross-field rule when another
 * answer changed is dropped, so it is asked again).
 */
export function pruneAnswers(spec: FormSpec, answers: Answers): Record<string, AnswerValue> {
  let fitting: Record<string, AnswerValue> = {};
  for (const question of spec.questions) {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (value !== undefined && answerFits(question, value)) fitting[question.id] = value;
  }
  // Each round drops at least one answer or stops, so this ends within the number of questions.
  for (;;) {
    const kept: Record<string, AnswerValue> = {};
    for (const question of relevantQuestions(spec, fitting)) {
      const value = fitting[question.id];
      if (value !== undefined) kept[question.id] = value;
    }
    const broken = spec.questions.find((q) => Object.hasOwn(kept, q.id) && !constraintHolds(spec, q, kept[q.id] ?? null, kept));
    if (!broken) return kept;
    delete kept[broken.id];
    fitting = kept;
  }
}
