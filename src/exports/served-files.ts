import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import type { Redis } from 'ioredis';
import type { HttpServer } from '../http/http-server.ts';
import type { Keys } from '../store/keys.ts';
import type { FilePublisher } from '../channels/shared/file-publisher.ts';

/** The path files are served under: `/files/<token>.<ext>`. */
export const SERVED_FILES_PATH = '/files';
/** How long a served file stays reachable by default. */
export const DEFAULT_SERVED_FILE_TTL_SECONDS = 24 * 60 * 60;

/** The kinds of file served, by extension. */
const CONTENT_TYPES = new Map([
  ['.png', 'image/png'],
  ['.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['.csv', 'text/csv; charset=utf-8'],
]);
const NAME = /^([A-Za-z0-9_-]{32})(\.[a-z]{3,4})$/;

/**
 * Serves the files the bot makes (charts, workbooks, Word drafts) at unguessable, expiring addresses
 * under the public base address: Zalo's sendPhoto takes a URL, and Zalo bots cannot upload files. The
 * bytes live in Redis with a time to live, so any process behind the address can serve them and
 * nothing is left on disk. A file is offered for download under its own name.
 */
export class ServedFiles implements FilePublisher {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly http: HttpServer,
    private readonly ttlSeconds = DEFAULT_SERVED_FILE_TTL_SECONDS,
  ) {}

  get ttlHours(): number {
    return Math.round(this.ttlSeconds / 3600);
  }

  /** Adds the GET route to the HTTP server (before it listens). */
  register(): this {
    this.http.route({
      method: 'GET',
      url: `${SERVED_FILES_PATH}/:name`,
      handler: async (request, reply) => {
        const name = (request.params as { name?: unknown }).name;
        const match = typeof name === 'string' ? NAME.exec(name) : null;
        const type = match ? CONTENT_TYPES.get(match[2] ?? '') : undefined;
        const stored = match && type ? await this.redis.hgetallBuffer(this.keys.servedFile(match[1] ?? '')) : null;
        const content = stored?.content;
        if (!content || stored.ext?.toString() !== match?.[2]) return reply.code(404).send({ ok: false, status: 404 });
        const fileName = stored.name?.toString('utf8') ?? `file${match?.[2]}`;
        void reply.header('content-type', type).header('cache-control', 'private, max-age=300').header('x-content-type-options', 'nosniff');
        if (match?.[2] !== '.png') reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
        return reply.send(content);
      },
    });
    return this;
  }

  /** Stores the file and returns its public address; undefined with no public address or for a kind not served. */
  async publish(content: Buffer, fileName: string): Promise<string | undefined> {
    const ext = extname(fileName).toLowerCase();
    if (!CONTENT_TYPES.has(ext)) return undefined;
    const token = randomBytes(24).toString('base64url');
    const url = this.http.publicUrl(`${SERVED_FILES_PATH}/${token}${ext}`);
    if (!url) return undefined;
    const key = this.keys.servedFile(token);
    await this.redis.multi().hset(key, { content, ext, name: fileName }).expire(key, this.ttlSeconds).exec();
    return url;
  }
}
