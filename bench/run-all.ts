/**
 * `npm run bench`: runs every `bench/*.bench.ts` module's exported `run…Bench()` function and
 * prints the lines each returns. `npm run bench -- qa outbound` runs only the named modules;
 * options such as `--count 300` are left for the benchmarks themselves to read.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type BenchFunction = () => Promise<string[]>;

const benchDir = dirname(fileURLToPath(import.meta.url));

/** Positional arguments name the benchmarks to run; `--flag value` pairs are skipped. */
function selectedNames(args: string[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      if (!arg.includes('=') && args[i + 1] !== undefined && !args[i + 1]?.startsWith('--')) i++;
    } else names.add(arg);
  }
  return names;
}

async function main(): Promise<void> {
  const wanted = selectedNames(process.argv.slice(2));
  const modules = readdirSync(benchDir)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort()
    .filter((file) => wanted.size === 0 || wanted.has(file.slice(0, -'.bench.ts'.length)));
  if (modules.length === 0) throw new Error(`no benchmark named ${[...wanted].join(', ')}`);
  for (const file of modules) {
    const exports = (await import(pathToFileURL(join(benchDir, file)).href)) as Record<string, unknown>;
    const runs = Object.entries(exports).filter(
      (entry): entry is [string, BenchFunction] => /^run\w*Bench$/.test(entry[0]) && typeof entry[1] === 'function',
    );
    for (const [name, run] of runs) {
      console.log(`== ${file}: ${name}`);
      const started = performance.now();
      for (const line of await run()) console.log(line);
      console.log(`   (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
