import type { Command } from '../bot/command.ts';
import { foldText as fold } from '../../flow/fold.ts';

export const languageCommand: Command = {
  names: ['ngonngu', 'lang', 'language'],
  access: 'anyone',
  descriptionKey: 'commands.language',
  menu: true,
  async run(ctx, args) {
    const wanted = fold(args);
    const named = /^(en|english|tieng anh|anh)\b/.test(wanted) ? 'en' : /^(vi|vietnamese|tieng viet|viet)\b/.test(wanted) ? 'vi' : null;
    // Without a word it switches; a word that names no language changes nothing.
    if (wanted !== '' && named === null) return ctx.replyText('core.language_unknown', { text: args.trim() });
    const lang = named ?? (ctx.lang === 'vi' ? 'en' : 'vi');
    await ctx.services.stores.settings.setLanguage(ctx.from.channel, ctx.from.userId, lang);
    ctx.lang = lang;
    await ctx.replyText('core.language_set');
  },
};
