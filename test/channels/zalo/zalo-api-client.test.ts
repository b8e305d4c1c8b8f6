import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ZaloApiClient } from '../../../src/channels/zalo/zalo-api-client.ts';
import { ZaloApiError, ZaloNetworkError } from '../../../src/channels/zalo/zalo-errors.ts';

const TOKEN = '42:secret-token-value';
let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A one-answer API on loopback; records the paths and bodies it was called with. */
async function api(status: number, body: string, headers: Record<string, string> = {}) {
  const seen: { path: string; body: string }[] = [];
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', body: data });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { root: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

describe('ZaloApiClient', () => {
  it('posts JSON to /bot<token>/<method> and returns result', async () => {
    const { root, seen } = await api(200, JSON.stringify({ ok: true, result: { message_id: 'm1', date: 1 } }));
    const result = await new ZaloApiClient(TOKEN, root).call<{ message_id: string }>('sendMessage', { chat_id: 'c', text: 'x' });
    expect(result.message_id).toBe('m1');
    expect(seen).toEqual([{ path: `/bot${TOKEN}/sendMessage`, body: '{"chat_id":"c","text":"x"}' }]);
  });

  it('throws ZaloApiError for ok:false even with HTTP 200, keeping retry_after', async () => {
    const { root } = await api(
      200,
      JSON.stringify({ ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 3 } }),
    );
    const error = await new ZaloApiClient(TOKEN, root).call('sendMessage').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({ errorCode: 429, status: 200, retryAfterSec: 3, description: 'Too Many Requests' });
  });

  it('reads Retry-After when the body has no retry_after', async () => {
    const { root } = await api(429, JSON.stringify({ ok: false, error_code: 429, description: 'slow down' }), { 'retry-after': '5' });
    await expect(new ZaloApiClient(TOKEN, root).call('sendMessage')).rejects.toMatchObject({ retryAfterSec: 5 });
  });

  it('turns an answer that is not an envelope into ZaloApiError with the HTTP status', async () => {
    const { root } = await api(502, '<html>Bad Gateway</html>');
    await expect(new ZaloApiClient(TOKEN, root).call('getMe')).rejects.toMatchObject({ name: 'ZaloApiError', errorCode: 502, status: 502 });
  });

  it('turns no answer into ZaloNetworkError without leaking the token', async () => {
    const { root } = await api(200, '{}');
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const error = await new ZaloApiClient(TOKEN, root).call('getMe').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloNetworkError);
    expect(JSON.stringify(error) + String(error)).not.toContain('secret-token-value');
  });
});
