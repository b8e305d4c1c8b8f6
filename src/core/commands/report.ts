import type { Command } from '../bot/command.ts';
import { pauseConversation, startReport } from '../report/report-conversation.ts';

export const reportCommand: Command = {
  names: ['baocao', 'report'],
  words: ['báo cáo', 'bao cao', 'nộp báo cáo'],
  access: 'member',
  descriptionKey: 'commands.report',
  menu: true,
  reporting: true,
  run: (ctx, args) => startReport(ctx, args),
};

export const cancelCommand: Command = {
  names: ['huy', 'cancel'],
  words: ['hủy', 'huỷ', 'huy', 'thôi', 'cancel'],
  access: 'anyone',
  descriptionKey: 'commands.cancel',
  menu: true,
  reporting: true,
  run: (ctx) => pauseConversation(ctx),
};
