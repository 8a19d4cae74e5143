// Issue 12: after one visit the site works with no network. The service
// worker precaches this build's files; offline, every page reloads, the
// model can be edited, and it exports (JSON, and Markdown from the formats
// worker, itself from the cache).
import { test, expect } from './fixtures.mjs';

test.use({ serviceWorkers: 'allow' });

const PAGES = [
  ['', '#allowed-downtime'],
  ['workshop/?page=model', '#team-name'],
  ['workshop/dependencies/', 'h1.page-title'],
  ['workshop/tradeoffs/', '#tradeoff-slo'],
  ['workshop/burn/', '#burn-loading, #budget-left'],
  ['workshop/policy/', '#policy-scope'],
  ['workshop/document/', '#doc-slos'],
];

test('after one visit, every page reloads, edits and exports offline', async ({ page, context }) => {
  await page.goto('workshop/?page=model');
  await expect(page.locator('#team-name')).toHaveValue('Example Game Service');
  // The worker has installed every file of this build.
  const files = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const cache = await caches.open((await caches.keys()).find((k) => k.startsWith('slo-planner-')));
    return { active: Boolean(registration.active), cached: (await cache.keys()).length };
  });
  expect(files.active).toBe(true);
  expect(files.cached).toBeGreaterThan(20);
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  await context.setOffline(true);
  for (const [path, ready] of PAGES) {
    await page.goto(path);
    await expect(page.locator(ready).first()).toBeVisible();
  }
  await page.goto('workshop/?page=model');
  await page.locator('#team-name').fill('Offline team');
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('main')).toContainText('Offline team');
  // Export JSON, and Markdown through the formats worker, from the cache.
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  expect((await json).suggestedFilename()).toBe('offline-team.slo.json');
  await page.locator('#export-more > summary').click();
  const markdown = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown', exact: true }).click();
  expect((await markdown).suggestedFilename()).toBe('offline-team.slo.md');
  await page.goto('workshop/?page=model');
  await expect(page.locator('#team-name')).toHaveValue('Offline team');
  await context.setOffline(false);
});
