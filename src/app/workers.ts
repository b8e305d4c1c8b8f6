import cluster, { type Worker } from 'node:cluster';

/** Settings of {@link runWorkers}. */
export interface WorkersOptions {
  count: number;
  /** Where the primary says what happens to its workers (stderr in production). */
  log: (line: string) => void;
  /** A worker that dies on its own is started again after this many ms (default 1,000). */
  restartDelayMs?: number;
}

/**
 * The primary of `WORKERS=N`: forks N processes of this same program (node:cluster), each a whole bot
 * taking requests on the shared HTTP port; they are replicas on one Redis (exactly-once handling,
 * per-person order and reminders hold across processes). A worker that dies is started again; SIGTERM
 * or SIGINT stops every worker gracefully, and the primary exits once all are gone.
 * Resolves with the exit code the primary should end with.
 */
export function runWorkers(options: WorkersOptions): Promise<number> {
  const restartDelayMs = options.restartDelayMs ?? 1000;
  let stopping = false;
  const alive = new Set<Worker>();
  return new Promise((resolve) => {
    const start = (slot: number) => {
      const worker = cluster.fork({ DOANBOT_WORKER: String(slot) });
      alive.add(worker);
      worker.once('exit', (code, signal) => {
        alive.delete(worker);
        if (stopping) {
          if (alive.size === 0) resolve(0);
          return;
        }
        options.log(`doanbot worker ${slot} (pid ${worker.process.pid}) ended (${signal ?? `code ${code}`}); starting it again`);
        setTimeout(() => stopping || start(slot), restartDelayMs).unref();
      });
    };
    const stop = () => {
      if (stopping) return;
      stopping = true;
      options.log(`doanbot stopping ${alive.size} worker(s)`);
      if (alive.size === 0) resolve(0);
      for (const worker of alive) worker.process.kill('SIGTERM');
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    for (let slot = 1; slot <= options.count; slot++) start(slot);
    options.log(`doanbot started ${options.count} workers`);
  });
}

/** True in the primary process of a `WORKERS` > 1 run (it only supervises; workers do the work). */
export function isWorkersPrimary(count: number): boolean {
  return count > 1 && cluster.isPrimary;
}
