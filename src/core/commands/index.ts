import type { Command } from '../bot/command.ts';
import { askCommand } from './ask.ts';
import { groupCommand } from './group.ts';
import { helpCommand } from './help.ts';
import { inviteCommand, linkCommand } from './invite.ts';
import { languageCommand } from './language.ts';
import { peopleCommand } from './people.ts';
import { cancelCommand, reportCommand } from './report.ts';
import { startCommand } from './start.ts';
import { exportCommand, statusCommand, summaryCommand } from './status.ts';
import { unitsCommand } from './units.ts';

/** Every chat command of the core, in the order the help lists them. */
export const coreCommands: readonly Command[] = [
  startCommand,
  reportCommand,
  cancelCommand,
  askCommand,
  statusCommand,
  summaryCommand,
  exportCommand,
  unitsCommand,
  inviteCommand,
  peopleCommand,
  groupCommand,
  linkCommand,
  languageCommand,
  helpCommand,
];
