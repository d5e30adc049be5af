import { defineConfig } from '@playwright/test';

// Debian's Chromium (Playwright's own browser download cannot run here); --no-sandbox as root.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  // A throwaway PostgreSQL cluster for the head-office spec (skipped when YIMA_TEST_PG_URL is set).
  globalSetup: './test/support/pg-global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    trace: 'off',
  },
  projects: [
    { name: 'harness', testIgnore: /electron\/.*/ },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ },
  ],
});
