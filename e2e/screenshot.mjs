// Takes the README screenshots of the release build (light and dark, desktop
// and phone; and the Trade-offs page). Usage: node e2e/serve.mjs 8098 & node e2e/screenshot.mjs 8098
import { chromium } from '@playwright/test';

const port = process.argv[2] ?? '8098';
const url = `http://127.0.0.1:${port}/slo-planner/?target=99.95&window=month:2024-03&tz=America/New_York&events=3000000&timeslice=1m&downtime=43m%2012s`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [name, options] of [
  ['screenshot', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
  ['screenshot-dark', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
  ['screenshot-phone', { viewport: { width: 390, height: 844 }, colorScheme: 'light', deviceScaleFactor: 1 }],
]) {
  const page = await browser.newPage(options);
  await page.goto(url);
  await page.locator('#allowed-downtime').waitFor();
  await page.screenshot({ path: `docs/${name}.png`, fullPage: name !== 'screenshot-phone' });
  await page.close();
}
// The Trade-offs page on the example model (its first half of 2025's incidents).
{
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  await page.goto(`http://127.0.0.1:${port}/slo-planner/workshop/tradeoffs/`);
  await page.locator('#tradeoff-chart svg').waitFor();
  // Cards off screen are not rendered (content-visibility): a viewport as
  // tall as the page shows every one.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  await page.screenshot({ path: 'docs/screenshot-tradeoffs.png' });
  await page.close();
}
// The workshop as the room sees it: the Model page on a 1920 px projector,
// the Dependencies page on a 390 px phone.
for (const [name, path, options] of [
  ['screenshot-workshop', 'workshop/', { viewport: { width: 1920, height: 1080 }, colorScheme: 'light' }],
  ['screenshot-workshop-phone', 'workshop/dependencies/', { viewport: { width: 390, height: 844 }, colorScheme: 'light', deviceScaleFactor: 1 }],
]) {
  const page = await browser.newPage(options);
  await page.goto(`http://127.0.0.1:${port}/slo-planner/${path}`);
  await page.locator('h1.page-title').waitFor();
  if (name.endsWith('phone')) {
    // The Azure chain example has the dependencies to show.
    await page.locator('#examples-menu > summary').click();
    await page.getByRole('button', { name: 'Example: Azure chain' }).click();
    await page.locator('svg#dependency-diagram').waitFor();
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
  await page.screenshot({ path: `docs/${name}.png` });
  await page.close();
}
await browser.close();
