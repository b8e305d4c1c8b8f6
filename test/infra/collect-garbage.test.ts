import { describe, expect, it } from 'vitest';
import { collectAllGarbage, collectYoungGarbage } from '../../src/infra/collect-garbage.ts';

describe('collecting garbage on purpose', () => {
  it('collects without exposing gc to the rest of the process', () => {
    const exposedBefore = 'gc' in globalThis;
    expect(() => collectYoungGarbage()).not.toThrow();
    expect(() => collectAllGarbage()).not.toThrow();
    expect(() => collectYoungGarbage()).not.toThrow();
    expect('gc' in globalThis).toBe(exposedBefore);
  });
});
