import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { UpdateNotTakenError } from '../core/update-not-taken.ts';
import { DEFAULT_BODY_LIMIT, methodNotAllowed, type HttpServer } from './http-server.ts';

/** What the handler of a webhook made of one request body. */
export type WebhookOutcome = 'taken' | 'invalid';

/** Settings of {@link addWebhookRoute}. */
export interface WebhookRouteOptions {
  /** Path the platform posts to, e.g. "/telegram". */
  path: string;
  /** Lower-case name of the header carrying the secret, e.g. "x-telegram-bot-api-secret-token". */
  secretHeader: string;
  secretToken: string;
  logger: Logger;
  /** Largest accepted body, in bytes (default 1 MiB: updates are far smaller). */
  bodyLimit?: number;
  /**
   * Handles one parsed JSON body. Resolves once the update is durably taken (handled, or kept in
   * Redis), or with 'invalid' for a body that is not an update; throws {@link UpdateNotTakenError}
   * when it could not be taken, so the platform delivers it again.
   */
  onUpdate(body: unknown): Promise<WebhookOutcome>;
}

/** The status codes a webhook answers with, the same on every platform. */
export const WEBHOOK_STATUS = {
  taken: 200,
  invalidBody: 400,
  wrongSecret: 401,
  notFound: 404,
  wrongMethod: 405,
  tooLarge: 413,
  notTaken: 503,
  failed: 500,
} as const;

/**
 * Serves a platform's webhook on the one HTTP server. In order: another path 404, another method
 * 405, a missing or wrong secret 401 (compared in constant time, before the body is read, nothing
 * in the request processed), a body over the limit 413, a body that is not JSON or not an update
 * 400; then 200 once the update is taken, 503 when it could not be (the platform retries).
 */
export function addWebhookRoute(http: HttpServer, options: WebhookRouteOptions): void {
  const expected = digest(options.secretToken);
  http.route(methodNotAllowed(options.path, 'POST'));
  http.route({
    method: 'POST',
    url: options.path,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
      const given = request.headers[options.secretHeader];
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
        options.logger.warn({ url: request.url, remote: request.ip }, 'webhook request with a wrong secret token');
        return reply.code(WEBHOOK_STATUS.wrongSecret).header('connection', 'close').send({ ok: false, status: 401 });
      }
      return undefined;
    },
    handler: async (request, reply) => {
      const body = parseBody(request.body);
      if (body === undefined) return reply.code(WEBHOOK_STATUS.invalidBody).send({ ok: false, status: 400 });
      try {
        const outcome = await options.onUpdate(body);
        if (outcome === 'invalid') return reply.code(WEBHOOK_STATUS.invalidBody).send({ ok: false, status: 400 });
        return reply.code(WEBHOOK_STATUS.taken).send({ ok: true });
      } catch (error) {
        if (error instanceof UpdateNotTakenError) {
          options.logger.warn({ updateKey: error.updateKey, err: error.cause }, 'webhook update not taken; the platform will retry');
          return reply.code(WEBHOOK_STATUS.notTaken).send({ ok: false, status: 503 });
        }
        options.logger.error({ err: error }, 'webhook update failed');
        return reply.code(WEBHOOK_STATUS.failed).send({ ok: false, status: 500 });
      }
    },
  });
}

/** Hashing first makes both sides equally long, as timingSafeEqual requires, without leaking the length. */
function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** The JSON body (already parsed for application/json; raw bytes otherwise), or undefined if not JSON. */
function parseBody(body: unknown): unknown {
  if (!Buffer.isBuffer(body)) return body ?? undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
