import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.ts';

/** The built site is served by `astro preview`; E2E_PORT lets several checkouts test at once. */
const port = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // Two workers on the 2-core CI machine: each is a Node process driving a Chromium, and the
  // fixture builder (global-setup.ts) runs beside them.
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // At the end of the run, the ten slowest spec files with their time (tests/e2e/slowest-reporter.ts).
  reporter: [[process.env.CI ? 'line' : 'list'], ['./tests/e2e/slowest-reporter.ts']],
  reportSlowTests: null,
  // Fixture sites (tests/support/fixture-build.node.ts) start building in the background before
  // the first test and are deleted after the last.
  globalSetup: './tests/e2e/global-setup.ts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [
    // The review workflow end to end (a scratch Git repository, three builds, the real Decap UI):
    // minutes, not seconds, so it is a project of its own (`--project=review` runs it alone).
    // Listed first so that its one serial chain starts first, beside the site's many short tests,
    // instead of running alone at the end.
    { name: 'review', testMatch: /cms-review\.spec\.ts$/ },
    { name: 'site', testIgnore: /cms-review\.spec\.ts$/ },
  ],
  webServer: {
    command: `npx astro preview --port ${port} --host localhost`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
