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

/** The admin adds two districts under the province: TINH → HD01 → XA01, XA02; TINH → HD02 → XA03. */
export async function addTwoDistricts(chat: ConsoleSession): Promise<void> {
  await chat.type('/as admin');
  for (const line of [
    '/donvi them HD01 Huyện Đoàn A',
    '/donvi them HD02 Huyện Đoàn B',
    '/donvi them XA01 Đoàn xã Một HD01',
    '/donvi them XA02 Đoàn xã Hai HD01',
    '/donvi them XA03 Đoàn xã Ba HD02',
  ])
    await chat.type(line);
}
