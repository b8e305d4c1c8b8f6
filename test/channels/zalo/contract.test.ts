import { pino } from 'pino';
import { ZaloAdapter, type ZaloMode } from '../../../src/channels/zalo/zalo-adapter.ts';
import { FakeZaloServer } from '../../support/fake-zalo/fake-zalo-server.ts';
import { runAdapterContract, type AdapterHarness } from '../contract/adapter-contract.ts';
import { freePort, zaloTranslator } from './helpers.ts';

const failures = {
  '429': { errorCode: 429, description: 'Too Many Requests', retryAfter: 3 },
  '403': { errorCode: 403, description: 'Forbidden: the user has blocked the bot' },
  '500': { errorCode: 500, description: 'Internal Server Error' },
} as const;

/** The adapter against a fake Zalo, receiving by long polling or by webhook. */
async function harness(mode: (port: number) => ZaloMode): Promise<AdapterHarness> {
  const fake = await FakeZaloServer.start();
  const adapter = new ZaloAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    mode: mode(await freePort()),
    logger: pino({ level: 'silent' }),
    translator: zaloTranslator(),
  });
  return {
    adapter,
    start: (handler) => adapter.start(handler),
    userSays: (userId, text) => void fake.sendText({ userId, text }),
    lastSentTo(chatId) {
      const last = fake.messagesTo(chatId).at(-1);
      if (!last) return undefined;
      const text = last.text ?? last.caption ?? '';
      const choices = [...text.matchAll(/^\d+\. (.+)$/gm)].map((match) => match[1] ?? '');
      return { text, ...(choices.length > 0 && { choices }) };
    },
    injectFailure: (kind) => fake.failNext('sendMessage', failures[kind]),
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

// Zalo has no buttons: people answer numbered lines with a number or the words.
runAdapterContract('Zalo (polling)', () => harness(() => ({ kind: 'polling', pollTimeoutSec: 1 })), { buttons: false });
runAdapterContract(
  'Zalo (webhook)',
  () =>
    harness((port) => ({
      kind: 'webhook',
      publicUrl: `http://127.0.0.1:${port}/zalo`,
      port,
      host: '127.0.0.1',
      path: '/zalo',
      secretToken: 'contract-secret',
    })),
  { buttons: false },
);
