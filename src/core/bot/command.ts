import type { Role } from '../domain/types.ts';
import type { BotContext } from './bot-context.ts';

/** Who may run a command: anyone, anyone linked to a unit, or the listed roles. */
export type Access = 'anyone' | 'member' | readonly Role[];

/** One chat command. Its file exports one of these; `commands/index.ts` lists them. */
export interface Command {
  /** Vietnamese name first, then aliases ("baocao", "report"). */
  names: readonly string[];
  /** Words that run the command without a slash, as typed on Zalo ("báo cáo"); matched without diacritics. */
  words?: readonly string[];
  access: Access;
  /** Locale key of the one-line description in the help and the command menu. */
  descriptionKey: string;
  /** In the help of a leader or admin of a unit below the province, this description instead (their scope is a subtree). */
  subtreeDescriptionKey?: string;
  /** Listed in the platform's command menu. */
  menu?: boolean;
  /** Only for members of a unit that reports: left out of the help of the province's leaders and admins. */
  reporting?: boolean;
  run(ctx: BotContext, args: string): Promise<void>;
}

export function mayRun(access: Access, role: Role | null): boolean {
  if (access === 'anyone') return true;
  if (access === 'member') return role !== null;
  return role !== null && access.includes(role);
}

/** The locale key that tells a member why they may not run a command: for admins only, or for leaders and admins. */
export function refusalKey(access: Access): string {
  return typeof access !== 'string' && !access.includes('leader') ? 'core.errors.admin_only' : 'core.errors.not_allowed';
}
