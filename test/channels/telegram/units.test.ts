import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { KeyedSerialQueue } from '../../../src/core/keyed-serial-queue.ts';
import { mapTelegramError } from '../../../src/channels/telegram/map-telegram-error.ts';
import { splitText } from '../../../src/channels/shared/split-text.ts';
import { webhookUrl } from '../../../src/channels/shared/webhook-url.ts';

describe('splitText', () => {
  it('keeps short texts whole', () => {
    expect(splitText('một\nhai', 10)).toEqual(['một\nhai']);
  });

  it('cuts at line breaks, keeping every line', () => {
    const text = ['aaaa', 'bbbb', 'cccc', 'dddd'].join('\n');
    const pieces = splitText(text, 9);
    expect(pieces).toEqual(['aaaa\nbbbb', 'cccc\ndddd']);
  });

  it('cuts an over-long line at a space, else hard, never inside a surrogate pair', () => {
    expect(splitText('xin chào các bạn', 10)).toEqual(['xin chào', 'các bạn']);
    const emoji = '😀'.repeat(6); // 12 UTF-16 units
    const pieces = splitText(emoji, 5);
    expect(pieces.every((p) => p.length <= 5)).toBe(true);
    expect(pieces.join('')).toBe(emoji);
    expect(pieces.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });
});

describe('KeyedSerialQueue', () => {
  it('runs one key in order and other keys alongside, surviving failures', async () => {
    const queue = new KeyedSerialQueue();
    const log: string[] = [];
    let releaseA = (): void => undefined;
    const a1 = queue.run('a', () => new Promise<void>((resolve) => (releaseA = resolve)).then(() => void log.push('a1')));
    const a2 = queue.run('a', async () => {
      log.push('a2');
      throw new Error('a2 fails');
    });
    const a3 = queue.run('a', async () => void log.push('a3'));
    await queue.run('b', async () => void log.push('b1'));
    expect(log).toEqual(['b1']);
    releaseA();
    await a1;
    await expect(a2).rejects.toThrow('a2 fails');
    await a3;
    await queue.idle();
    expect(log).toEqual(['b1', 'a1', 'a2', 'a3']);
    expect(queue.activeKeys).toBe(0);
  });
});

describe('mapTelegramError', () => {
  const telegram = (error_code: number, description: string, parameters?: { retry_after?: number; migrate_to_chat_id?: number }) =>
    new TelegramError({ error_code, description, ...(parameters && { parameters }) });

  it.each([
    [telegram(429, 'Too Many Requests', { retry_after: 12 }), { kind: 'rate_limited', retryAfterMs: 12_000 }],
    [telegram(429, 'Too Many Requests'), { kind: 'rate_limited', retryAfterMs: 1000 }],
    [telegram(403, 'Forbidden: bot was blocked by the user'), { kind: 'permanent', reason: 'blocked', code: 403 }],
    [telegram(400, 'Bad Request: chat not found'), { kind: 'permanent', reason: 'not_found' }],
    [telegram(400, 'Bad Request: group chat was upgraded', { migrate_to_chat_id: -100 }), { kind: 'permanent', reason: 'not_found' }],
    [telegram(400, 'Bad Request: message is too long'), { kind: 'permanent', reason: 'invalid' }],
    [telegram(401, 'Unauthorized'), { kind: 'permanent', reason: 'unauthorized' }],
    [telegram(409, 'Conflict'), { kind: 'permanent', reason: 'other' }],
    [telegram(503, 'Service Unavailable'), { kind: 'transient', code: 503 }],
    [Object.assign(new Error('request failed, reason: socket hang up'), { name: 'FetchError', code: 'ECONNRESET' }), { kind: 'transient' }],
    [Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }), { kind: 'transient' }],
    [new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) }), { kind: 'transient' }],
    [new Error('something odd'), { kind: 'permanent', reason: 'other' }],
  ])('%s → %o', (error, expected) => {
    const mapped = mapTelegramError(error);
    expect(mapped).toMatchObject(expected);
    expect(mapped.cause).toBe(error);
  });
});

describe('webhookUrl', () => {
  it('appends the path to a base address and keeps a full address', () => {
    expect(webhookUrl('https://bot.example.org', '/telegram')).toBe('https://bot.example.org/telegram');
    expect(webhookUrl('https://bot.example.org/', '/telegram')).toBe('https://bot.example.org/telegram');
    expect(webhookUrl('https://bot.example.org/telegram', '/telegram')).toBe('https://bot.example.org/telegram');
    expect(webhookUrl('https://example.org/bots', '/telegram')).toBe('https://example.org/bots/telegram');
  });
});
