import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { AskContext } from '../bot/bot-services.ts';
import { openPeriods } from '../report/periods.ts';

/** The plans a question most likely concerns when it names none: those with periods open now. */
export async function askContext(ctx: BotContext): Promise<AskContext> {
  const periods = openPeriods(await ctx.services.stores.periods.list(), ctx.services.clock());
  return { openPlanIds: [...new Set(periods.map((p) => p.planId))] };
}

/** Answers a question about the plans from their documents. */
export async function answerQuestion(ctx: BotContext, question: string): Promise<void> {
  const answerer = ctx.services.answerer;
  if (!answerer) return ctx.replyText('qa_host.unavailable');
  const answer = await answerer.answer(question, ctx.lang, await askContext(ctx));
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
