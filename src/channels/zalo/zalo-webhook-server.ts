import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { secretMatches } from './secret-token.ts';
import { unwrapUpdate } from './to-inbound.ts';
import type { ZaloUpdate } from './zalo-types.ts';

export interface ZaloWebhookServerOptions {
  port: number;
  /** Interface to listen on (default all interfaces). */
  host?: string;
  /** The path Zalo posts to, e.g. "/zalo/webhook". */
  path: string;
  secretToken: string;
  logger: Logger;
  /** Called for every accepted update after the 200 answer has been sent; must not throw. */
  onUpdate: (update: ZaloUpdate) => void;
}

const MAX_BODY_BYTES = 1024 * 1024;
export const SECRET_HEADER = 'x-bot-api-secret-token';

/**
 * The HTTP endpoint Zalo posts updates to. A request without the `X-Bot-Api-Secret-Token` header,
 * or with a wrong one, is refused with 403 before its body is read, and nothing in it is processed.
 * Accepted updates are answered 200 at once and handed on.
 */
export class ZaloWebhookServer {
  private readonly server: Server;

  constructor(private readonly options: ZaloWebhookServerOptions) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  /** Listens; resolves with the port actually bound. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : this.options.port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const { logger, path, secretToken, onUpdate } = this.options;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== path) return refuse(req, res, 404);
    if (req.method !== 'POST') return refuse(req, res, 405);
    if (!secretMatches(req.headers[SECRET_HEADER], secretToken)) {
      logger.warn({ remote: req.socket.remoteAddress }, 'zalo webhook refused: missing or wrong secret token');
      return refuse(req, res, 403);
    }
    readBody(req).then(
      (body) => {
        if (body === null) return refuse(req, res, 413);
        let update: ZaloUpdate | null = null;
        try {
          update = unwrapUpdate(JSON.parse(body.toString('utf8')));
        } catch {
          update = null;
        }
        if (!update) return refuse(req, res, 400);
        answer(res, 200);
        onUpdate(update);
      },
      () => refuse(req, res, 400),
    );
  }
}

function answer(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(status === 200 ? { ok: true } : { ok: false }));
}

/** Answers with an error status and drops whatever body is still coming. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  req.resume();
  answer(res, status);
}

/** The request body, or null once it exceeds the size limit. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
