import type { Params } from '../../i18n/translator.ts';
import type { ConsoleIdentity } from './console-identity.ts';

/**
 * What a console-only command did:
 * - `core`: not a console command, the line goes to the core as typed;
 * - `reply`: handled here, `reply` is text for the person at the console, `quit` ends reading input;
 * - `send`: the line stands for a core command (`/join` is `/start <code>`); `note` says so first;
 * - `file`: the person sends the file at `path` (a plan document, a unit list), as on Telegram.
 */
export type MetaCommandResult =
  | { kind: 'core' }
  | { kind: 'reply'; reply: string; quit: boolean }
  | { kind: 'send'; command: string; args: string; note: string }
  | { kind: 'file'; path: string };

type Translate = (key: string, params?: Params) => string;

/** What the console-only commands can see. */
export interface MetaCommandContext {
  identity: ConsoleIdentity;
  t: Translate;
  /** The last invite code the bot showed on the console, if any (see `ConsoleAdapter.inviteLink`). */
  lastInviteCode: string | undefined;
}

/**
 * Handles the commands that exist only on the console:
 * `/as <name>`, `/whoami`, `/group`, `/private`, `/join`, `/tep <path>`, `/quit`.
 */
export function runMetaCommand(command: string, args: string, context: MetaCommandContext): MetaCommandResult {
  const { identity, t } = context;
  const done = (reply: string, quit = false): MetaCommandResult => ({ kind: 'reply', reply, quit });
  switch (command) {
    case 'as': {
      const name = args.normalize('NFC').trim();
      if (!name) return done(t('console.as.usage'));
      identity.switchUser(name);
      return done(t('console.as.switched', { user: name }));
    }
    case 'whoami':
      return done(t(identity.isInGroup ? 'console.whoami.group' : 'console.whoami.private', { user: identity.user }));
    case 'group':
      identity.enterGroup();
      return done(t('console.chat.group'));
    case 'private':
      identity.leaveGroup();
      return done(t('console.chat.private'));
    case 'join': {
      const code = context.lastInviteCode;
      if (!code) return done(t('console.join.no_code'));
      return { kind: 'send', command: 'start', args: code, note: t('console.join.sending', { code }) };
    }
    case 'tep':
    case 'file': {
      const path = args.trim().replace(/^["']|["']$/g, '');
      return path ? { kind: 'file', path } : done(t('console.file.usage'));
    }
    case 'quit':
      return done(t('console.bye'), true);
    default:
      return { kind: 'core' };
  }
}
