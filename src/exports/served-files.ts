import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { HttpServer } from '../http/http-server.ts';
import type { Keys } from '../store/keys.ts';
import type { PhotoPublisher } from '../channels/shared/photo-publisher.ts';

/** The path pictures are served under: `/files/<token>.png`. */
export const SERVED_FILES_PATH = '/files';
/** How long a served picture stays reachable by default. */
export const DEFAULT_SERVED_FILE_TTL_SECONDS = 24 * 60 * 60;

const NAME = /^([A-Za-z0-9_-]{32})\.png$/;

/**
 * Serves the PNGs the bot makes (charts) at unguessable, expiring addresses under the public base
 * address, for Zalo's sendPhoto, which takes a URL. The bytes live in Redis with a time to live, so
 * any process behind the same address can serve them and nothing is left on disk.
 */
export class ServedFiles implements PhotoPublisher {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly http: HttpServer,
    private readonly ttlSeconds = DEFAULT_SERVED_FILE_TTL_SECONDS,
  ) {}

  /** Adds the GET route to the HTTP server (before it listens). */
  register(): this {
    this.http.route({
      method: 'GET',
      url: `${SERVED_FILES_PATH}/:name`,
      handler: async (request, reply) => {
        const name = (request.params as { name?: unknown }).name;
        const token = typeof name === 'string' ? NAME.exec(name)?.[1] : undefined;
        const content = token ? await this.redis.getBuffer(this.keys.servedFile(token)) : null;
        if (!content) return reply.code(404).send({ ok: false, status: 404 });
        return reply
          .header('content-type', 'image/png')
          .header('cache-control', 'private, max-age=300')
          .header('x-content-type-options', 'nosniff')
          .send(content);
      },
    });
    return this;
  }

  /** Stores the picture and returns its public address; undefined when the server has no public address. */
  async publish(content: Buffer): Promise<string | undefined> {
    const token = randomBytes(24).toString('base64url');
    const url = this.http.publicUrl(`${SERVED_FILES_PATH}/${token}.png`);
    if (!url) return undefined;
    await this.redis.set(this.keys.servedFile(token), content, 'EX', this.ttlSeconds);
    return url;
  }
}
