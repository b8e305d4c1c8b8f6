import { foldText as fold } from '../../flow/fold.ts';
import type { Command } from './command.ts';

/** Finds the command for "/name" or for a bare command word ("báo cáo", "huy"). */
export class CommandRouter {
  private readonly byName = new Map<string, Command>();
  private readonly byWords = new Map<string, Command>();

  constructor(readonly commands: readonly Command[]) {
    for (const command of commands) {
      for (const name of command.names) this.byName.set(fold(name), command);
      for (const word of command.words ?? []) this.byWords.set(fold(word), command);
    }
  }

  byCommand(name: string): Command | undefined {
    return this.byName.get(fold(name));
  }

  /**
   * A text that is exactly a command word ("báo cáo", "hủy"). Only the whole text counts, so that a
   * question such as "báo cáo 6 tháng gửi khi nào?" is not mistaken for a command.
   */
  byText(text: string): Command | undefined {
    return this.byWords.get(fold(text).replace(/[.!?]+$/, ''));
  }
}
