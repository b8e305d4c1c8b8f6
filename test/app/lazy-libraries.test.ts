import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The libraries only some commands need are loaded on first use (README "Performance"), so they must not
 * be reachable from `src/main.ts` through static imports: one `import ExcelJS from 'exceljs'` in a module
 * the bot loads at start would put it back in every process's memory.
 */
const LOADED_ON_FIRST_USE = ['exceljs', 'docx', 'echarts', '@resvg/resvg-js', 'mammoth', 'unpdf'];
/** Each channel's client library is loaded with its adapter, only when the channel is configured. */
const LOADED_WITH_THEIR_CHANNEL = ['telegraf', 'axios'];

/**
 * What a module imports when it runs: every `import … from` / `export … from` / `import '…'` except
 * `import type` and `export type` (erased), and not `import()` (loaded when called). With
 * verbatimModuleSyntax, `import { type A } from 'x'` still loads 'x', so it counts.
 */
function runtimeImports(source: string): string[] {
  const pattern = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].filter((m) => !m[1]).map((m) => m[2]!);
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every package the bot loads at start through static imports from `entry`. */
function packagesLoadedAtStart(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [resolve(entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('node:')) continue;
      if (!spec.startsWith('.')) packages.add(packageName(spec));
      else if (spec.endsWith('.ts')) {
        const target = join(dirname(file), spec);
        if (!existsSync(target)) throw new Error(`${file} imports ${spec}, which does not exist`);
        pending.push(target);
      }
    }
  }
  return packages;
}

describe('libraries loaded on first use', () => {
  const atStart = packagesLoadedAtStart('src/main.ts');

  it('follows the static imports of the bot (it finds the libraries every process needs)', () => {
    expect([...atStart]).toEqual(expect.arrayContaining(['ioredis', 'bullmq', 'fastify', 'zod']));
  });

  it.each(LOADED_ON_FIRST_USE)('%s is not loaded when the bot starts', (library) => {
    expect(atStart.has(library)).toBe(false);
  });

  it.each(LOADED_WITH_THEIR_CHANNEL)('%s is loaded only with its channel', (library) => {
    expect(atStart.has(library)).toBe(false);
  });

  it('reads type-only imports as erased and the rest as loaded', () => {
    const source = [
      "import type ExcelJS from 'exceljs';",
      "import type { Document } from 'docx';",
      "import { type Fill } from 'echarts';",
      "import {\n  a,\n  b,\n} from './multi-line.ts';",
      "export { c } from 'mammoth';",
      "import 'unpdf';",
      "const lazy = await import('@resvg/resvg-js');",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['echarts', './multi-line.ts', 'mammoth', 'unpdf']);
  });
});
