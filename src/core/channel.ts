import type { ChannelName, InboundMessage, OutboundMessage } from './messages.ts';

/** Called by an adapter for every inbound message; resolves once the core has handled it. */
export type InboundHandler = (message: InboundMessage) => Promise<void>;

/** A command shown in the platform's command menu (Telegram setMyCommands). */
export interface CommandInfo {
  command: string;
  description: string;
}

/**
 * A chat platform. An adapter turns platform updates into {@link InboundMessage}s and sends
 * {@link OutboundMessage}s. It holds no business logic. `deliver` throws only the errors of
 * `delivery-errors.ts`, so that the outbound path can decide on retries the same way for every channel.
 */
export interface ChannelAdapter {
  readonly channel: ChannelName;
  /** Starts receiving (long polling or webhook). Resolves once receiving has started. */
  start(handler: InboundHandler): Promise<void>;
  /** Stops receiving and releases sockets and timers. */
  stop(): Promise<void>;
  /** Sends one message to one chat, with no retry or rate limiting of its own. */
  deliver(chatId: string, message: OutboundMessage): Promise<void>;
  /** Publishes the command menu, where the platform has one. */
  setCommands?(commands: CommandInfo[], languageCode?: string): Promise<void>;
  /** How a person joins with an invite code on this channel: a deep link where there is one. */
  inviteLink(code: string): string | undefined;
  /** How receiving is doing, for the health check. */
  status?(): ChannelStatus;
}

/** How an adapter's receiving is doing (shown by /healthz). */
export interface ChannelStatus {
  mode: 'polling' | 'webhook' | 'terminal';
  /** Polling: when the last request for updates succeeded (an empty answer counts), if any yet. */
  lastPollAt?: Date;
  /** When the last update arrived, if any yet. */
  lastReceivedAt?: Date;
}

/** Receiving through a webhook the platform calls: `publicUrl` (+ `path`), served on `host:port`. */
export interface WebhookMode {
  kind: 'webhook';
  /** Public HTTPS address the platform calls: the base, or the full address ending with `path`. */
  publicUrl: string;
  port: number;
  /** Path served by this process, e.g. "/telegram". */
  path: string;
  /** Sent back by the platform in a header on every request, checked in constant time. */
  secretToken: string;
  /** Interface to listen on; all interfaces when omitted. */
  host?: string;
}
