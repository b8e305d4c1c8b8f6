import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PLATFORM_LIBRARIES = ['telegraf', 'axios', 'ioredis', 'bullmq'];
const PLATFORM_FREE = ['src/core', 'src/flow', 'src/qa', 'src/plan-bundle', 'src/i18n'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
}

describe('architecture', () => {
  it.each(PLATFORM_FREE)('%s imports no platform library and no adapter', (dir) => {
    const offending = sources(dir).flatMap((file) =>
      importsOf(file)
        .filter((spec) => PLATFORM_LIBRARIES.some((lib) => spec === lib || spec.startsWith(`${lib}/`)) || spec.includes('/channels/'))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
