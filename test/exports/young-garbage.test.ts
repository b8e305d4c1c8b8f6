import { describe, expect, it } from 'vitest';
import { collectYoungGarbage } from '../../src/exports/young-garbage.ts';

describe('collectYoungGarbage', () => {
  it('collects without exposing gc to the rest of the process', () => {
    const exposedBefore = 'gc' in globalThis;
    expect(() => collectYoungGarbage()).not.toThrow();
    expect(() => collectYoungGarbage()).not.toThrow();
    expect('gc' in globalThis).toBe(exposedBefore);
  });
});
