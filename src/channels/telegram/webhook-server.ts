import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

/** Telegram sends bodies far smaller than this; anything bigger is not from Telegram. */
const MAX_BODY_BYTES = 1024 * 1024;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Options of {@link startWebhookServer}. */
export interface WebhookServerOptions {
  port: number;
  host?: string;
  path: string;
  secretToken: string;
  logger: Logger;
  /** Handles one parsed update; the HTTP answer is sent once it resolves. */
  onUpdate(update: unknown): Promise<void>;
}

/** A running webhook server. */
export interface WebhookServer {
  /** The port actually listened on (useful when 0 was asked for). */
  readonly port: number;
  /** Stops accepting requests and closes open connections. */
  close(): Promise<void>;
}

/**
 * Serves Telegram's webhook calls. Every request must carry the secret token (compared in
 * constant time) or gets 401 and is not read; then only POST to `path` with a JSON body is accepted.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const expected = digest(options.secretToken);
  const server = createServer((req, res) => {
    handle(req, res, options, expected).catch((err: unknown) => {
      options.logger.warn({ err }, 'webhook request failed');
      if (!res.headersSent) answer(res, 500);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: WebhookServerOptions, expected: Buffer): Promise<void> {
  const given = req.headers[SECRET_HEADER];
  if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
    options.logger.warn({ url: req.url }, 'webhook request with a wrong secret token');
    return answer(res, 401);
  }
  if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== options.path) {
    return answer(res, 404);
  }
  const body = await readBody(req);
  if (body === 'too_large') return answer(res, 413);
  let update: unknown;
  try {
    update = JSON.parse(body.toString('utf8'));
  } catch {
    return answer(res, 400);
  }
  try {
    await options.onUpdate(update);
  } catch (err) {
    // Telegram would redeliver on an error status; the failure is logged and not retried, as with polling.
    options.logger.error({ err }, 'webhook update failed');
  }
  answer(res, 200);
}

/** Hashing first makes both sides equally long, as timingSafeEqual requires, without leaking the length. */
function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(status === 200 ? '{}' : JSON.stringify({ ok: false, status }));
}
