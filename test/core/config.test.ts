import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { envSchema } from '../../src/config/env-schema.ts';

describe('loadConfig', () => {
  it('runs with nothing set: console only, defaults everywhere', () => {
    const config = loadConfig({});
    expect(config.telegram).toBeNull();
    expect(config.zalo).toBeNull();
    expect(config.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(config.planDir).toBe('demo-2027');
  });

  it('reads Telegram settings and admin ids', () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: 'x:y', TELEGRAM_API_ROOT: 'http://127.0.0.1:9/', ADMIN_TELEGRAM_IDS: '1, 2' });
    expect(config.telegram).toMatchObject({ apiRoot: 'http://127.0.0.1:9', adminIds: ['1', '2'], mode: { kind: 'polling' } });
  });

  it.each([
    [{ TELEGRAM_BOT_TOKEN: 'x', TELEGRAM_MODE: 'webhook' }, 'TELEGRAM_WEBHOOK_URL'],
    [
      { TELEGRAM_BOT_TOKEN: 'x', TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: 'https://a.b', TELEGRAM_WEBHOOK_SECRET: 'short' },
      'TELEGRAM_WEBHOOK_SECRET',
    ],
    [{ TELEGRAM_MODE: 'push' }, 'TELEGRAM_MODE'],
    [{ TIMEZONE: 'Mars/Olympus' }, 'TIMEZONE'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ TELEGRAM_WEBHOOK_PORT: '99999' }, 'TELEGRAM_WEBHOOK_PORT'],
  ])('stops with a message naming the wrong variable: %o', (env, variable) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(new RegExp(variable));
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    for (const name of Object.keys(envSchema.shape)) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
