import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Files run in parallel workers; every test isolates itself with its own Redis key prefix and queue names.
    pool: 'forks',
  },
});
