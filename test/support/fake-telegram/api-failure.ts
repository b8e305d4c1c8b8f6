/** Thrown by the fake's Bot API methods; answered as `{ ok: false, error_code, description, parameters }`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    /** Seconds; sent as parameters.retry_after. */
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

/** A numeric parameter, whether it came as a JSON number or a form string. */
export function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** A boolean parameter, whether it came as JSON or a form string. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/** The chat_id parameter as a string, or 400 like Telegram. */
export function chatIdOf(params: Record<string, unknown>): string {
  const chatId = params.chat_id;
  if (chatId === undefined || chatId === '') throw new ApiFailure(400, 'Bad Request: chat_id is empty');
  return String(chatId);
}
