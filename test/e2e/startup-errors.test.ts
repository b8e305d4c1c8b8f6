import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/app/start-bot.ts';
import { ConfigError } from '../../src/config/config.ts';
import { SpecError } from '../../src/flow/spec-error.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis.ts';

const dir = mkdtempSync(join(tmpdir(), 'doanbot-badflows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = () => ({ stdin: new PassThrough(), stdout: new PassThrough() });
const env = (extra: Record<string, string>) => ({
  REDIS_URL: TEST_REDIS_URL,
  REDIS_PREFIX: uniquePrefix('startup'),
  CONSOLE: 'off',
  LOG_LEVEL: 'silent',
  DATA_DIR: join(dir, 'data'),
  ...extra,
});

describe('start-up stops with a message that names what is wrong', () => {
  it('names the file and the field of a plan bundle authoring error', async () => {
    cpSync('flows/_forms', join(dir, '_forms'), { recursive: true });
    mkdirSync(join(dir, 'bad'));
    cpSync('flows/demo-2027/plan.txt', join(dir, 'bad', 'plan.txt'));
    const yaml = readFileSync('flows/demo-2027/plan.yaml', 'utf8')
      .replace('id: demo-2027', 'id: bad')
      .replace('    section: "III.2"\n  - id: canam-2027', '    reminders: ["-P7D", "3 days"]\n    section: "III.2"\n  - id: canam-2027');
    writeFileSync(join(dir, 'bad', 'plan.yaml'), yaml);
    const started = startBot(env({ FLOWS_DIR: dir, PLAN_DIR: 'bad' }), io());
    await expect(started).rejects.toBeInstanceOf(SpecError);
    await expect(started).rejects.toThrow(/bad[/\\]plan\.yaml: periods\[0\]\.reminders\[1\]/);
  });

  it('names a wrong variable', async () => {
    await expect(startBot(env({ TELEGRAM_MODE: 'push' }), io())).rejects.toThrow(ConfigError);
    await expect(startBot(env({ PLAN_DIR: 'khong-co' }), io())).rejects.toThrow(/PLAN_DIR/);
  });
});
