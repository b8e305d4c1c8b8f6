import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
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
  /** The pids measured: found again at each CPU reading, reused by the frequent memory samples. */
  private pids: number[] | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly child: ChildProcess) {}

  static spawn(command: string, args: string[], env: Record<string, string>): Measured {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    // Read what the process prints, or a full pipe would stop it (a cluster's workers share it).
    child.stdout?.resume();
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

  /** User + system CPU time so far, in ms, of the process and every process under it (WORKERS). */
  cpuMs(): number {
    let ticks = 0;
    for (const pid of (this.pids = this.tree())) {
      const fields = statFields(pid);
      // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks.
      if (fields) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return (ticks * 1000) / 100;
  }

  /** Resident memory of the process and every process under it, in MB. */
  rssMb(): number {
    let kb = 0;
    for (const pid of (this.pids ??= this.tree())) {
      try {
        kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      } catch {
        // ended meanwhile
      }
    }
    return kb / 1024;
  }

  /** This process's pid and its descendants' (a cluster primary's workers), from /proc. */
  private tree(): number[] {
    const root = this.child.pid;
    if (root === undefined) return [];
    const parentOf = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const fields = statFields(Number(name));
      if (fields) parentOf.set(Number(name), Number(fields[1]));
    }
    const pids = [root];
    for (let i = 0; i < pids.length; i++) for (const [pid, parent] of parentOf) if (parent === pids[i]) pids.push(pid);
    return pids;
  }

  /** Starts sampling the resident memory; `peakRssMb()` gives the highest since. */
  sampleRss(): void {
    this.pids = this.tree();
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

/** The fields of /proc/<pid>/stat after the command name (state, ppid, …); null when it has ended. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
