import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A child process whose CPU time and memory are read from /proc (Linux). */
export class Measured {
  private maxRss = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly child: ChildProcess) {}

  static spawn(command: string, args: string[], env: Record<string, string>): Measured {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${args.at(-1)}] ${chunk.toString()}`));
    return new Measured(child);
  }

  /** Resolves when a line of stdout matches. */
  waitForLine(pattern: RegExp): Promise<void> {
    return new Promise((resolve, reject) => {
      let buffer = '';
      const onData = (chunk: Buffer) => {
        buffer += chunk.toString();
        if (pattern.test(buffer)) {
          this.child.stdout?.off('data', onData);
          resolve();
        }
      };
      this.child.stdout?.on('data', onData);
      this.child.once('exit', (code) => reject(new Error(`process exited (${code}) before it was ready`)));
    });
  }

  /** User + system CPU time so far, in ms. */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  }

  rssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  }

  /** Starts sampling the resident memory; `peakRssMb()` gives the highest since. */
  sampleRss(): void {
    this.maxRss = this.rssMb();
    clearInterval(this.timer);
    this.timer = setInterval(() => (this.maxRss = Math.max(this.maxRss, this.rssMb())), 100);
  }

  peakRssMb(): number {
    clearInterval(this.timer);
    return Math.max(this.maxRss, this.rssMb());
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
