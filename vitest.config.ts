import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Finds or starts a Redis for the run, so `npm test` works on a fresh machine.
    globalSetup: ['test/support/global-redis.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Files run in parallel workers; every test isolates itself with its own Redis key prefix and queue names.
    pool: 'forks',
  },
});
