import { PermanentDeliveryError, RateLimitedError, TransientDeliveryError, type DeliveryError } from '../../core/delivery-errors.ts';
import { ZaloApiError, ZaloNetworkError } from './zalo-errors.ts';

/** Used when Zalo says 429 without saying how long to wait. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

/**
 * The one place where Zalo failures become core delivery errors, so that the outbound path
 * treats Zalo exactly like Telegram: 429 → rate limited; 401 → unauthorized; 403 or "blocked" →
 * blocked; 404 or "not found" → not found; other 4xx → invalid; 408, 5xx and no answer → transient.
 */
export function mapZaloError(error: unknown): DeliveryError {
  if (error instanceof ZaloApiError) return mapApiError(error);
  if (error instanceof ZaloNetworkError) return new TransientDeliveryError(error.message);
  return new TransientDeliveryError(error instanceof Error ? error.message : String(error));
}

function mapApiError(error: ZaloApiError): DeliveryError {
  const code = error.errorCode;
  const text = error.description.toLowerCase();
  if (code === 429) {
    const ms = error.retryAfterSec !== undefined ? error.retryAfterSec * 1000 : DEFAULT_RETRY_AFTER_MS;
    return new RateLimitedError(error.message, ms, code);
  }
  if (code === 401) return new PermanentDeliveryError(error.message, code, 'unauthorized');
  if (code === 403 || /block/.test(text)) return new PermanentDeliveryError(error.message, code, 'blocked');
  if (code === 404 || /not found|not exist|không tồn tại/.test(text)) {
    return new PermanentDeliveryError(error.message, code, 'not_found');
  }
  if (code === 408 || code >= 500 || error.status >= 500) return new TransientDeliveryError(error.message, code);
  if (code >= 400 && code < 500) return new PermanentDeliveryError(error.message, code, 'invalid');
  return new PermanentDeliveryError(error.message, code, 'other');
}
