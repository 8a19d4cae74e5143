// End-to-end tests in Debian's headless Chromium against the release build in
// dist/, served under the /slo-planner/ sub-path like static hosting.
import { defineConfig } from '@playwright/test';
import { launchOptions } from './browser.mjs';

const port = 8099;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/slo-planner/`,
    launchOptions,
    // The service worker (offline after one visit) only where a journey asks
    // for it (offline.spec.mjs): the other journeys test the network path.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node e2e/serve.mjs ${port} /slo-planner/`,
    cwd: new URL('..', import.meta.url).pathname,
    url: `http://127.0.0.1:${port}/slo-planner/`,
    reuseExistingServer: false,
  },
});
