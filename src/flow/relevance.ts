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
  const visible: Record<string, AnswerValue> = {};
  return spec.questions.map((question) => {
    const truth = question.when ? evaluateCondition(question.when, visible) : true;
    if (truth === true && hasAnswer(answers, question.id)) visible[question.id] = answers[question.id] ?? null;
    return { question, truth };
  });
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

/** Keeps only answers to questions that exist, are asked, and whose value still fits the question. */
export function pruneAnswers(spec: FormSpec, answers: Answers): Record<string, AnswerValue> {
  const fitting: Record<string, AnswerValue> = {};
  for (const question of spec.questions) {
    const value = answers[question.id];
    if (value !== undefined && answerFits(question, value)) fitting[question.id] = value;
  }
  const kept: Record<string, AnswerValue> = {};
  for (const question of relevantQuestions(spec, fitting)) {
    const value = fitting[question.id];
    if (value !== undefined) kept[question.id] = value;
  }
  return kept;
}
