import type { ChatRef, InboundMessage, OutboundMessage } from '../messages.ts';
import type { Person } from '../domain/types.ts';
import { DEFAULT_LANG } from '../../i18n/translator.ts';
import { BotContext } from './bot-context.ts';
import type { BotServices } from './bot-services.ts';
import type { Command } from './command.ts';
import { mayRun, refusalKey } from './command.ts';
import { CommandRouter } from './command-router.ts';
import { KeyedSerialQueue } from '../keyed-serial-queue.ts';
import { newPersonId } from '../org/ids.ts';
import { continueConversation } from '../report/report-conversation.ts';
import { answerQuestion, askContext } from '../commands/ask.ts';
import { handleDocument } from './document-handler.ts';
import { ExactlyOnce, type ExactlyOnceOptions, type Handled } from './exactly-once.ts';
import { SessionDraft } from './session-draft.ts';
import { UpdateNotTakenError } from '../update-not-taken.ts';
import { BusyNotice } from './busy-notice.ts';
import { admitSender } from './sender-limit.ts';
import type { OutboundPriority } from './outbound-port.ts';
import type { SenderSnapshot } from './update-ledger.ts';

/** Settings of the {@link BotCore}. */
export interface BotCoreOptions {
  /** Claims of updates (see {@link ExactlyOnce}); tests shorten the lease. */
  exactlyOnce?: ExactlyOnceOptions;
}
import { COMMAND_CHOICE, takeOffered } from './offered-choices.ts';

/**
 * The bot, independent of any platform: every adapter hands it normalized messages.
 * Each update is handled once in effect, even across several processes and crashes (see
 * {@link ExactlyOnce}), and the messages of one person (in any of their chats on a channel) are
 * handled strictly in order. The sender's session is read with the claim and written with the
 * completion; replies go out once both are stored.
 */
export class BotCore {
  private readonly queue = new KeyedSerialQueue();
  private readonly exactlyOnce: ExactlyOnce;
  private readonly deliveries = new Set<Promise<unknown>>();
  private readonly busy = new BusyNotice();
  readonly router: CommandRouter;

  constructor(
    private readonly services: BotServices,
    readonly commands: readonly Command[],
    options: BotCoreOptions = {},
  ) {
    this.router = new CommandRouter(commands);
    this.exactlyOnce = new ExactlyOnce(services.stores.updates, services.logger, options.exactlyOnce);
  }

  /**
   * The inbound handler given to every adapter. Resolves once the update's effects are stored and its
   * replies are queued for sending. When it could not be taken (Redis down, the person busy elsewhere
   * too long) it rejects with {@link UpdateNotTakenError} if the platform delivers it again (webhooks,
   * polling), else the person is asked to try again.
   * Keyed by person rather than chat: a person's session is one for all their chats on a channel.
   */
  handle = (message: InboundMessage): Promise<void> =>
    this.queue.run(`${message.from.channel}:${message.from.userId}`, () => this.take(message));

  private async take(message: InboundMessage): Promise<void> {
    try {
      await this.exactlyOnce.run(message, this.handleClaimed);
    } catch (error) {
      // Redis failed, or the person stayed busy in another process: nothing of the update is stored.
      const notTaken = error instanceof UpdateNotTakenError ? error : new UpdateNotTakenError(message.updateKey, { cause: error });
      if (message.redeliverable) throw notTaken;
      this.services.logger.error({ err: notTaken, updateKey: message.updateKey }, 'an update could not be taken');
      // At most once a minute per chat, so a person retrying is not answered with a flood of notices.
      if (this.busy.due(message.chat, this.services.clock().getTime())) {
        this.send(message.chat, [{ type: 'text', text: this.services.translator.t(DEFAULT_LANG, 'service.busy') }]);
      }
    }
  }

  /** Resolves when every message received so far has been handled and its replies delivered. */
  async idle(): Promise<void> {
    await this.queue.idle();
    while (this.deliveries.size > 0) await Promise.all(this.deliveries);
  }

  private handleClaimed = async (message: InboundMessage, sender: SenderSnapshot): Promise<Handled> => {
    const { stores, logger, translator } = this.services;
    const sessions = new SessionDraft(stores.sessions, message.from.channel, message.from.userId, sender.session);
    const services: BotServices = { ...this.services, stores: { ...stores, sessions } };
    let ctx: BotContext | undefined;
    try {
      ctx = new BotContext(message, services, await this.personFor(message, sender.person), sender.lang ?? DEFAULT_LANG, this.commands);
      ctx.inboundCount = sender.inboundCount;
      if (await admitSender(ctx)) await this.dispatch(ctx);
      const replies = ctx.replies;
      const priority = ctx.person ? 'member' : 'stranger';
      return { session: sessions.change, after: () => this.send(message.chat, replies, priority) };
    } catch (error) {
      logger.error({ err: error, updateKey: message.updateKey, channel: message.chat.channel }, 'handling a message failed');
      // Nothing of this update's conversation is stored; only the apology goes out.
      const text = translator.t(ctx?.lang ?? DEFAULT_LANG, 'core.errors.internal');
      return { after: () => this.send(message.chat, [{ type: 'text', text }]) };
    }
  };

