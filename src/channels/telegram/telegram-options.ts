import type { WebhookMode } from '../../core/channel.ts';
import type { Logger } from 'pino';

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
}
