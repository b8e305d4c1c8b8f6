import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { ChannelAdapter, ChannelStatus, InboundHandler, WebhookMode } from '../../core/channel.ts';
import { PermanentDeliveryError } from '../../core/delivery-errors.ts';
import type { InboundMessage, OutboundMessage } from '../../core/messages.ts';
import { DEFAULT_LANG, Translator, type Lang } from '../../i18n/translator.ts';
import { KeyedSerialQueue } from '../../core/keyed-serial-queue.ts';
import { mapZaloError } from './map-zalo-error.ts';
import { renderOutbound, type ZaloSend } from './render-outbound.ts';
import { splitText } from '../shared/split-text.ts';
import { PartProgress } from '../shared/part-progress.ts';
import { toInbound, unwrapUpdate } from './to-inbound.ts';
import { ZaloApiClient } from './zalo-api-client.ts';
import { ZaloPoller } from './zalo-poller.ts';
import type { ZaloUpdate } from './zalo-types.ts';
import { HttpServer } from '../../http/http-server.ts';
import type { FilePublisher } from '../shared/file-publisher.ts';
import { addWebhookRoute, type WebhookOutcome } from '../../http/webhook-route.ts';
import { webhookUrl } from '../shared/webhook-url.ts';
import { UpdateNotTakenError } from '../../core/update-not-taken.ts';

/** Header the Zalo Bot Platform sends the webhook's secret token in. */
export const ZALO_SECRET_HEADER = 'x-bot-api-secret-token';

/** How updates arrive: long polling (development) or a webhook Zalo posts to (production). */
export type ZaloMode = { kind: 'polling'; pollTimeoutSec?: number } | WebhookMode;

export interface ZaloAdapterOptions {
  token: string;
  /** ZALO_API_ROOT, normally https://bot-api.zaloplatforms.com */
  apiRoot: string;
  mode: ZaloMode;
  logger: Logger;
  /** Zalo's limit per text message (default 2,000). */
  maxTextLength?: number;
  /** Texts of the `zalo` namespace (choice hint, file fallback); default: the repository's locales/. */
  translator?: Translator;
  /** Language of those texts (default Vietnamese). */
  lang?: Lang;
  /**
   * The process's one HTTP server: in webhook mode the adapter adds its route there (at construction,
   * before the server listens). Without it, webhook mode runs a server of its own on `mode.port`.
   */
  http?: HttpServer;
  /** Where files and pictures the bot makes get a public address; none: pictures are left out, files named. */
  files?: FilePublisher;
}

export const ZALO_MAX_TEXT_LENGTH = 2000;

/**
 * The Zalo Bot Platform channel, over plain HTTP (axios). Zalo has no buttons, no deep links and
 * no command menu: choices are numbered lines, and a person joins by sending "/start CODE".
 * `deliver` throws only core delivery errors, mapped by {@link mapZaloError}.
 */
export class ZaloAdapter implements ChannelAdapter {
  readonly channel = 'zalo' as const;
  private readonly client: ZaloApiClient;
  private readonly logger: Logger;
  private readonly translator: Translator;
  private readonly queue: KeyedSerialQueue;
  private receiver: { stop(): Promise<void> } | undefined;
  private readonly progress = new PartProgress();
  private handler: InboundHandler | undefined;
  private ownPort: number | undefined;
  private poller: ZaloPoller | undefined;
  private lastReceivedAt: Date | undefined;

  constructor(private readonly options: ZaloAdapterOptions) {
    this.client = new ZaloApiClient(options.token, options.apiRoot);
    this.logger = options.logger.child({ platform: 'zalo' });
    this.translator = options.translator ?? Translator.fromDirectory(fileURLToPath(new URL('../../../locales', import.meta.url)));
    this.queue = new KeyedSerialQueue();
    // Routes go on the shared server now: it listens before the channels start.
    if (options.http && options.mode.kind === 'webhook') this.addRoute(options.http, options.mode);
  }

  /** Port the webhook is served on once started in webhook mode (useful when port 0 was asked for). */
  get webhookPort(): number | undefined {
    return this.options.mode.kind === 'webhook' ? (this.options.http?.port ?? this.ownPort) : undefined;
  }

