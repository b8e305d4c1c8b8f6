import type { ChannelStatus } from '../core/channel.ts';
import type { ChannelName } from '../core/messages.ts';
import type { HttpServer } from './http-server.ts';

/** What `/healthz` looks at. */
export interface HealthSources {
  /** Resolves when Redis answers PING; rejects otherwise. */
  pingRedis(): Promise<unknown>;
  /** Whether the reminder worker (BullMQ) is taking jobs. */
  remindersRunning(): boolean;
  /** Each channel's receiving status, and when it last delivered a message. */
  channels(): { channel: ChannelName; status: ChannelStatus | undefined; lastSentAt: Date | undefined }[];
  /** When the process started (a poller that has not polled yet counts from here). */
  startedAt: Date;
  clock?: () => Date;
}

/** A poller whose last successful request is older than this is not receiving (polls last ≤ 50 s). */
export const POLL_STALE_MS = 120_000;
/** How long `/healthz` waits for Redis before calling it down. */
const PING_TIMEOUT_MS = 1000;

type Check = { ok: boolean; error?: string };

/**
 * `GET /healthz`: 200 when Redis answers PING, the reminder worker runs and every polling channel
 * polled successfully within the last two minutes; else 503. The body says which check failed and
 * each channel's last successful poll, last update received and last message delivered.
 */
export function addHealthRoute(http: HttpServer, sources: HealthSources): void {
  http.route({
    method: 'GET',
    url: '/healthz',
    handler: async (_request, reply) => {
      const now = (sources.clock ?? (() => new Date()))();
      const redis = await ping(sources);
      const reminders: Check = sources.remindersRunning() ? { ok: true } : { ok: false, error: 'the reminder worker is not running' };
      const channels = Object.fromEntries(
        sources.channels().map(({ channel, status, lastSentAt }) => {
          const polling = status?.mode === 'polling';
          const lastPoll = status?.lastPollAt ?? sources.startedAt;
          const ok = !polling || now.getTime() - lastPoll.getTime() <= POLL_STALE_MS;
          return [
            channel,
            {
              ok,
              ...(ok ? {} : { error: `no successful poll since ${lastPoll.toISOString()}` }),
              mode: status?.mode,
              lastPollAt: status?.lastPollAt?.toISOString(),
              lastReceivedAt: status?.lastReceivedAt?.toISOString(),
              lastSentAt: lastSentAt?.toISOString(),
            },
          ];
        }),
      );
      const healthy = redis.ok && reminders.ok && Object.values(channels).every((c) => c.ok);
      return reply
        .code(healthy ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ status: healthy ? 'ok' : 'unhealthy', redis, reminders, channels });
    },
  });
}

async function ping(sources: HealthSources): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sources.pingRedis(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
