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

  it('runs one HTTP server for both webhooks: HTTP_PORT, else the webhook port given, else 8443', () => {
    const webhook = (prefix: string) => ({
      [`${prefix}_BOT_TOKEN`]: 'x:y',
      [`${prefix}_MODE`]: 'webhook',
      [`${prefix}_WEBHOOK_URL`]: 'https://bot.example.org',
      [`${prefix}_WEBHOOK_SECRET`]: 'secret_0123456789abcdef',
    });
    expect(loadConfig({}).http).toBeNull();
    expect(loadConfig({ HTTP_PORT: '9000' }).http).toMatchObject({ port: 9000, publicBaseUrl: undefined, metricsToken: undefined });
    expect(loadConfig(webhook('TELEGRAM')).http).toMatchObject({ port: 8443, publicBaseUrl: 'https://bot.example.org' });
    expect(loadConfig({ ...webhook('ZALO'), ZALO_WEBHOOK_PORT: '8444' }).http?.port).toBe(8444);
    const both = { ...webhook('TELEGRAM'), ...webhook('ZALO'), ZALO_WEBHOOK_URL: 'https://z.example.org/zalo' };
    expect(loadConfig(both).http).toMatchObject({ port: 8443, publicBaseUrl: 'https://z.example.org' });
    expect(loadConfig(both).zalo?.mode).toMatchObject({ port: 8443, path: '/zalo' });
    expect(() => loadConfig({ ...both, TELEGRAM_WEBHOOK_PORT: '8443', ZALO_WEBHOOK_PORT: '8444' })).toThrowError(/HTTP_PORT/);
    expect(loadConfig({ ...both, TELEGRAM_WEBHOOK_PORT: '8443', ZALO_WEBHOOK_PORT: '8444', HTTP_PORT: '80' }).http?.port).toBe(80);
    expect(() => loadConfig({ ...both, ZALO_WEBHOOK_PATH: '/telegram' })).toThrowError(/ZALO_WEBHOOK_PATH/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrowError(/METRICS_TOKEN/);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    for (const name of Object.keys(envSchema.shape)) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