  /** Checks the token (getMe), then starts long polling or the webhook server and registers it. */
  async start(handler: InboundHandler): Promise<void> {
    if (this.receiver) return;
    const me = await this.client.call<{ id?: string; account_name?: string }>('getMe');
    this.logger.info({ bot: me.account_name ?? me.id, mode: this.options.mode.kind }, 'zalo bot connected');
    const mode = this.options.mode;
    if (mode.kind === 'polling') {
      // getUpdates does not work while a webhook is set.
      await this.client.call('deleteWebhook');
      const poller = new ZaloPoller({
        client: this.client,
        logger: this.logger,
        ...(mode.pollTimeoutSec !== undefined ? { pollTimeoutSec: mode.pollTimeoutSec } : {}),
        onUpdate: async (update) => {
          const message = this.toMessage(update);
          if (message) await this.dispatch(message, handler);
        },
      });
      poller.start();
      this.poller = poller;
      this.receiver = poller;
      return;
    }
    let own: HttpServer | undefined;
    if (!this.options.http) {
      // Used on its own (tests, tools): a server of its own with this one route.
      own = new HttpServer({ port: mode.port, ...(mode.host !== undefined ? { host: mode.host } : {}), logger: this.logger });
      this.addRoute(own, mode);
      this.ownPort = await own.listen();
    }
    this.handler = handler;
    try {
      await this.client.call('setWebhook', { url: webhookUrl(mode.publicUrl, mode.path), secret_token: mode.secretToken });
    } catch (error) {
      this.handler = undefined;
      await own?.close();
      throw error;
    }
    this.receiver = {
      stop: async () => {
        this.handler = undefined;
        await own?.close();
      },
    };
  }

  private addRoute(http: HttpServer, mode: WebhookMode): void {
    addWebhookRoute(http, {
      path: mode.path,
      secretHeader: ZALO_SECRET_HEADER,
      secretToken: mode.secretToken,
      logger: this.logger,
      onUpdate: (body) => this.receiveWebhook(body),
    });
  }

  /**
   * One update posted by Zalo, answered once the core has handled it (one chat's updates in order,
   * chats in parallel); not taken (store down, or not started) → 503.
   */
  private async receiveWebhook(body: unknown): Promise<WebhookOutcome> {
    const update = unwrapUpdate(body);
    if (!update) return 'invalid';
    const message = this.toMessage(update);
    if (!message) return 'taken';
    const handler = this.handler;
    if (!handler) throw new UpdateNotTakenError(message.updateKey);
    await this.queue.run(message.chat.chatId, () => this.dispatch({ ...message, redeliverable: true }, handler));
    return 'taken';
  }

  /** Stops receiving, then waits for the updates already accepted to be handled. */
  async stop(): Promise<void> {
    const receiver = this.receiver;
    this.receiver = undefined;
    await receiver?.stop();
    await this.queue.idle();
  }

  async deliver(chatId: string, message: OutboundMessage): Promise<void> {
    if (message.type === 'image') return this.deliverImage(chatId, message);
    if (message.type === 'file') return this.deliverFile(chatId, message);
    const sends = renderOutbound(message, this.renderContext());
    if (sends.length === 0) throw new PermanentDeliveryError('nothing to send: empty text', undefined, 'invalid');
    await this.sendParts(chatId, message, sends);
  }

  /**
   * Zalo takes photos by URL: a picture the bot made is published at an expiring address and sent as a
   * photo. With no public address (polling mode) it is left out: the text it illustrates went on its own.
   */
  private async deliverImage(chatId: string, message: Extract<OutboundMessage, { type: 'image' }>): Promise<void> {
    const url = await this.options.files?.publish(message.content, message.fileName);
    if (!url) {
      this.logger.debug({ chat: chatId, file: message.fileName }, 'no public address for pictures; picture left out');
      return;
    }
    const { content: _content, fileName: _fileName, type: _type, ...rest } = message;
    await this.sendParts(chatId, message, renderOutbound({ ...rest, type: 'photo', url }, this.renderContext()));
  }

