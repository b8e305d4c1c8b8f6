import { foldText } from '../../src/flow/fold.ts';

/** One report a script sends: who, for which unit, and the typed answer for each question id. */
export interface ScriptReport {
  user: string;
  unitCode: string;
  answers: Map<string, string>;
}

/** What a console script does, read from its lines, so that a test can tell what the bot must print. */
export interface ScriptModel {
  units: { code: string; name: string }[];
  /** The unit each person joined with /join (the last invite shown before it). */
  unitOf: Map<string, string>;
  /** Reports in the order they are sent ("gửi" on the review). */
  reports: ScriptReport[];
  /** Answers typed for a numeric question that are not a plain number, which the bot must refuse. */
  refusedNumbers: { questionId: string; text: string }[];
}

const PLAIN_NUMBER = /^\d+(,\d+)?$/;
const SUBMIT = 'gui';

/**
 * Reads a console script the way the console and the report conversation do. Conventions of the script
 * (see examples/console-demo.txt): a comment ending in "(question_id)" announces the answers that follow
 * (the last one counts, so a refused answer followed by a good one is fine); any other comment or a
 * command ends the answers; "gửi" outside a question sends the report of the current person.
 */
export function readScript(text: string, numericQuestionIds: ReadonlySet<string>): ScriptModel {
  const model: ScriptModel = { units: [], unitOf: new Map(), reports: [], refusedNumbers: [] };
  const drafts = new Map<string, Map<string, string>>();
  let user = 'admin';
  let lastInvitedUnit: string | undefined;
  let question: string | undefined;

  for (const raw of text.split('\n')) {
    const line = raw.normalize('NFC').trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      question = /\((\w+)\)\s*$/.exec(line)?.[1];
      continue;
    }
    const command = /^\/(\S+)\s*(.*)$/.exec(line);
    if (command) {
      question = undefined;
      const [, name = '', args = ''] = command;
      const words = args.split(/\s+/).filter(Boolean);
      if (name === 'as') user = args;
      if (name === 'donvi' && words[0] === 'them' && words[1]) {
        model.units.push({ code: words[1].toUpperCase(), name: words.slice(2).join(' ') });
      }
      if (name === 'moi' && words[0]) lastInvitedUnit = words[0].toUpperCase();
      if (name === 'join' && lastInvitedUnit) model.unitOf.set(user, lastInvitedUnit);
      if (name === 'baocao') drafts.set(user, new Map());
      continue;
    }
    const draft = drafts.get(user);
    if (question && draft) {
      draft.set(question, line);
      if (numericQuestionIds.has(question) && !PLAIN_NUMBER.test(line)) model.refusedNumbers.push({ questionId: question, text: line });
    } else if (draft && foldText(line) === SUBMIT) {
      model.reports.push({ user, unitCode: model.unitOf.get(user) ?? '?', answers: draft });
      drafts.delete(user);
    }
  }
  return model;
}

/** The number a plain answer stands for ("12", "12,5"); 0 when the question was not asked. */
export function numberOf(answer: string | undefined): number {
  return answer === undefined ? 0 : Number(answer.replace(',', '.'));
}
