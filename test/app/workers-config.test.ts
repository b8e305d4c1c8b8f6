import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

/** WORKERS=N runs N replicas of the bot on one machine: only in a setup where replicas are safe. */
const webhookEnv = {
  TELEGRAM_BOT_TOKEN: '123456:TEST-token',
  TELEGRAM_MODE: 'webhook',
  TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
  TELEGRAM_WEBHOOK_SECRET: 'a-secret-of-enough-length',
  REDIS_URL: 'redis://127.0.0.1:6379',
  TELEGRAM_RATE_GLOBAL_PER_SEC: '30',
};

describe('WORKERS', () => {
  it('is one process unless set', () => {
    expect(loadConfig(webhookEnv).workers).toBe(1);
    expect(loadConfig(webhookEnv).telegram?.limits.globalPerSecond).toBe(30);
  });

  it('shares the platform’s global sending limit among the workers', () => {
    const config = loadConfig({ ...webhookEnv, WORKERS: '3' });
    expect(config.workers).toBe(3);
    expect(config.telegram?.limits.globalPerSecond).toBe(10);
  });

  it('refuses polling, a missing REDIS_URL and the terminal chat, naming each', () => {
    const wrong = { ...webhookEnv, WORKERS: '2', TELEGRAM_MODE: 'polling', REDIS_URL: '', CONSOLE: 'on' };
    expect(() => loadConfig(wrong)).toThrow(ConfigError);
    try {
      loadConfig(wrong);
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/TELEGRAM_MODE: must be webhook with WORKERS=2/);
      expect(problems).toMatch(/REDIS_URL: required with WORKERS=2/);
      expect(problems).toMatch(/CONSOLE: the terminal chat cannot run with WORKERS=2/);
    }
  });

  it('refuses a run with no platform at all', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', WORKERS: '2' })).toThrow(/WORKERS=2 needs TELEGRAM_BOT_TOKEN/);
  });

  it('refuses a count that is not a whole number from 1 to 64', () => {
    for (const workers of ['0', '65', '1.5', 'hai']) expect(() => loadConfig({ ...webhookEnv, WORKERS: workers })).toThrow(/WORKERS/);
  });
});
