/**
 * The errors a channel adapter's `deliver` may throw. Each adapter maps its platform's HTTP errors
 * to exactly these, in one function, so the outbound path treats every platform alike.
 */

export type DeliveryErrorKind = 'rate_limited' | 'permanent' | 'transient';

export abstract class DeliveryError extends Error {
  abstract readonly kind: DeliveryErrorKind;
  constructor(
    message: string,
    /** The platform's own error code, if any (HTTP status or error_code). */
    readonly code?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The platform asked us to slow down (HTTP 429); try again after `retryAfterMs`. */
export class RateLimitedError extends DeliveryError {
  readonly kind = 'rate_limited' as const;
  constructor(
    message: string,
    readonly retryAfterMs: number,
    code = 429,
  ) {
    super(message, code);
  }
}

/** Retrying cannot help: blocked by the user, chat not found, bad request, bad token. */
export class PermanentDeliveryError extends DeliveryError {
  readonly kind = 'permanent' as const;
  constructor(
    message: string,
    code: number | undefined,
    /** Why, in a word the core can act on: the person is unreachable when this is 'blocked' or 'not_found'. */
    readonly reason: 'blocked' | 'not_found' | 'invalid' | 'unauthorized' | 'other',
  ) {
    super(message, code);
  }
}

/** A network failure or a 5xx: retry with backoff. */
export class TransientDeliveryError extends DeliveryError {
  readonly kind = 'transient' as const;
}
