/**
 * The two ways a Zalo Bot API call fails: the API answered "not ok", or no answer came.
 * Neither message carries the bot token (axios errors do, in their URL, so they are not rethrown).
 */

/**
 * The Zalo Bot API answered `{ok: false}` (or something that is not an envelope at all).
 * `errorCode` is Zalo's `error_code` (falling back to the HTTP status); `status` is the HTTP status.
 */
export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
    readonly status: number,
    /** Seconds to wait before retrying, from `parameters.retry_after` or the Retry-After header. */
    readonly retryAfterSec?: number,
  ) {
    super(`Zalo ${method} failed: ${errorCode} ${description}`);
  }

  /** An empty long poll: getUpdates waited `timeout` seconds and nothing came. Not a failure. */
  get isEmptyPoll(): boolean {
    return this.method === 'getUpdates' && this.errorCode === 408;
  }
}

/** No answer: connection refused or reset, DNS failure, client timeout, or the call was aborted. */
export class ZaloNetworkError extends Error {
  override readonly name = 'ZaloNetworkError';
  constructor(
    readonly method: string,
    /** Node's or axios' error code, e.g. ECONNREFUSED, ECONNABORTED, ERR_CANCELED. */
    readonly code: string | undefined,
    readonly aborted: boolean,
  ) {
    super(`Zalo ${method}: no answer (${code ?? 'unknown network error'})`);
  }
}
