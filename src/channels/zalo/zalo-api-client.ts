import axios, { type AxiosInstance } from 'axios';
import { ZaloApiError, ZaloNetworkError } from './zalo-errors.ts';

/** Per-call options. */
export interface ZaloCallOptions {
  signal?: AbortSignal;
  /** Client-side timeout in milliseconds (default 15 s; long polls pass more). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * A minimal Zalo Bot API client: POST `<apiRoot>/bot<token>/<method>` with a JSON body, and the
 * `{ok, result}` / `{ok: false, error_code, description}` envelope checked on every answer,
 * whatever the HTTP status (Zalo sometimes answers errors with HTTP 200).
 */
export class ZaloApiClient {
  private readonly http: AxiosInstance;

  constructor(token: string, apiRoot: string) {
    this.http = axios.create({
      baseURL: `${apiRoot.replace(/\/+$/, '')}/bot${token}/`,
      headers: { 'Content-Type': 'application/json' },
      validateStatus: () => true,
      timeout: DEFAULT_TIMEOUT_MS,
    });
  }

  /** Calls one method; resolves with `result`, or throws {@link ZaloApiError} / {@link ZaloNetworkError}. */
  async call<T>(method: string, body: Record<string, unknown> = {}, options: ZaloCallOptions = {}): Promise<T> {
    let response;
    try {
      response = await this.http.post<unknown>(method, body, {
        signal: options.signal,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
    } catch (error) {
      const code = axios.isAxiosError(error) ? error.code : undefined;
      throw new ZaloNetworkError(method, code, options.signal?.aborted === true || axios.isCancel(error));
    }
    const data = response.data;
    const retryAfterHeader = Number(response.headers['retry-after']);
    const headerRetry = Number.isFinite(retryAfterHeader) && retryAfterHeader > 0 ? retryAfterHeader : undefined;
    if (!isEnvelope(data)) {
      throw new ZaloApiError(method, response.status, response.statusText || 'not a Zalo envelope', response.status, headerRetry);
    }
    if (data.ok) return data.result as T;
    const retryAfter = typeof data.parameters?.retry_after === 'number' ? data.parameters.retry_after : headerRetry;
    throw new ZaloApiError(
      method,
      typeof data.error_code === 'number' ? data.error_code : response.status,
      typeof data.description === 'string' ? data.description : '',
      response.status,
      retryAfter,
    );
  }
}

interface LooseEnvelope {
  ok: boolean;
  result?: unknown;
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown };
}

function isEnvelope(data: unknown): data is LooseEnvelope {
  return typeof data === 'object' && data !== null && typeof (data as { ok?: unknown }).ok === 'boolean';
}
