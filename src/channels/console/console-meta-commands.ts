import type { Params } from '../../i18n/translator.ts';
import type { ConsoleIdentity } from './console-identity.ts';

/**
 * What a console-only command did. `handled: false` means the command is the core's business.
 * `reply` is text for the person at the console; `quit` ends reading input.
 */
export type MetaCommandResult = { handled: false } | { handled: true; reply: string; quit: boolean };

type Translate = (key: string, params?: Params) => string;

/**
 * Handles the commands that exist only on the console and never reach the core:
 * `/as <name>`, `/whoami`, `/group`, `/private`, `/quit`.
 */
export function runMetaCommand(
  command: string,
  args: string,
  identity: ConsoleIdentity,
  t: Translate,
): MetaCommandResult {
  const done = (reply: string, quit = false): MetaCommandResult => ({ handled: true, reply, quit });
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
    case 'quit':
      return done(t('console.bye'), true);
    default:
      return { handled: false };
  }
}
