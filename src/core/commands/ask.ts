import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';

/** Answers a question about the plan from the plan document. */
export async function answerQuestion(ctx: BotContext, question: string): Promise<void> {
  const answerer = ctx.services.answerer;
  if (!answerer) return ctx.replyText('qa_host.unavailable');
  const answer = answerer.answer(question, ctx.lang);
  ctx.services.metrics?.questionAnswered(answer.uncertain ? 'uncertain' : 'answered');
  await ctx.reply({ type: 'text', text: answer.text });
}

export const askCommand: Command = {
  names: ['hoi', 'ask'],
  access: 'anyone',
  descriptionKey: 'commands.ask',
  menu: true,
  async run(ctx, args) {
    if (!args.trim()) return ctx.replyText('qa_host.usage');
    await answerQuestion(ctx, args);
  },
};
