import type { ChatRef, OutboundMessage } from '../messages.ts';
import type { Person } from '../domain/types.ts';
import type { BotServices } from '../bot/bot-services.ts';
import { DEFAULT_LANG, type Lang } from '../../i18n/translator.ts';

/**
 * Sends one message to each private chat of a person, in their language. `build` writes it; when
 * it carries choices, they are remembered for that chat so a typed number picks one.
 */
export async function sendToPerson(
  services: BotServices,
  person: Person,
  build: (t: (key: string, params?: Record<string, string | number>) => string, lang: Lang) => OutboundMessage,
): Promise<void> {
  for (const identity of person.identities) {
    if (!services.channels.includes(identity.channel)) continue;
    const lang = (await services.stores.settings.language(identity.channel, identity.userId)) ?? DEFAULT_LANG;
    const message = build((key, params) => services.translator.t(lang, key, params), lang);
    if (message.type === 'choices') await services.stores.offers.write(identity.channel, identity.userId, { choices: message.choices });
    const chat: ChatRef = { channel: identity.channel, chatId: identity.chatId, kind: 'private' };
    await services.outbound.sendMany(chat, [{ ...message, lang }]);
  }
}
