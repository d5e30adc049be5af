import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // A throwaway PostgreSQL cluster for the head-office tests (skipped when YIMA_TEST_PG_URL is set).
    globalSetup: ['test/support/pg-global-setup.ts'],
  },
});
