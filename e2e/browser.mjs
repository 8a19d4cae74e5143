// How the end-to-end tests start Chromium: Debian's, headless, as the CI
// machine runs it (e2e/playwright.config.mjs, and the specs that change it).
export const launchOptions = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
  ],
};
