import { describe, expect, it } from 'vitest';
import { PermanentDeliveryError, RateLimitedError, TransientDeliveryError } from '../../../src/core/delivery-errors.ts';
import { DEFAULT_RETRY_AFTER_MS, mapZaloError } from '../../../src/channels/zalo/map-zalo-error.ts';
import { ZaloApiError, ZaloNetworkError } from '../../../src/channels/zalo/zalo-errors.ts';

const api = (errorCode: number, description = '', status = 200, retryAfterSec?: number): ZaloApiError =>
  new ZaloApiError('sendMessage', errorCode, description, status, retryAfterSec);

describe('mapZaloError', () => {
  it('maps 429 to rate limited, with retry_after when given and 1 s otherwise', () => {
    const given = mapZaloError(api(429, 'Too Many Requests', 429, 7));
    expect(given).toBeInstanceOf(RateLimitedError);
    expect((given as RateLimitedError).retryAfterMs).toBe(7000);
    expect((mapZaloError(api(429)) as RateLimitedError).retryAfterMs).toBe(DEFAULT_RETRY_AFTER_MS);
  });

  it.each([
    [api(401, 'Unauthorized', 401), 'unauthorized'],
    [api(403, 'Forbidden', 403), 'blocked'],
    [api(400, 'User has blocked the bot'), 'blocked'],
    [api(404, 'Not Found', 404), 'not_found'],
    [api(400, 'Bad Request: chat not found'), 'not_found'],
    [api(400, 'Bad Request: text must be 1-2000 characters', 400), 'invalid'],
    [api(-201, 'Something unexpected'), 'other'],
  ])('maps %s to a permanent failure (%s)', (error, reason) => {
    const mapped = mapZaloError(error);
    expect(mapped).toBeInstanceOf(PermanentDeliveryError);
    expect((mapped as PermanentDeliveryError).reason).toBe(reason);
  });

  it.each([
    [api(500, 'Internal Server Error', 500)],
    [api(502, 'Bad Gateway', 502)],
    [api(408, 'Request timeout')],
    [new ZaloNetworkError('sendMessage', 'ECONNREFUSED', false)],
    [new Error('socket hang up')],
  ])('maps %s to a transient failure', (error) => {
    expect(mapZaloError(error)).toBeInstanceOf(TransientDeliveryError);
  });
});
