import type { Command } from '../bot/command.ts';
import { foldText as fold } from '../../flow/fold.ts';

export const languageCommand: Command = {
  names: ['ngonngu', 'lang', 'language'],
  access: 'anyone',
  descriptionKey: 'commands.language',
  menu: true,
  async run(ctx, args) {
    const wanted = fold(args);
    const lang =
      wanted.startsWith('en') || wanted.startsWith('tieng anh')
        ? 'en'
        : wanted.startsWith('vi') || wanted.startsWith('tieng viet')
          ? 'vi'
          : ctx.lang === 'vi'
            ? 'en'
            : 'vi';
    await ctx.services.stores.settings.setLanguage(ctx.from.channel, ctx.from.userId, lang);
    ctx.lang = lang;
    await ctx.replyText('core.language_set');
  },
};
