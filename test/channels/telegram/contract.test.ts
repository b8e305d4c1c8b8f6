import { pino } from 'pino';
import { TelegramAdapter } from '../../../src/channels/telegram/telegram-adapter.ts';
import { FakeTelegramServer } from '../../support/fake-telegram/fake-telegram-server.ts';
import { runAdapterContract, type AdapterHarness } from '../contract/adapter-contract.ts';

const failures = {
  '429': { status: 429, description: 'Too Many Requests: retry after 3', retryAfter: 3 },
  '403': { status: 403, description: 'Forbidden: bot was blocked by the user' },
  '500': { status: 500, description: 'Internal Server Error' },
} as const;

runAdapterContract('Telegram', async (): Promise<AdapterHarness> => {
  const fake = await FakeTelegramServer.start();
  const adapter = new TelegramAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    mode: { kind: 'polling' },
    logger: pino({ level: 'silent' }),
  });
  return {
    adapter,
    start: (handler) => adapter.start(handler),
    userSays: (userId, text) => void fake.sendText({ userId: Number(userId), text }),
    userChooses: (userId, choiceId) => void fake.pressButton({ userId: Number(userId), data: choiceId }),
    lastSentTo(chatId) {
      const last = fake.messagesTo(chatId).at(-1);
      if (!last) return undefined;
      const labels = last.buttons?.flat().map((b) => b.text);
      return { text: last.text ?? last.caption ?? '', ...(labels && { choices: labels }) };
    },
    injectFailure: (kind) => fake.failNext('sendMessage', failures[kind]),
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
});
