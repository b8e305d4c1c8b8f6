import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter, type ConsoleAdapterOptions } from '../../../src/channels/console/console-adapter.ts';
import type { InboundHandler } from '../../../src/core/channel.ts';
import type { InboundMessage } from '../../../src/core/messages.ts';
import { Translator, type Lang } from '../../../src/i18n/translator.ts';

const translator = new Translator();
for (const lang of ['vi', 'en'] as Lang[]) {
  translator.add(lang, 'console', JSON.parse(readFileSync(`locales/${lang}/console.json`, 'utf8')));
}

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An adapter on in-memory streams; `ended` resolves when it calls onEnd. */
function harness(overrides: Partial<ConsoleAdapterOptions> = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  let markEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const adapter = new ConsoleAdapter({
    input,
    output,
    initialUser: 'admin',
    interactive: false,
    t: (key, params) => translator.t('vi', key, params),
    onEnd: () => markEnded(),
    ...overrides,
  });
  const feed = (...lines: string[]): void => {
    input.write(lines.map((l) => `${l}\n`).join(''));
  };
  return { adapter, input, feed, ended, printed: () => printed };
}

/** A handler that records messages and takes a few event-loop turns per message, like the real core. */
function recordingHandler() {
  const received: InboundMessage[] = [];
  const state = { active: 0, maxActive: 0, finished: 0 };
  const handler: InboundHandler = async (message) => {
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    received.push(message);
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    state.active--;
    state.finished++;
  };
  return { handler, received, state };
}

describe('ConsoleAdapter input', () => {
  it('turns lines into normalized messages, one handler call at a time, in order', async () => {
    const { adapter, input, feed, ended } = harness();
    const { handler, received, state } = recordingHandler();
    await adapter.start(handler);
    feed('xin chào', '', '# a comment in a script', '/BaoCao  tháng 3', '12');
    input.end();
    await ended;

    expect(state.maxActive).toBe(1);
    expect(received.map((m) => m.type)).toEqual(['text', 'command', 'text']);
    expect(received[0]).toMatchObject({
      type: 'text',
      text: 'xin chào',
      chat: { channel: 'console', chatId: 'admin', kind: 'private' },
      from: { channel: 'console', userId: 'admin', displayName: 'admin' },
    });
    expect(received[1]).toMatchObject({ type: 'command', command: 'baocao', args: 'tháng 3' });
    const keys = received.map((m) => m.updateKey);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) expect(key).toMatch(/^console:/);
  });

  it('calls onEnd only after the handler finished with the last line', async () => {
    const { adapter, input, feed, ended } = harness();
    const { handler, state } = recordingHandler();
    await adapter.start(handler);
    feed('một', 'hai', 'ba');
    input.end();
    await ended;
    expect(state.finished).toBe(3);
    expect(state.active).toBe(0);
  });

  it('switches the sender with /as without passing the meta command to the core', async () => {
    const { adapter, input, feed, ended, printed } = harness();
    const { handler, received } = recordingHandler();
    await adapter.start(handler);
    feed('trước', '/as an', 'sau', '/whoami');
    input.end();
    await ended;

    expect(received.map((m) => [m.type === 'text' ? m.text : m.type, m.from.userId, m.chat.chatId])).toEqual([
      ['trước', 'admin', 'admin'],
      ['sau', 'an', 'an'],
    ]);
    expect(printed()).toContain('Bạn đang là: an');
  });

  it('switches to the simulated group chat and back', async () => {
    const { adapter, input, feed, ended } = harness();
    const { handler, received } = recordingHandler();
    await adapter.start(handler);
    feed('/group', '/ganhom', '/as bình', 'trong nhóm', '/private', 'riêng');
    input.end();
    await ended;

    expect(received.map((m) => ({ chat: m.chat, user: m.from.userId }))).toEqual([
      { chat: { channel: 'console', chatId: 'group', kind: 'group' }, user: 'admin' },
      { chat: { channel: 'console', chatId: 'group', kind: 'group' }, user: 'bình' },
      { chat: { channel: 'console', chatId: 'bình', kind: 'private' }, user: 'bình' },
    ]);
  });

  it('/join sends /start with the last invite code the core asked a link for, as the current user', async () => {
    const { adapter, input, feed, ended, printed } = harness();
    const { handler, received } = recordingHandler();
    await adapter.start(handler);
    feed('/join');
    await expect.poll(() => printed()).toContain('Chưa có mã mời nào');
    adapter.inviteLink('OLD111');
    adapter.inviteLink('K7P2QX');
    feed('/as an', '/join');
    input.end();
    await ended;

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ type: 'command', command: 'start', args: 'K7P2QX', from: { userId: 'an' } });
    expect(printed()).toContain('/start K7P2QX');
  });

  it('stops reading at /quit and ends', async () => {
    const { adapter, feed, ended, printed } = harness();
    const { handler, received } = recordingHandler();
    await adapter.start(handler);
    feed('một', '/quit', 'không đọc');
    await ended;
    expect(received).toHaveLength(1);
    expect(printed()).toContain('Tạm biệt!');
  });

  it('reports a failing handler and goes on with the next line', async () => {
    const { adapter, input, feed, ended, printed } = harness();
    const seen: string[] = [];
    await adapter.start(async (message) => {
      if (message.type === 'text') seen.push(message.text);
      if (seen.length === 1) throw new Error('hỏng');
    });
    feed('một', 'hai');
    input.end();
    await ended;
    expect(seen).toEqual(['một', 'hai']);
    expect(printed()).toContain('hỏng');
  });

  it('echoes piped lines after the prompt of the current user, and prints a prompt on a terminal', async () => {
    const piped = harness();
    await piped.adapter.start(async () => {});
    piped.feed('/as an', 'xin chào');
    piped.input.end();
    await piped.ended;
    expect(piped.printed()).toContain('an> xin chào\n');

    const tty = harness({ interactive: true });
    await tty.adapter.start(async () => {});
    tty.input.end();
    await tty.ended;
    expect(tty.printed()).toContain('/as');
    expect(tty.printed()).toContain('admin> ');
  });

  it('does not call onEnd when stopped by the application', async () => {
    let endCalls = 0;
    const { adapter, feed } = harness({ onEnd: () => endCalls++ });
    const { handler, state } = recordingHandler();
    await adapter.start(handler);
    feed('một');
    await adapter.stop();
    expect(endCalls).toBe(0);
    expect(state.active).toBe(0);
  });
});

