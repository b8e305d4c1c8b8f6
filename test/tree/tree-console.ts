import type { ConsoleSession } from '../e2e/console-session.ts';

/**
 * Helpers for the unit-tree stories told in the terminal: one console session in which the tests
 * switch between people with `/as`.
 */

/** Answers to the shipped form with no exchanges (their follow-up questions are skipped). */
export function reportAnswers(sessions = 5): string[] {
  return [`${sessions}`, '400', '1', '20', '0', '7', '10', '22', '0', 'có', 'bỏ qua', 'bỏ qua', 'bỏ qua', 'gửi'];
}

/** Types `lines` as `who` and returns only what the bot answered to them. */
export async function typeAs(chat: ConsoleSession, who: string, ...lines: string[]): Promise<string> {
  await chat.type(`/as ${who}`);
  chat.clear();
  for (const line of lines) await chat.type(line);
  return chat.output();
}

/** The admin invites `who` to `unit` with `role` (lanhdao, quantri, canbo) and `who` joins. */
export async function joinAs(chat: ConsoleSession, unit: string, role: string, who: string): Promise<void> {
  await chat.type('/as admin');
  await chat.type(`/moi ${unit} ${role}`);
  await chat.type(`/as ${who}`);
  await chat.type('/join');
}
