import type { Command } from '../bot/command.ts';
import { askCommand } from './ask.ts';
import { groupCommand } from './group.ts';
import { helpCommand } from './help.ts';
import { inviteCommand, linkCommand } from './invite.ts';
import { languageCommand } from './language.ts';
import { peopleCommand } from './people.ts';
import { cancelCommand, reportCommand } from './report.ts';
import { startCommand } from './start.ts';
import { statusCommand, summaryCommand } from './status.ts';
import { exportCommand, provinceReportCommand } from './exports.ts';
import { unitsCommand } from './units.ts';
import { deadlinesCommand } from './deadlines.ts';
import { extendCommand } from './extend.ts';
import { remindCommand } from './remind.ts';
import { reviewCommand } from '../review/review-command.ts';
import { plansCommand } from './plans.ts';
import { formTemplateCommand } from './form-template.ts';

/** Every chat command of the core, in the order the help lists them. */
export const coreCommands: readonly Command[] = [
  startCommand,
  reportCommand,
  cancelCommand,
  deadlinesCommand,
  askCommand,
  statusCommand,
  summaryCommand,
  exportCommand,
  provinceReportCommand,
  extendCommand,
  remindCommand,
  reviewCommand,
  plansCommand,
  formTemplateCommand,
  unitsCommand,
  inviteCommand,
  peopleCommand,
  groupCommand,
  linkCommand,
  languageCommand,
  helpCommand,
];
