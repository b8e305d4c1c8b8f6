import { TelegramError } from 'telegraf';
import { PermanentDeliveryError, RateLimitedError, TransientDeliveryError, type DeliveryError } from '../../core/delivery-errors.ts';

/** Error codes of Node sockets and fetch that mean "the network failed; trying again may work". */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Names of errors thrown by node-fetch (telegraf's HTTP client), p-timeout and aborts. */
const NETWORK_ERROR_NAMES = new Set(['FetchError', 'AbortError', 'TimeoutError']);

/** Used when Telegram answers 429 without `retry_after` (it normally sends one). */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * The one place where Telegram failures become the shared delivery errors. 429 → rate limited;
 * 401 (bad token), 403 (blocked, deactivated, kicked: the chat can't be written to) and 400
 * (chat not found, bad request) → permanent; 5xx and network failures → transient. Anything
 * else is a permanent error with reason 'other', keeping the original as `cause`.
 */
export function mapTelegramError(error: unknown): DeliveryError {
  const mapped = classify(error);
  mapped.cause = error;
  return mapped;
}

function classify(error: unknown): DeliveryError {
  if (error instanceof TelegramError) return fromTelegramError(error);
  const { name, code, message } = describe(error);
  if (NETWORK_ERROR_NAMES.has(name) || (code !== undefined && NETWORK_ERROR_CODES.has(code))) {
    return new TransientDeliveryError(`Telegram unreachable: ${message}`);
  }
  return new PermanentDeliveryError(`Telegram call failed: ${message}`, undefined, 'other');
}

function fromTelegramError(error: TelegramError): DeliveryError {
  const code = error.code;
  const description = error.description ?? '';
  const text = `Telegram ${code}: ${description}`;
  if (code === 429) {
    const seconds = error.parameters?.retry_after ?? DEFAULT_RETRY_AFTER_SECONDS;
    return new RateLimitedError(text, seconds * 1000, code);
  }
  if (code >= 500) return new TransientDeliveryError(text, code);
  if (code === 401) return new PermanentDeliveryError(text, code, 'unauthorized');
  if (code === 403) return new PermanentDeliveryError(text, code, 'blocked');
  if (code === 400) {
    const gone = /chat not found|user not found|peer_id_invalid/i.test(description);
    const migrated = error.parameters?.migrate_to_chat_id !== undefined;
    return new PermanentDeliveryError(text, code, gone || migrated ? 'not_found' : 'invalid');
  }
  return new PermanentDeliveryError(text, code, 'other');
}

/** Reads name, code and message from anything thrown, including a `cause` one level down. */
function describe(error: unknown): { name: string; code: string | undefined; message: string } {
  if (!(error instanceof Error)) return { name: '', code: undefined, message: String(error) };
  const own = (error as { code?: unknown }).code;
  const causeCode = (error.cause as { code?: unknown } | undefined)?.code;
  const code = typeof own === 'string' ? own : typeof causeCode === 'string' ? causeCode : undefined;
  return { name: error.name, code, message: error.message };
}
