import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { Logger } from 'pino';

/** Settings of the {@link HttpServer}. */
export interface HttpServerOptions {
  /** Port to listen on; 0 picks a free one (see {@link HttpServer.port}). */
  port: number;
  /** Interface to listen on; default all IPv4 interfaces ("0.0.0.0"). */
  host?: string;
  logger: Logger;
  /**
   * The public HTTPS base address the platforms reach this server at (e.g. "https://bot.example.org"),
   * when there is one: {@link HttpServer.publicUrl} builds addresses under it.
   */
  publicBaseUrl?: string;
}

/** Largest request body any route accepts unless it says otherwise. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The one HTTP server of a doanbot process (fastify): the Telegram and Zalo webhooks, `/healthz`,
 * `/metrics` and whatever other modules add (files served to Zalo). Every route is registered before
 * {@link listen}; fastify refuses routes added later. Unknown paths get 404, a known path called with
 * another method 405 (see {@link methodNotAllowed}).
 */
export class HttpServer {
  /** The fastify instance, to add routes or encapsulated plugins to (before `listen`). */
  readonly app: FastifyInstance;
  private listening = false;
  private boundPort: number | undefined;

  constructor(private readonly options: HttpServerOptions) {
    this.app = Fastify({
      logger: false,
      bodyLimit: DEFAULT_BODY_LIMIT,
      // A slow or stuck client cannot hold a socket for long. On close() idle keep-alive sockets are
      // closed, while requests in flight (a webhook waiting for its update to be handled) finish.
      requestTimeout: 60_000,
      connectionTimeout: 60_000,
      forceCloseConnections: 'idle',
      return503OnClosing: true,
    });
    // Webhooks read any content type (a platform may omit it); their route parses the JSON itself.
    this.app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    this.app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
      if (status >= 500) this.options.logger.error({ err: error, url: request.url }, 'http request failed');
      void reply.code(status).send({ ok: false, status });
    });
    this.app.setNotFoundHandler((_request, reply) => {
      void reply.code(404).send({ ok: false, status: 404 });
    });
  }

  /**
   * Adds a route (fastify's route options: method, url, handler, hooks, bodyLimit…). Other modules
   * use this to serve their own paths on the one server; call it before {@link listen}.
   */
  route(options: RouteOptions): this {
    if (this.listening) throw new Error(`route ${options.url} added after the HTTP server started listening`);
    this.app.route(options);
    return this;
  }

  /** The public address of `path` (under `publicBaseUrl`), or undefined when the server has none. */
  publicUrl(path: string): string | undefined {
    const base = this.options.publicBaseUrl?.replace(/\/+$/, '');
    return base ? `${base}${path.startsWith('/') ? path : `/${path}`}` : undefined;
  }

  /** Starts listening; resolves with the port actually bound. */
  async listen(): Promise<number> {
    this.listening = true;
    await this.app.listen({ port: this.options.port, host: this.options.host ?? '0.0.0.0' });
    const address = this.app.server.address();
    this.boundPort = typeof address === 'object' && address ? address.port : this.options.port;
    this.options.logger.info({ port: this.boundPort, host: this.options.host ?? '0.0.0.0' }, 'http server listening');
    return this.boundPort;
  }

  /** The port listened on, once {@link listen} resolved. */
  get port(): number | undefined {
    return this.boundPort;
  }

  /** Stops accepting requests, lets those in flight finish, closes every socket. */
  async close(): Promise<void> {
    await this.app.close();
  }
}

/** Answers 405 to the other methods of a path served by a POST (or GET) route. */
export function methodNotAllowed(url: string, allowed: 'POST' | 'GET'): RouteOptions {
  const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'].filter((m) => m !== allowed);
  return {
    method: methods,
    url,
    handler: async (_request, reply) => reply.code(405).header('allow', allowed).send({ ok: false, status: 405 }),
  };
}
