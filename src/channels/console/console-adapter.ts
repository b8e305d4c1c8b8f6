import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { ChannelAdapter, InboundHandler } from '../../core/channel.ts';
import { PermanentDeliveryError } from '../../core/delivery-errors.ts';
import { parseCommand, type InboundMessage, type OutboundMessage } from '../../core/messages.ts';
import { DEFAULT_EXPORT_DIR, saveExport } from './console-export.ts';
import { ConsoleIdentity } from './console-identity.ts';
import { runMetaCommand } from './console-meta-commands.ts';
import { formatBlock, renderLines, type Translate } from './console-renderer.ts';

/** Options of {@link ConsoleAdapter}. */
export interface ConsoleAdapterOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Who is typing at first, e.g. "admin"; `/as <name>` switches. */
  initialUser: string;
  /** True on a terminal: prints a banner and a prompt. Piped input instead echoes each line it reads. */
  interactive: boolean;
  /** Texts of the "console" locale namespace. */
  t: Translate;
  /** Called once input has ended (or /quit), after the handler finished with the last line. */
  onEnd?: () => void;
  /** Where files sent by the bot are saved; default "data/exports" under the working directory. */
  exportDir?: string;
}

/** Marks lines the console itself prints (switching user, errors), as opposed to the bot's. */
const INFO_PREFIX = '· ';

/**
 * The terminal as a chat channel: each input line is one inbound message from the current user,
 * handled strictly one after another, so a script piped in (`npm start < script.txt`) prints every
 * answer in order. Console-only commands (/as, /whoami, /group, /private, /join, /quit) stay here.
 */
export class ConsoleAdapter implements ChannelAdapter {
  readonly channel = 'console' as const;
  private readonly identity: ConsoleIdentity;
  /** Distinguishes update keys across runs, so a dedupe store never drops a new line as a repeat. */
  private readonly runId = Date.now().toString(36);
  private counter = 0;
  private lines: Interface | undefined;
  private reading: Promise<void> | undefined;
  private stopped = false;
  private atPrompt = false;
  /** The last invite code the core showed here, redeemed by `/join`. */
  private lastInviteCode: string | undefined;

  constructor(private readonly options: ConsoleAdapterOptions) {
    this.identity = new ConsoleIdentity(options.initialUser);
  }

  async start(handler: InboundHandler): Promise<void> {
    if (this.reading) return;
    const lines = createInterface({ input: this.options.input, crlfDelay: Infinity, terminal: false });
    this.lines = lines;
    if (this.options.interactive) this.print(this.options.t('console.banner', { user: this.identity.user }));
    this.reading = this.readLoop(lines, handler);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.lines?.close();
    await this.reading;
  }

  async deliver(chatId: string, message: OutboundMessage): Promise<void> {
    const recipient = chatId === this.identity.chat().chatId ? undefined : chatId;
    if (message.type !== 'file' && message.type !== 'image') {
      this.write(formatBlock(renderLines(message, this.options.t), recipient));
      return;
    }
    let path: string;
    try {
      path = await saveExport(this.options.exportDir ?? DEFAULT_EXPORT_DIR, message.fileName, message.content);
    } catch (error) {
      throw new PermanentDeliveryError(`cannot save ${message.fileName}: ${String(error)}`, undefined, 'other');
    }
    const caption = message.caption ? message.caption.split('\n') : [];
    this.write(formatBlock([...caption, this.options.t('console.file.saved', { path }, message.lang)], recipient));
  }

  /**
   * The console has no deep links, so the core shows "/start <code>". It asks every channel for a link
   * whenever it shows an invite code, which is how the console learns the code for `/join`: one keyboard
   * plays both the admin who invites and the officer who joins, and a piped script cannot know a random code.
   */
  inviteLink(code: string): string | undefined {
    this.lastInviteCode = code;
    return undefined;
  }

  private async readLoop(lines: Interface, handler: InboundHandler): Promise<void> {
    this.showPrompt();
    for await (const raw of lines) {
      this.atPrompt = false;
      const line = raw.normalize('NFC').trim();
      if (line && !line.startsWith('#')) {
        if (!this.options.interactive) this.write(this.identity.prompt() + line + '\n');
        const quit = await this.handleLine(line, handler);
        if (quit) break;
      }
      if (this.stopped) break;
      this.showPrompt();
    }
    lines.close();
    if (!this.stopped) this.options.onEnd?.();
  }

  /** Handles one line; true when it asked to quit. */
  private async handleLine(line: string, handler: InboundHandler): Promise<boolean> {
    let command = parseCommand(line);
    let file: string | null = null;
    if (command) {
      const meta = runMetaCommand(command.command, command.args, {
        identity: this.identity,
        t: this.options.t,
        lastInviteCode: this.lastInviteCode,
      });
      if (meta.kind === 'reply') {
        this.print(meta.reply);
        return meta.quit;
      }
      if (meta.kind === 'send') {
        this.print(meta.note);
        command = { command: meta.command, args: meta.args };
      }
      if (meta.kind === 'file') file = meta.path;
    }
    const base = {
      updateKey: `console:${this.runId}-${++this.counter}`,
      chat: this.identity.chat(),
      from: this.identity.sender(),
      receivedAt: new Date(),
    };
    // "/tep <path>" sends the file there, as a document sent on Telegram would be.
    const message: InboundMessage = file
      ? { ...base, type: 'document', fileName: basename(file), download: () => readFile(file) }
      : command
        ? { ...base, type: 'command', command: command.command, args: command.args }
        : { ...base, type: 'text', text: line };
    try {
      await handler(message);
    } catch (error) {
      this.print(this.options.t('console.error', { message: error instanceof Error ? error.message : String(error) }));
    }
    return false;
  }

  private showPrompt(): void {
    if (!this.options.interactive) return;
    this.options.output.write(this.identity.prompt());
    this.atPrompt = true;
  }

  private print(text: string): void {
    this.write(
      text
        .split('\n')
        .map((line) => INFO_PREFIX + line)
        .join('\n') + '\n',
    );
  }

  /** Writes a block; a message arriving while the prompt waits (a reminder) goes on its own lines. */
  private write(block: string): void {
    if (!this.atPrompt) {
      this.options.output.write(block);
      return;
    }
    this.options.output.write('\n' + block + this.identity.prompt());
  }
}
