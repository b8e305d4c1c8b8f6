import { z } from 'zod';
import type { Choice } from '../messages.ts';
import type { BotContext } from './bot-context.ts';
import { resolveChoice } from './resolve-choice.ts';

/** Id prefix of a choice that runs a command: "cmd:tinhhinh 6thang-2027 HD01". */
export const COMMAND_CHOICE = 'cmd:';

const offerSchema = z.object({
  choices: z.array(z.object({ id: z.string(), label: z.string() })),
  /** A command choice waiting for words typed next (a comment): they are added to its arguments. */
  awaiting: z.string().optional(),
});

/** Builds the id of a choice that runs `command` with `args` (kept short: Telegram allows 64 bytes). */
export function commandChoice(command: string, ...args: (string | number)[]): string {
  return `${COMMAND_CHOICE}${[command, ...args].join(' ')}`;
}

/**
 * Sends choices that stand for commands, outside any conversation: buttons on Telegram, numbered
 * lines elsewhere. They are remembered so that "3" (or words of one label) typed next picks one.
 */
export async function offerChoices(ctx: BotContext, text: string, choices: Choice[]): Promise<void> {
  await ctx.services.stores.offers.write(ctx.from.channel, ctx.from.userId, { choices });
  await ctx.replyChoices(text, choices);
}

/** The command choice a typed text picks among the last offered ones, if any. */
export async function takeOffered(ctx: BotContext, text: string): Promise<string | null> {
  const parsed = offerSchema.safeParse(await ctx.services.stores.offers.read(ctx.from.channel, ctx.from.userId));
  if (!parsed.success) return null;
  if (parsed.data.awaiting) {
    await ctx.services.stores.offers.clear(ctx.from.channel, ctx.from.userId);
    return `${parsed.data.awaiting} ${text.replace(/\s+/g, ' ').trim()}`;
  }
  const choice = resolveChoice(parsed.data.choices, { kind: 'text', text });
  return choice?.id.startsWith(COMMAND_CHOICE) ? choice.id : null;
}

/** The next text this person types (outside a conversation) completes `choiceId` ("…tralai" + the comment). */
export async function awaitText(ctx: BotContext, choiceId: string): Promise<void> {
  await ctx.services.stores.offers.write(ctx.from.channel, ctx.from.userId, { choices: [], awaiting: choiceId });
}
