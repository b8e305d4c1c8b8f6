import type { Command } from '../bot/command.ts';

export const groupCommand: Command = {
  names: ['nhom', 'setgroup'],
  access: ['admin'],
  descriptionKey: 'commands.group',
  menu: true,
  async run(ctx) {
    if (!ctx.isGroup) return ctx.replyText('group.only_in_group');
    await ctx.services.stores.settings.setProvinceGroup(ctx.chat);
    await ctx.replyText('group.bound', { channel: ctx.t(`channels.${ctx.chat.channel}`) });
  },
};