describe('ConsoleAdapter.deliver', () => {
  it('renders choices as numbered lines, every line marked as the bot', async () => {
    const { adapter, printed } = harness();
    await adapter.deliver('admin', {
      type: 'choices',
      text: 'Chọn đợt báo cáo:',
      choices: [
        { id: 'p1', label: 'Tháng 3' },
        { id: 'p2', label: 'Tháng 4' },
      ],
    });
    const lines = printed().trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['🤖 Chọn đợt báo cáo:', '🤖   1. Tháng 3', '🤖   2. Tháng 4']);
    for (const line of lines) expect(line.startsWith('🤖 ')).toBe(true);
  });

  it('names the recipient when the message is for someone other than the current user', async () => {
    const { adapter, printed } = harness();
    await adapter.deliver('an', { type: 'text', text: 'Nhắc: hạn báo cáo\nlà thứ Sáu' });
    await adapter.deliver('admin', { type: 'photo', url: 'https://example.invalid/a.png', caption: 'Biểu đồ' });
    expect(printed()).toBe('🤖 [→ an] Nhắc: hạn báo cáo\n🤖 [→ an] là thứ Sáu\n🤖 Biểu đồ\n🤖 🖼 Ảnh: https://example.invalid/a.png\n');
  });

  it('puts a message that arrives while the prompt waits on its own line and shows the prompt again', async () => {
    const { adapter, printed } = harness({ interactive: true });
    await adapter.start(async () => {});
    expect(printed().endsWith('admin> ')).toBe(true);
    await adapter.deliver('an', { type: 'text', text: 'Nhắc việc' });
    expect(printed().endsWith('admin> \n🤖 [→ an] Nhắc việc\nadmin> ')).toBe(true);
    await adapter.stop();
  });

  it('saves files into the export folder and prints the path', async () => {
    const exportDir = join(mkdtempSync(join(tmpdir(), 'doanbot-console-')), 'exports');
    tempDirs.push(exportDir);
    const { adapter, printed } = harness({ exportDir });
    const content = Buffer.from('đơn vị;số đoàn viên\nChi đoàn 1;25\n', 'utf8');
    await adapter.deliver('admin', { type: 'file', fileName: '../tong-hop.csv', mimeType: 'text/csv', content });
    const path = join(exportDir, 'tong-hop.csv');
    expect(readFileSync(path)).toEqual(content);
    expect(printed()).toContain(path);
  });

  it('has no invite link', () => {
    expect(harness().adapter.inviteLink('ABC123')).toBeUndefined();
  });
});
