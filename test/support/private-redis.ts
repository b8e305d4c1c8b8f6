import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { pingRedis } from '../../src/infra/redis-ping.ts';
import { waitUntil } from '../../src/infra/wait-until.ts';
import { freePort } from './fake-telegram/free-port.ts';

/**
 * A `redis-server` of the test's own (no persistence) on a free port, that the test can kill and
 * start again on the same port, as an operator's Redis going down and coming back would.
 */
export class PrivateRedis {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on its port and waits until it answers PING. */
  async restart(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    const up = await waitUntil(async () => (await pingRedis(this.url, 200)).ok, { timeoutMs: 10_000 });
    if (!up) throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** Kills the server at once (SIGKILL) and waits for it to be gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}
