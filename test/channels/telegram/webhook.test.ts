import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../support/fake-telegram/free-port.ts';
import { UpdateNotTakenError } from '../../../src/core/update-not-taken.ts';
import { telegramTestBed, until, type TelegramTestBed } from './harness.ts';

function textUpdate(updateId: number, text: string) {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1,
      chat: { id: 7, type: 'private', first_name: 'A' },
      from: { id: 7, is_bot: false, first_name: 'A' },
      text,
    },
  };
}

const SECRET = 's3cret_token-ABC';

async function webhookBed(): Promise<TelegramTestBed> {
  const port = await freePort();
  return telegramTestBed({
    mode: { kind: 'webhook', publicUrl: `http://127.0.0.1:${port}`, port, host: '127.0.0.1', path: '/tg/hook', secretToken: SECRET },
  });
}

/** A raw request to the adapter's webhook server, for cases the fake never produces. */
function rawRequest(port: number, options: { method: string; path: string; secret?: string; body?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        agent: false,
        headers: options.secret ? { 'x-telegram-bot-api-secret-token': options.secret } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('TelegramAdapter webhook mode', () => {
  let bed: TelegramTestBed;
  afterEach(async () => bed?.close());

  it('registers the webhook with its secret and receives updates Telegram pushes', async () => {
    bed = await webhookBed();
    expect(bed.fake.webhook).toEqual({ url: `http://127.0.0.1:${bed.adapter.webhookPort}/tg/hook`, secretToken: SECRET });
    const updateId = bed.fake.sendText({ userId: 42, text: 'qua webhook' });
    await until(() => bed.received.length === 1);
    expect(bed.received[0]).toMatchObject({ type: 'text', text: 'qua webhook', updateKey: `tg:${updateId}` });
    await until(() => bed.fake.webhookAnswers.length === 1);
    expect(bed.fake.webhookAnswers).toEqual([{ updateId, status: 200 }]);
  });

  it('answers 401 to a wrong or missing secret and handles nothing', async () => {
    bed = await webhookBed();
    const update = {
      update_id: 5,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: 1, type: 'private', first_name: 'A' },
        from: { id: 1, is_bot: false, first_name: 'A' },
        text: 'giả mạo',
      },
    };
    expect((await bed.fake.postToWebhook(update, 'wrong')).status).toBe(401);
    expect((await bed.fake.postToWebhook(update, SECRET.slice(0, -1))).status).toBe(401);
    const port = bed.adapter.webhookPort ?? 0;
    expect(await rawRequest(port, { method: 'POST', path: '/tg/hook', body: JSON.stringify(update) })).toBe(401);
    expect(await rawRequest(port, { method: 'POST', path: '/tg/hook', secret: '', body: JSON.stringify(update) })).toBe(401);
    expect(bed.logs.filter((r) => r.msg === 'webhook request with a wrong secret token')).toHaveLength(4);
    // The right secret on the same update goes through, so nothing else was wrong with it.
    expect((await bed.fake.postToWebhook(update)).status).toBe(200);
    expect(bed.received.map((m) => m.type === 'text' && m.text)).toEqual(['giả mạo']);
  });

  it('answers 404 elsewhere, 405 to another method, 413 to a huge body, 400 to what is not an update', async () => {
    bed = await webhookBed();
    const port = bed.adapter.webhookPort ?? 0;
    expect(await rawRequest(port, { method: 'POST', path: '/other', secret: SECRET, body: '{}' })).toBe(404);
    expect(await rawRequest(port, { method: 'GET', path: '/elsewhere' })).toBe(404);
    expect(await rawRequest(port, { method: 'GET', path: '/tg/hook', secret: SECRET })).toBe(405);
    expect(await rawRequest(port, { method: 'POST', path: '/tg/hook', secret: SECRET, body: 'not json' })).toBe(400);
    expect(await rawRequest(port, { method: 'POST', path: '/tg/hook', secret: SECRET, body: '{"hello":1}' })).toBe(400);
    const huge = JSON.stringify({ update_id: 9, message: { text: 'x'.repeat(1024 * 1024 + 1) } });
    expect(await rawRequest(port, { method: 'POST', path: '/tg/hook', secret: SECRET, body: huge })).toBe(413);
    expect(bed.received).toEqual([]);
  });

  it('answers only once the update is handled, and 503 when the core could not take it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let refuse = false;
    const port = await freePort();
    bed = await telegramTestBed({
      mode: { kind: 'webhook', publicUrl: `http://127.0.0.1:${port}`, port, host: '127.0.0.1', path: '/tg/hook', secretToken: SECRET },
      handler: async (message) => {
        if (refuse) throw new UpdateNotTakenError(message.updateKey);
        await gate;
      },
    });
    let answered = false;
    const first = bed.fake.postToWebhook(textUpdate(1, 'chờ')).then((answer) => {
      answered = true;
      return answer.status;
    });
    await until(() => bed.received.length === 1);
    // The handler holds the update: no answer yet, so a crash now leaves it with Telegram.
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    release();
    expect(await first).toBe(200);
    expect(bed.received[0]).toMatchObject({ redeliverable: true });

    refuse = true;
    expect((await bed.fake.postToWebhook(textUpdate(2, 'không nhận'))).status).toBe(503);
  });

  it('on stop() finishes and answers the update in flight, then stops listening', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const port = await freePort();
    bed = await telegramTestBed({
      mode: { kind: 'webhook', publicUrl: `http://127.0.0.1:${port}`, port, host: '127.0.0.1', path: '/tg/hook', secretToken: SECRET },
      handler: () => gate,
    });
    const answer = bed.fake.postToWebhook(textUpdate(3, 'đang xử lý'));
    await until(() => bed.received.length === 1);
    const stopped = bed.adapter.stop();
    // The server takes no new connection any more, while the update above is still being handled.
    let refused = false;
    for (let attempt = 0; !refused && attempt < 200; attempt++) {
      refused = await rawRequest(port, { method: 'GET', path: '/healthz' }).then(
        () => false,
        (error: { code?: string }) => error.code === 'ECONNREFUSED',
      );
    }
    expect(refused).toBe(true);
    release();
    expect((await answer).status).toBe(200);
    await stopped;
    await expect(rawRequest(port, { method: 'POST', path: '/tg/hook', secret: SECRET, body: '{}' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it('stops listening on stop()', async () => {
    bed = await webhookBed();
    const port = bed.adapter.webhookPort ?? 0;
    await bed.adapter.stop();
    await expect(rawRequest(port, { method: 'POST', path: '/tg/hook', secret: SECRET, body: '{}' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
