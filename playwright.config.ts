import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the web UI against `label-station serve`, the simulator and a PDF-folder
 * printer, in the system's Chromium (never a downloaded browser).
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // One station per file; files run one after the other on the shared 2-core machines.
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI === 'true',
  reporter: [['list']],
  use: {
    headless: true,
    // The smallest kiosk screen the UI must serve; one test checks 1920×1080.
    viewport: { width: 1024, height: 600 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
});
