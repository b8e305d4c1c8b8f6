import { ConfigError, loadConfig } from './config/config.ts';
import { RedisUnavailableError } from './infra/embedded-redis.ts';
import { SpecError } from './flow/spec-error.ts';
import { startBot, type RunningBot } from './app/start-bot.ts';
import { checkSetup } from './app/check-setup.ts';
import { isWorkersPrimary, runWorkers } from './app/workers.ts';

/** Composition root: the only place that reads process.env and owns the process lifecycle. */
async function main(): Promise<void> {
  if (process.argv.includes('--check')) return check();
  const workers = workerCount();
  if (isWorkersPrimary(workers)) {
    process.exit(await runWorkers({ count: workers, log: (line) => process.stderr.write(`${line}\n`) }));
  }
  let bot: RunningBot | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      await bot?.stop();
    } finally {
      process.exit(code);
    }
  };
  try {
    bot = await startBot(process.env, {
      stdin: process.stdin,
      stdout: process.stdout,
      onConsoleEnd: () => void shutdown(0),
    });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RedisUnavailableError || error instanceof SpecError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
}

/** WORKERS from the configuration (a wrong configuration stops here with its message). */
function workerCount(): number {
  try {
    return loadConfig(process.env).workers;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** `--check`: configuration, texts and plan bundle load as at start-up; nothing is connected. */
function check(): void {
  try {
    process.stdout.write(`${checkSetup(process.env)}\n`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SpecError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`doanbot could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
