import type { ChatRef, SenderRef } from '../../core/messages.ts';

/** The simulated group chat of the console, where group commands and summaries can be tried. */
export const CONSOLE_GROUP_CHAT_ID = 'group';

/**
 * Who is typing at the console and where: the private chat of the current user, or the simulated group.
 * The console is one keyboard standing in for many people, so both can be switched at any time.
 */
export class ConsoleIdentity {
  private inGroup = false;

  constructor(private currentUser: string) {}

  get user(): string {
    return this.currentUser;
  }

  get isInGroup(): boolean {
    return this.inGroup;
  }

  switchUser(name: string): void {
    this.currentUser = name;
  }

  enterGroup(): void {
    this.inGroup = true;
  }

  leaveGroup(): void {
    this.inGroup = false;
  }

  /** The chat the current user is typing in. */
  chat(): ChatRef {
    return this.inGroup
      ? { channel: 'console', chatId: CONSOLE_GROUP_CHAT_ID, kind: 'group' }
      : { channel: 'console', chatId: this.currentUser, kind: 'private' };
  }

  sender(): SenderRef {
    return { channel: 'console', userId: this.currentUser, displayName: this.currentUser };
  }

  /** Shown before the user's lines: "an> " or "an@group> ". */
  prompt(): string {
    return this.inGroup ? `${this.currentUser}@${CONSOLE_GROUP_CHAT_ID}> ` : `${this.currentUser}> `;
  }
}
