import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelAdapter, InboundHandler } from '../../../src/core/channel.ts';
import { PermanentDeliveryError, RateLimitedError, TransientDeliveryError } from '../../../src/core/delivery-errors.ts';
import type { InboundMessage } from '../../../src/core/messages.ts';

/**
 * What a channel's test setup gives the contract suite: the adapter wired to a fake platform, and
 * ways to act as a user and to read what the fake platform received.
 */
export interface AdapterHarness {
  adapter: ChannelAdapter;
  /** Starts the adapter with this handler (resolves when it receives). */
  start(handler: InboundHandler): Promise<void>;
  /** A user writes a text (or "/command args") in their private chat with the bot. */
  userSays(userId: string, text: string): Promise<void> | void;
  /** A user presses the button of a choice; omit on channels without buttons. */
  userChooses?(userId: string, choiceId: string): Promise<void> | void;
  /** The last message the fake platform received for a chat: its text and the labels of its choices. */
  lastSentTo(chatId: string): { text: string; choices?: string[] } | undefined;
  /** Makes the next outgoing send fail like the platform does with HTTP 429, 403 or 500. */
  injectFailure(kind: '429' | '403' | '500'): void;
  /** Stops the adapter and the fake platform. */
  close(): Promise<void>;
}

/** Waits for a condition, checking every few milliseconds, for at most `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What the channel can do beyond text. */
export interface ContractOptions {
  /** The channel has buttons: the harness must implement `userChooses`. Default true. */
  buttons?: boolean;
}

/** The tests every channel adapter must pass; call once per adapter in its own test file. */
export function runAdapterContract(name: string, makeHarness: () => Promise<AdapterHarness>, options: ContractOptions = {}): void {
  const { buttons = true } = options;
  describe(`${name} adapter contract`, () => {
    let harness: AdapterHarness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    /** A started harness recording inbound messages, and the chat of a first message from `userId`. */
    async function started(userId = '1001'): Promise<{ h: AdapterHarness; received: InboundMessage[]; chatId: string }> {
      const h = await makeHarness();
      harness = h;
      const received: InboundMessage[] = [];
      await h.start(async (message) => {
        received.push(message);
      });
      await h.userSays(userId, 'xin chào');
      await until(() => received.length === 1, 'the first message');
      const chatId = received[0]?.chat.chatId ?? '';
      return { h, received, chatId };
    }

    it('turns a text into a normalized text message', async () => {
      const { h, received } = await started('1001');
      expect(received[0]).toMatchObject({
        type: 'text',
        text: 'xin chào',
        chat: { channel: h.adapter.channel, kind: 'private' },
        from: { channel: h.adapter.channel, userId: '1001' },
      });
      expect(received[0]?.updateKey).toEqual(expect.any(String));
      expect(received[0]?.updateKey).not.toBe('');
      expect(received[0]?.receivedAt).toBeInstanceOf(Date);
    });

    it('parses commands: lower-case name without slash, trimmed arguments', async () => {
      const { h, received } = await started('1002');
      await h.userSays('1002', '/start ABC123');
      await h.userSays('1002', '/BaoCao   tuần 3');
      await until(() => received.length === 3, 'two commands');
      expect(received.slice(1)).toMatchObject([
        { type: 'command', command: 'start', args: 'ABC123' },
        { type: 'command', command: 'baocao', args: 'tuần 3' },
      ]);
    });

    it("hands one chat's messages over in order", async () => {
      const { h, received } = await started('1003');
      for (const text of ['một', 'hai', 'ba', 'bốn']) await h.userSays('1003', text);
      await until(() => received.length === 5, 'four more texts');
      expect(received.map((m) => (m.type === 'text' ? m.text : m.type))).toEqual(['xin chào', 'một', 'hai', 'ba', 'bốn']);
    });

    it('delivers text with Vietnamese diacritics unchanged', async () => {
      const { h, chatId } = await started('1004');
      const text = 'Đoàn TNCS Hồ Chí Minh: hạn nộp báo cáo là thứ Sáu.';
      await h.adapter.deliver(chatId, { type: 'text', text });
      expect(h.lastSentTo(chatId)?.text).toContain(text);
    });

    it('renders choices (buttons or numbered lines) with their labels in order', async () => {
      const { h, chatId } = await started('1005');
      await h.adapter.deliver(chatId, {
        type: 'choices',
        text: 'Chọn chi đoàn',
        choices: [
          { id: 'a', label: 'Chi đoàn A' },
          { id: 'b', label: 'Chi đoàn B' },
          { id: 'c', label: 'Chi đoàn C' },
        ],
      });
      const last = h.lastSentTo(chatId);
      expect(last?.text).toContain('Chọn chi đoàn');
      expect(last?.choices).toEqual(['Chi đoàn A', 'Chi đoàn B', 'Chi đoàn C']);
    });

    if (buttons) {
      it('turns a pressed button into a choice message', async () => {
        const { h, received, chatId } = await started('1006');
        if (!h.userChooses) throw new Error(`${name} harness: buttons are on but userChooses is missing`);
        await h.adapter.deliver(chatId, { type: 'choices', text: 'Đồng ý?', choices: [{ id: 'yes', label: 'Có' }] });
        await h.userChooses('1006', 'yes');
        await until(() => received.length === 2, 'the choice');
        expect(received[1]).toMatchObject({ type: 'choice', choiceId: 'yes', chat: { chatId } });
      });
    }

    it('maps 429 to RateLimitedError with retryAfterMs', async () => {
      const { h, chatId } = await started('1007');
      h.injectFailure('429');
      const error = await h.adapter.deliver(chatId, { type: 'text', text: 'x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
    });

    it('maps 403 to PermanentDeliveryError (blocked)', async () => {
      const { h, chatId } = await started('1008');
      h.injectFailure('403');
      const error = await h.adapter.deliver(chatId, { type: 'text', text: 'x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermanentDeliveryError);
      expect((error as PermanentDeliveryError).reason).toBe('blocked');
    });

    it('maps 500 to TransientDeliveryError, and the next send works', async () => {
      const { h, chatId } = await started('1009');
      h.injectFailure('500');
      const error = await h.adapter.deliver(chatId, { type: 'text', text: 'x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransientDeliveryError);
      await h.adapter.deliver(chatId, { type: 'text', text: 'lần hai' });
      expect(h.lastSentTo(chatId)?.text).toContain('lần hai');
    });

    it('keeps receiving after the handler throws', async () => {
      const h = await makeHarness();
      harness = h;
      const received: string[] = [];
      await h.start(async (message) => {
        received.push(message.type === 'text' ? message.text : message.type);
        if (received.length === 1) throw new Error('handler failure on purpose');
      });
      await h.userSays('1010', 'một');
      await h.userSays('1010', 'hai');
      await until(() => received.length === 2, 'the message after the failure');
      expect(received).toEqual(['một', 'hai']);
    });
  });
}
