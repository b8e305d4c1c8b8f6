import { describe, expect, it } from 'vitest';
import { checkSetup } from '../../src/app/check-setup.ts';
import { ConfigError } from '../../src/config/config.ts';

describe('--check', () => {
  it('loads configuration, texts and every plan bundle without connecting anything', () => {
    expect(checkSetup({ HTTP_PORT: '0', REDIS_URL: 'redis://127.0.0.1:1' })).toMatch(
      /^doanbot setup OK: plans demo-2027 \(\d+ periods, form qttn-report with \d+ questions\)(, [\w-]+ \(\d+ periods, form [\w-]+ with \d+ questions\))+; channels: terminal only; HTTP on 0\.0\.0\.0:0$/,
    );
  });

  it('fails as start-up would, naming what is wrong', () => {
    expect(() => checkSetup({ PLAN_DIR: 'khong-co' })).toThrowError(/PLAN_DIR/);
    expect(() => checkSetup({ TELEGRAM_BOT_TOKEN: 'x:y', TELEGRAM_MODE: 'webhook' })).toThrowError(ConfigError);
  });
});
