import { defineConfig } from 'playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

// End-to-end: the example apps, built on the packed kit, against the local API server, in
// Debian's Chromium (never a downloaded one). global-setup.ts starts everything on 127.0.0.1.
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../test-results/e2e/output',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: '../test-results/e2e/results.json' }],
    ['./totalsReporter.ts'],
  ],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: findChromium() ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    // A trace's screencast and DOM snapshots cost the page seconds on a 120-row table and would
    // be measured as slow polling. Ask for one with --trace on when debugging.
    trace: 'off',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
