// Back and forward between the workshop's pages with the browser's
// back/forward cache on, as every browser has it (Playwright turns it off
// by default): a page brought back as it was left must not write an older
// model over what another page saved meanwhile.
import { test, expect, autosaved } from './fixtures.mjs';
import { launchOptions } from './browser.mjs';

test.use({ launchOptions: { ...launchOptions, ignoreDefaultArgs: ['--disable-back-forward-cache'] } });

// Notes in this tab's session storage how each page was shown: N loaded,
// P brought back from the back/forward cache.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => addEventListener('pageshow', (e) => {
    sessionStorage.setItem('shows', (sessionStorage.getItem('shows') ?? '') + (e.persisted ? 'P' : 'N'));
  }));
});
// (null while the page is between two loads.)
const shows = (page) => page.evaluate(() => sessionStorage.getItem('shows')).catch(() => null);

test('back to a page after another page changed the model: it reloads, and nothing is lost', async ({ page }) => {
  await page.goto('workshop/');
  await page.locator('#team-name').fill('First name');
  await page.getByRole('link', { name: 'Policy' }).click();
  await page.locator('#policy-conditions-0--id').fill('edited-on-policy');
  await expect.poll(async () => (await autosaved(page))?.policy.conditions[0].id).toBe('edited-on-policy');

  await page.goBack({ waitUntil: 'commit' });
  // Brought back from the cache, then loaded again to read the policy's edit.
  await expect.poll(() => shows(page)).toBe('NNPN');
  await expect(page.locator('#team-name')).toHaveValue('First name');
  await page.locator('#team-name').fill('Second name');
  await expect.poll(async () => (await autosaved(page))?.team.name).toBe('Second name');
  const saved = await autosaved(page);
  expect(saved.policy.conditions[0].id).toBe('edited-on-policy');
  // The undo history has both pages' edits: undo takes back the last one first.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('#team-name')).toHaveValue('First name');
  await page.goForward({ waitUntil: 'commit' });
  await expect(page.locator('#policy-conditions-0--id')).toHaveValue('edited-on-policy');
});

test('back to a page when nothing changed meanwhile: it comes back as it was', async ({ page }) => {
  await page.goto('workshop/');
  await page.locator('#team-name').fill('Only here');
  await expect.poll(async () => (await autosaved(page))?.team.name).toBe('Only here');
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('h1.page-title')).toHaveText('SLO document');
  await page.goBack({ waitUntil: 'commit' });
  await expect.poll(() => shows(page)).toBe('NNP');
  await expect(page.locator('#team-name')).toHaveValue('Only here');
});
