import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** `gc()` is a full collection; `gc({ type: 'minor' })` a scavenge (Node 20 does a scavenge for `{ type: 'major' }` too). */
type Collect = (options?: { type: 'minor' }) => void;

let collect: Collect | null | undefined;

/** V8's own `gc` function: the one `--expose-gc` gives, else obtained once by setting that flag for a moment. */
function collector(): Collect | null {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: Collect }).gc;
  if (exposed) return (collect = exposed);
  try {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as Collect;
    setFlagsFromString('--no-expose-gc');
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * One young-generation collection (a scavenge: a few ms). For native libraries whose memory V8
 * does not see, such as resvg: each chart holds several MB outside the JS heap (the pixels, the
 * parsed fonts) until its small JS handles are collected, and nothing made V8 collect them soon, so
 * the process grew by about 6 MB per chart. Call it once those handles are out of scope (after the
 * function that used them has returned).
 */
export function collectYoungGarbage(): void {
  collector()?.({ type: 'minor' });
}

/**
 * One full collection (40–75 ms with a national tree in memory). Before reading a large structure
 * again that replaces one just dropped (the unit table after a change), so that the old one and the
 * garbage around it are gone before the new one is read, instead of both counting in the peak.
 */
export function collectAllGarbage(): void {
  collector()?.();
}
