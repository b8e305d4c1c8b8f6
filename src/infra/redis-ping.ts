import { Redis } from 'ioredis';

/** The outcome of one PING: answered, or why not (connection refused, timeout, NOAUTH…). */
export type PingResult = { ok: true } | { ok: false; reason: string };

/**
 * Sends one PING to the Redis at `url` with a short timeout and no retries, then disconnects.
 * Never throws: an unreachable server is a result, not an error.
 */
export async function pingRedis(url: string, timeoutMs = 500): Promise<PingResult> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // Connection errors are reported through the result; without a listener ioredis would log them.
  client.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PingResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const attempt = (async (): Promise<PingResult> => {
    try {
      await client.connect();
      const answer = await client.ping();
      return answer === 'PONG' ? { ok: true } : { ok: false, reason: `unexpected answer ${answer}` };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  })();
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** The URL with any password replaced by "***", for logs and error messages. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
