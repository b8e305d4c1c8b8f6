import type { WebhookMode } from '../../core/channel.ts';
import type { Logger } from 'pino';
import type { HttpServer } from '../../http/http-server.ts';

/**
 * How the adapter receives updates: long polling (no public address needed), or a webhook that
 * Telegram calls at `publicUrl + path`, served by an HTTP server on `host:port`.
 */
export type TelegramMode = { kind: 'polling' } | WebhookMode;

/** Options of {@link TelegramAdapter}. */
export interface TelegramAdapterOptions {
  /** Bot token from @BotFather. */
  token: string;
  /** Bot API base URL: "https://api.telegram.org", a local Bot API server, or a fake in tests. */
  apiRoot: string;
  mode: TelegramMode;
  logger: Logger;
  /**
   * The process's one HTTP server: in webhook mode the adapter adds its route there (at construction,
   * before the server listens). Without it, webhook mode runs a server of its own on `mode.port`.
   */
  http?: HttpServer;
}
