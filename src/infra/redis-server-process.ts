import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { removeLock, writeLock } from './embedded-redis-lock.ts';
import { findFreePort } from './free-port.ts';
import { RedisUnavailableError } from './redis-unavailable-error.ts';
import { pingRedis } from './redis-ping.ts';
import { clearStaleRedis } from './stale-redis.ts';
import { waitUntil } from './wait-until.ts';

/** A private `redis-server` child process started by {@link startRedisServer}. */
export interface RedisServerProcess {
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  /** Shuts the server down (SIGTERM, SIGKILL after a bounded wait), waits for it to exit, removes the lock. */
  stop(): Promise<void>;
}

export interface StartRedisServerOptions {
  bin: string;
  dataDir: string;
  logger: Logger;
  /** How long to wait for the first PONG. */
  startTimeoutMs?: number;
}

type Exit = { code: number | null; signal: NodeJS.Signals | null };

const STOP_TIMEOUT_MS = 10_000;
const PORT_ATTEMPTS = 3;
const LOG_TAIL_LINES = 20;

/**
 * Starts `redis-server` on a free port of 127.0.0.1 with its data (AOF) in `dataDir`, and waits
 * until it answers PING. The server also stops when this process exits or gets SIGINT/SIGTERM
 * that nobody else handles. Throws {@link RedisUnavailableError} when the binary cannot be run.
 */
export async function startRedisServer(options: StartRedisServerOptions): Promise<RedisServerProcess> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  await clearStaleRedis(dataDir, options.logger);
  for (let attempt = 1; ; attempt++) {
    const started = await startOnce({ ...options, dataDir }, await findFreePort());
    if (started.ok) return started.server;
    // Another program may take the free port between our check and redis-server's bind.
    if (!started.portTaken || attempt >= PORT_ATTEMPTS) throw new Error(started.reason);
  }
}

type StartOnce = { ok: true; server: RedisServerProcess } | { ok: false; portTaken: boolean; reason: string };

async function startOnce(options: StartRedisServerOptions, port: number): Promise<StartOnce> {
  const { bin, dataDir, logger } = options;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir];
  args.push('--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--daemonize', 'no');
  // Own process group: Ctrl-C in the terminal reaches doanbot, which shuts Redis down after its own cleanup.
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const tail: string[] = [];
  const log = logger.child({ redisServer: port });
  for (const stream of [child.stdout, child.stderr]) forwardLines(stream, tail, log);

  let exit: Exit | undefined;
  const exited = new Promise<Exit>((done) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      done(exit);
    }),
  );
  const spawnError = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
    child.once('spawn', () => done(undefined));
    child.once('error', (error) => done(error));
  });
  child.on('error', (error) => log.warn({ err: error }, 'redis-server process error'));
  if (spawnError || child.pid === undefined) {
    const code = spawnError?.code ?? 'unknown error';
    throw new RedisUnavailableError(`Cannot run ${bin} (${code}).`);
  }
  const pid = child.pid;
  writeLock(dataDir, { ownerPid: process.pid, redisPid: pid, port });

  const url = `redis://127.0.0.1:${port}`;
  const timeoutMs = options.startTimeoutMs ?? 10_000;
  const ready = await waitUntil(async () => exit !== undefined || (await pingRedis(url, 300)).ok, { timeoutMs });
  if (!ready || exit) {
    if (!exit) child.kill('SIGKILL');
    await exited;
    removeLock(dataDir);
    const output = tail.join('\n');
    const why = ready ? `exited (${exit?.code ?? exit?.signal})` : `did not answer within ${timeoutMs} ms`;
    return {
      ok: false,
      portTaken: /address already in use/i.test(output),
      reason: `${bin} ${why} on port ${port}:\n${output}`,
    };
  }
  // Neither the child nor its pipes keep the event loop alive; the exit handler below stops the server.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) unrefStream(stream);
  let stopping: Promise<void> | undefined;
  void exited.then((e) => {
    if (!stopping) log.error({ ...e, output: tail.join('\n') }, 'The private Redis stopped unexpectedly');
  });
  const handlers = registerExitHandlers(child, dataDir, () => stop());
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (!exit) {
        child.kill('SIGTERM');
        const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(killTimer);
      }
      handlers.remove();
      removeLock(dataDir);
      log.info({ redisPid: pid }, 'Private Redis stopped');
    })());
  return { ok: true, server: { pid, port, url, stop } };
}

function forwardLines(stream: Readable | null, tail: string[], log: Logger): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    tail.push(line);
    if (tail.length > LOG_TAIL_LINES) tail.shift();
    log.debug(line);
  });
}

function unrefStream(stream: Readable | null): void {
  const handle = stream as (Readable & { unref?: () => void }) | null;
  handle?.unref?.();
}

/**
 * On process exit: SIGTERM the server (synchronously; it finishes its own shutdown) and remove the lock.
 * On SIGINT/SIGTERM that no one else listens to: stop the server, then let the signal end the process.
 * When the application has its own signal handlers, it is expected to call `stop()` itself.
 */
function registerExitHandlers(child: ChildProcess, dataDir: string, stop: () => Promise<void>): { remove(): void } {
  const onExit = (): void => {
    child.kill('SIGTERM');
    removeLock(dataDir);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (process.listenerCount(signal) > 1) return;
    void stop().finally(() => process.kill(process.pid, signal));
  };
  process.once('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    remove() {
      process.off('exit', onExit);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