  /**
   * Zalo bots cannot upload files: with a public address the file is offered as an expiring download
   * link; without one, the message names the file (see renderOutbound).
   */
  private async deliverFile(chatId: string, message: Extract<OutboundMessage, { type: 'file' }>): Promise<void> {
    const url = await this.options.files?.publish(message.content, message.fileName);
    const lang = message.lang ?? this.options.lang ?? DEFAULT_LANG;
    const sends = url
      ? renderOutbound(
          {
            type: 'text',
            lang,
            text: [
              message.caption?.trim(),
              this.translator.t(lang, 'exports.zalo.file_link', {
                fileName: message.fileName,
                url,
                hours: this.options.files?.ttlHours ?? 24,
              }),
            ]
              .filter(Boolean)
              .join('\n'),
          },
          this.renderContext(lang),
        )
      : renderOutbound(message, this.renderContext(lang));
    await this.sendParts(chatId, message, sends);
  }

  private renderContext(lang: Lang = this.options.lang ?? DEFAULT_LANG): Parameters<typeof renderOutbound>[1] {
    return { translator: this.translator, lang, maxTextLength: this.maxTextLength };
  }

  /** Sends a message's rendered parts in order, resuming after the parts already sent on a retry. */
  private async sendParts(chatId: string, message: OutboundMessage, sends: ReturnType<typeof renderOutbound>): Promise<void> {
    await this.progress.send(
      message,
      chatId,
      sends.map((send) => () => this.send(chatId, send)),
    );
  }

  /** Shows "typing…" in the chat for a few seconds. */
  async typing(chatId: string): Promise<void> {
    await this.call('sendChatAction', { chat_id: chatId, action: 'typing' });
  }

  status(): ChannelStatus {
    const lastPollAt = this.poller?.lastPollAt;
    return {
      mode: this.options.mode.kind,
      ...(lastPollAt && { lastPollAt }),
      ...(this.lastReceivedAt && { lastReceivedAt: this.lastReceivedAt }),
    };
  }

  /** Zalo has no deep links: the core tells people to send "/start CODE". */
  inviteLink(): undefined {
    return undefined;
  }

  private get maxTextLength(): number {
    return this.options.maxTextLength ?? ZALO_MAX_TEXT_LENGTH;
  }

  private async send(chatId: string, send: ZaloSend): Promise<void> {
    if (send.method === 'sendMessage') {
      await this.call('sendMessage', { chat_id: chatId, text: send.text });
      return;
    }
    try {
      await this.call('sendPhoto', { chat_id: chatId, photo: send.photo, ...(send.caption ? { caption: send.caption } : {}) });
    } catch (error) {
      if (!(error instanceof PermanentDeliveryError && error.reason === 'invalid')) throw error;
      this.logger.warn({ chat: chatId, err: error }, 'zalo refused the picture; sending its link as text');
      for (const text of splitText(send.fallbackText, this.maxTextLength)) {
        await this.call('sendMessage', { chat_id: chatId, text });
      }
    }
  }

  private async call(method: string, body: Record<string, unknown>): Promise<void> {
    try {
      await this.client.call(method, body);
    } catch (error) {
      throw mapZaloError(error);
    }
  }

  private toMessage(update: ZaloUpdate): InboundMessage | null {
    this.lastReceivedAt = new Date();
    const message = toInbound(update);
    if (!message) this.logger.debug({ event: update.event_name }, 'zalo update without a chat ignored');
    return message;
  }

  /**
   * Hands one message to the core; a failure there is logged and does not stop receiving, except
   * that a webhook's update not taken is thrown on (the webhook answers 503).
   */
  private async dispatch(message: InboundMessage, handler: InboundHandler): Promise<void> {
    try {
      await handler(message);
    } catch (err) {
      if (err instanceof UpdateNotTakenError && message.redeliverable) throw err;
      this.logger.error({ err, chat: message.chat.chatId, update: message.updateKey }, 'zalo update handling failed');
    }
  }
}
