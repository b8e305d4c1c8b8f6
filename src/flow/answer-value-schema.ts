import { z } from 'zod';
import type { AnswerValue } from './form-spec.ts';

/** True for a value an answer may hold: a number, a text, yes/no, the ids of ticked options, or none. */
export function isAnswerValue(value: unknown): value is AnswerValue {
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
      return true;
    case 'object':
      return value === null || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    default:
      return false;
  }
}

/**
 * One stored answer. A type guard rather than `z.union` of five schemas: a union builds an issue for
 * every alternative that fails, and every answer of every session is checked on every message.
 */
export const answerValueSchema = z.custom<AnswerValue>(isAnswerValue, { message: 'not an answer value' });
