// Back and forward with the browser's back/forward cache on, as every
// browser has it (Playwright turns it off by default): between the
// workshop's pages the app switches in place; a workshop brought back as it
// was left (from the Budget page) must not write an older model over what
// another tab saved meanwhile.
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

/** Names the team `name` on the Model page, waits for the autosave, and
 *  follows the link to the Budget page (a page load: the workshop goes into
 *  the back/forward cache). */
async function nameTeamThenOpenBudget(page, name) {
  await page.goto('workshop/');
  await page.locator('#team-name').fill(name);
  await expect.poll(async () => (await autosaved(page))?.team.name).toBe(name);
  await page.getByRole('link', { name: 'Budget' }).click();
  await expect(page.locator('h1')).toHaveText('Error budget');
}

test('back and forward between workshop pages switch inside the app: no page load, nothing lost', async ({ page }) => {
  await page.goto('workshop/');
  await page.locator('#team-name').fill('First name');
  await page.getByRole('link', { name: 'Policy' }).click();
  await page.locator('#policy-conditions-0--id').fill('edited-on-policy');
  await page.goBack({ waitUntil: 'commit' });
  await expect(page).toHaveURL(/\/workshop\/$/);
  await expect(page.locator('#team-name')).toHaveValue('First name');
  // The undo history has both pages' edits: undo takes back the last one first.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('#team-name')).toHaveValue('First name');
  await page.goForward({ waitUntil: 'commit' });
  await expect(page.locator('#policy-conditions-0--id')).not.toHaveValue('edited-on-policy');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('#policy-conditions-0--id')).toHaveValue('edited-on-policy');
  // One page load for all of it.
  expect(await shows(page)).toBe('N');
});

test('back to the workshop after the model changed meanwhile: it reloads and shows that model', async ({ page }) => {
  await nameTeamThenOpenBudget(page, 'First name');
  // Another tab saves while this one shows the Budget page.
  await page.evaluate(() => {
    const model = JSON.parse(localStorage.getItem('slo-planner.model.v1'));
    model.team.name = 'Theirs';
    localStorage.setItem('slo-planner.model.v1', JSON.stringify(model));
  });
  await page.goBack({ waitUntil: 'commit' });
  // Brought back from the cache, then loaded again to read the other tab's save.
  await expect.poll(() => shows(page)).toBe('NNPN');
  await expect(page.locator('#team-name')).toHaveValue('Theirs');
});

test('back to the workshop when nothing changed meanwhile: it comes back as it was', async ({ page }) => {
  await nameTeamThenOpenBudget(page, 'Only here');
  await page.goBack({ waitUntil: 'commit' });
  await expect.poll(() => shows(page)).toBe('NNP');
  await expect(page.locator('#team-name')).toHaveValue('Only here');
});

test("back to the page shown while the next page's code is still loading: that page stays, not the next", async ({ page }) => {
  await page.goto('workshop/');
  await expect(page.locator('h1.page-title')).toHaveText('Model');
  // The Burn page's code arrives only when let through.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/lazy-burn_page[^/]*\.wasm$/, async (route) => { await held; await route.continue(); });
  const arrived = page.waitForResponse(/lazy-burn_page[^/]*\.wasm$/);
  await page.getByRole('link', { name: 'Burn' }).click();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
  await page.goBack();
  await expect(page).toHaveURL(/\/workshop\/$/);
  await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
  release();
  await arrived;
  // A few frames for the late chunk to be run: the Model page stays.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
  await expect(page.locator('h1.page-title')).toHaveText('Model');
  await expect(page.locator('#team-name')).toBeVisible();
  // And Burn still opens when asked again.
  await page.getByRole('link', { name: 'Burn' }).click();
  await expect(page.locator('h1.page-title')).toHaveText('Burn');
});
