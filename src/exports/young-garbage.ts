import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options?: { type?: 'minor' | 'major' }) => void;

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
 * Runs one young-generation collection (a scavenge: a few ms). For native libraries whose memory V8
 * does not see, such as resvg: each render holds several MB outside the JS heap (the pixel buffer,
 * the parsed fonts) until its small JS handles are collected, and nothing else makes V8 collect them
 * soon, so the process grew by about 6 MB per chart until some later collection. Call it once those
 * handles are out of scope (after the function that used them has returned).
 */
export function collectYoungGarbage(): void {
  collector()?.({ type: 'minor' });
}
