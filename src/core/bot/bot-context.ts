import type { Choice, InboundMessage, OutboundMessage } from '../messages.ts';
import type { Lang, Params } from '../../i18n/translator.ts';
import type { Person } from '../domain/types.ts';
import type { BotServices } from './bot-services.ts';
import type { Command } from './command.ts';
import { channelText } from '../channel-words.ts';
import { appendReply } from './join-replies.ts';
import type { TextFn } from '../../flow/text-fn.ts';

/**
 * One inbound message being handled: who sent it, in which language to answer, and how to reply.
 * Replies are collected and sent once the update's effects are stored.
 */
export class BotContext {
  /** The replies so far, in order. */
  readonly replies: OutboundMessage[] = [];
  /** The sender's updates in the current inbound window, counted with the claim; null when not counted. */
  inboundCount: number | null = null;

  constructor(
    readonly message: InboundMessage,
    readonly services: BotServices,
    public person: Person | null,
    public lang: Lang,
    /** Every command, for the help text. */
    readonly commands: readonly Command[],
  ) {}

  get chat() {
    return this.message.chat;
  }

  get from() {
    return this.message.from;
  }

  get isGroup(): boolean {
    return this.message.chat.kind === 'group';
  }

  /** Text in this person's language. */
  get t(): TextFn {
    return channelText(this.services.translator, this.lang, this.from.channel);
  }

  async reply(...messages: OutboundMessage[]): Promise<void> {
    for (const m of messages) appendReply(this.replies, { lang: this.lang, ...m });
  }

  async replyText(key: string, params?: Params): Promise<void> {
    await this.reply({ type: 'text', text: this.t(key, params) });
  }

  async replyChoices(text: string, choices: Choice[]): Promise<void> {
    await this.reply({ type: 'choices', text, choices });
  }
}