  /** Replies to members go before replies to strangers when the channel's budget is short. */
  private send(chat: ChatRef, messages: OutboundMessage[], priority?: OutboundPriority): void {
    if (messages.length === 0) return;
    const delivery = this.services.outbound.sendMany(chat, messages, priority).catch(() => undefined);
    this.deliveries.add(delivery);
    void delivery.finally(() => this.deliveries.delete(delivery));
  }

  /** The linked person, or a new admin when the sender is listed as an admin in the configuration. */
  private async personFor(message: InboundMessage, existing: Person | null): Promise<Person | null> {
    const { stores, adminIds, province, clock } = this.services;
    if (existing?.unreachable?.channel === message.from.channel && message.chat.kind === 'private') {
      // They wrote to us again (unblocked the bot): reachable again.
      const { unreachable: _gone, ...reachable } = existing;
      await stores.people.save(reachable, existing);
      return reachable;
    }
    if (existing || !adminIds[message.from.channel]?.includes(message.from.userId)) return existing;
    const admin: Person = {
      id: newPersonId(),
      name: message.from.displayName?.trim() || message.from.userId,
      role: 'admin',
      unitCode: province.code,
      // A private chat's id is the user's id on Telegram and Zalo, so an admin whose first message is
      // in a group can still be reached privately.
      identities: [
        {
          channel: message.from.channel,
          userId: message.from.userId,
          chatId: message.chat.kind === 'private' ? message.chat.chatId : message.from.userId,
        },
      ],
      createdAt: clock().toISOString(),
    };
    await stores.people.save(admin);
    return admin;
  }

  private async dispatch(ctx: BotContext): Promise<void> {
    const message = ctx.message;
    switch (message.type) {
      case 'command': {
        const command = this.router.byCommand(message.command);
        if (!command) return ctx.isGroup ? undefined : ctx.replyText('core.errors.unknown_command', { command: message.command });
        return this.run(ctx, command, message.args);
      }
      case 'text': {
        // In groups the bot only answers commands with a slash: everyday words ("thôi", "giúp") are talk.
        if (ctx.isGroup) return;
        const command = this.router.byText(message.text);
        if (command) return this.run(ctx, command, '');
        if (await continueConversation(ctx, { kind: 'text', text: message.text })) return;
        const offered = await takeOffered(ctx, message.text);
        if (offered) return this.runChoice(ctx, offered);
        return this.freeText(ctx, message.text);
      }
      case 'choice': {
        // A button under a reminder ("Báo cáo ngay") starts the report of that period.
        const start = /^report:(.+)$/.exec(message.choiceId);
        const report = start ? this.router.byCommand('baocao') : undefined;
        if (start && report) return this.run(ctx, report, start[1] ?? '');
        if (message.choiceId.startsWith(COMMAND_CHOICE)) return this.runChoice(ctx, message.choiceId);
        if (await continueConversation(ctx, { kind: 'choice', id: message.choiceId })) return;
        return ctx.replyText('core.errors.stale_choice');
      }
      case 'document':
        return handleDocument(ctx, message);
      case 'unsupported':
        return ctx.isGroup ? undefined : ctx.replyText('core.errors.unsupported');
    }
  }

  /** A choice that stands for a command ("cmd:tinhhinh 6thang-2027 HD01"): run it as if typed. */
  private async runChoice(ctx: BotContext, choiceId: string): Promise<void> {
    const [name = '', ...args] = choiceId.slice(COMMAND_CHOICE.length).split(' ');
    const command = this.router.byCommand(name);
    if (!command) return ctx.replyText('core.errors.stale_choice');
    return this.run(ctx, command, args.join(' '));
  }

  private async run(ctx: BotContext, command: Command, args: string): Promise<void> {
    if (!mayRun(command.access, ctx.person?.role ?? null)) {
      const refusal = !ctx.person ? 'core.errors.not_member' : refusalKey(command.access);
      return ctx.replyText(refusal, { command: command.names[0] ?? '' });
    }
    await command.run(ctx, args);
  }

  /** Text outside a conversation: a question about the plan, or a pointer to the help. */
  private async freeText(ctx: BotContext, text: string): Promise<void> {
    const answerer = this.services.answerer;
    if (answerer && answerer.looksLikeQuestion(text)) return answerQuestion(ctx, text);
    if (answerer) {
      const answer = await answerer.answer(text, ctx.lang, await askContext(ctx));
      if (!answer.uncertain) {
        this.services.metrics?.questionAnswered('answered');
        return ctx.reply({ type: 'text', text: answer.text });
      }
    }
    await ctx.replyText('core.free_text_hint');
  }
}
