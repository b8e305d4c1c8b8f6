import type { Logger } from 'pino';

/**
 * How the adapter receives updates: long polling (no public address needed), or a webhook that
 * Telegram calls at `publicUrl + path`, served by an HTTP server on `host:port`.
 */
export type TelegramMode =
  | { kind: 'polling' }
  | {
      kind: 'webhook';
      /** Public URL Telegram calls: the base ("https://bot.example.org", path appended) or the full URL ending with `path`. */
      publicUrl: string;
      port: number;
      /** Path of the webhook, e.g. "/telegram/webhook"; appended to publicUrl. */
      path: string;
      /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token; 1–256 of A–Z a–z 0–9 _ -. */
      secretToken: string;
      /** Interface to listen on; all interfaces when omitted. */
      host?: string;
    };

/** Options of {@link TelegramAdapter}. */
export interface TelegramAdapterOptions {
  /** Bot token from @BotFather. */
  token: string;
  /** Bot API base URL: "https://api.telegram.org", a local Bot API server, or a fake in tests. */
  apiRoot: string;
  mode: TelegramMode;
  logger: Logger;
}
