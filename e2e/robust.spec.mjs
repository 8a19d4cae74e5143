// Nothing a workshop types can break the page or lose work (issue 9): the
// crashes found by hand, models with errors that open again, agreement,
// renames, planned downtime, long input, and a forced panic.
import { test, expect, exportModel, autosaved, openExample } from './fixtures.mjs';
import { test as plain } from '@playwright/test';

const SLO = 'services-0--journeys-0--slis-0--slos-0-';
const S = '#services-0--journeys-0--slis-0--slos-0--scenarios-0';

test('a huge failover is a message at its field, and the page keeps working', async ({ page }) => {
  await page.goto('workshop/?page=dependencies');
  await openExample(page, 'Example: Azure chain');
  await page.locator('#services-0--dependencies-0--coupling-type').selectOption({ label: 'redundant: k of n replicas must be up' });
  const failover = page.locator('#services-0--dependencies-0--coupling-failover');
  await failover.fill('99999999999999999999999d');
  await expect(page.locator('#services-0--dependencies-0--coupling-failover-problems'))
    .toContainText('is too long: a failover can be at most 365d');
  await failover.fill('1000000000000000000000w');
  await page.locator('#services-0--dependencies-0--coupling-failuresPerYear').fill('1000');
  await expect(page.locator('#services-0--dependencies-0--coupling-failover-problems')).toContainText('too long');
  await failover.fill('30s');
  await page.locator('#services-0--dependencies-0--coupling-failuresPerYear').fill('5000');
  await expect(page.locator('#services-0--dependencies-0--coupling-failuresPerYear-problems'))
    .toContainText('"5000" is too large: a number of failures per year can be at most 1,000');
  // The rest keeps working: fixed, the composite is computed again.
  await page.locator('#services-0--dependencies-0--coupling-failuresPerYear').fill('4');
  await expect(page.locator('#composite-0')).toContainText('Independent failures (the estimate)');
});

/** Makes local storage refuse the model as full, and the larger store
 *  (IndexedDB) fail too while `window.__largeBroken` is set. */
async function fullStorage(page, { largeBroken }) {
  await page.addInitScript((largeBroken) => {
    window.__storageFull = true;
    window.__largeBroken = largeBroken;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull && key === 'slo-planner.model.v1') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      if (window.__largeBroken) throw new DOMException('The larger store is broken here.', 'UnknownError');
      return open.apply(this, args);
    };
  }, largeBroken);
}

test('a model local storage cannot hold is saved in the larger store (IndexedDB), said once, and opens from it', async ({ page }) => {
  await fullStorage(page, { largeBroken: false });
  await page.goto('workshop/?page=model');
  await page.locator('#team-name').fill('Large team');
  await expect(page.locator('#notice')).toContainText(/This browser's quick storage is full \(it keeps about 5 MB a site; the model is \d+ KB as JSON\): the model is saved in the browser's larger store instead\./);
  await expect(page.locator('#unsaved')).toHaveCount(0);
  // The autosave in local storage is gone, so nothing older is read back.
  expect(await autosaved(page)).toBeNull();
  await page.reload();
  await expect(page.locator('#notice')).toContainText(/Your saved model \(\d+ KB\) is opened from the browser's larger store\./);
  await expect(page.locator('#team-name')).toHaveValue('Large team');
  // Once local storage holds it again, it is the one read.
  await page.evaluate(() => { window.__storageFull = false; });
  await page.locator('#team-name').fill('Small again');
  await expect.poll(async () => (await autosaved(page))?.team.name).toBe('Small again');
  expect(await page.evaluate(() => localStorage.getItem('slo-planner.model.large'))).toBeNull();
});

test('a model another tab saves in the larger store is shown in the other tabs too', async ({ context, page }) => {
  const other = await context.newPage();
  for (const tab of [page, other]) await fullStorage(tab, { largeBroken: false });
  await page.goto('workshop/?page=model');
  await other.goto('workshop/?page=model');
  await page.locator('#team-name').fill('Large team');
  await expect(page.locator('#notice')).toContainText("the model is saved in the browser's larger store instead");
  await expect(other.locator('#team-name')).toHaveValue('Large team');
  await expect(other.locator('#notice')).toContainText('Another tab of this workshop saved the model: this tab shows that model now.');
  // And back: the other tab's edit reaches the first.
  await other.locator('#team-name').fill('Larger team');
  await expect(page.locator('#team-name')).toHaveValue('Larger team');
  await other.close();
});

test('an autosave neither store keeps is said at once, with why and an Export JSON right there', async ({ page }) => {
  await fullStorage(page, { largeBroken: true });
  await page.goto('workshop/?page=model');
  await page.locator('#team-name').fill('Unsaved team');
  const unsaved = page.locator('#unsaved');
  await expect(unsaved).toContainText(/Your latest changes are not saved in this browser: the model is \d+ KB as JSON, and this browser's storage for the site is full .*; the browser's larger store refused it too \(The larger store is broken here\.\)/);
  // Export JSON, right there, keeps the work.
  const download = page.waitForEvent('download');
  await unsaved.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  const { readFile } = await import('node:fs/promises');
  expect(JSON.parse(await readFile(await file.path(), 'utf8')).team.name).toBe('Unsaved team');
  // It stays until an autosave succeeds, and then says so.
  await page.locator('#team-name').fill('Unsaved team 2');
  await expect(unsaved).toBeVisible();
  await page.evaluate(() => { window.__storageFull = false; });
  await page.locator('#team-name').fill('Saved team');
  await expect(page.locator('#notice')).toContainText('Your changes are saved in this browser again.');
  await expect(unsaved).toHaveCount(0);
  expect((await autosaved(page)).team.name).toBe('Saved team');
});

test('a huge alert window and burn rate are messages at their fields', async ({ page }) => {
  await page.goto('workshop/?page=burn');
  await page.locator('#alertRules-0--longWindow').fill('99999999999999999999999d');
  await expect(page.locator('#alertRules-0--longWindow-problems')).toContainText('is too long: a long window can be at most 36500d');
  await page.locator('#alertRules-0--longWindow').fill('1h');
  await expect(page.locator('#budget-left')).toHaveText('36.5 %');
  await expect(page.locator('#burn-budget')).toContainText('Budget: 1,995,840 bad requests allowed over 28d at 97 %, from this scenario\'s own traffic');
  await expect(page.locator('#burn-budget')).toContainText('rounded down to whole requests');
  await expect(page.locator('#alert-table caption')).toContainText('times to the nearest millisecond');
});

test('a model with errors exports and opens again, with its problems at their fields', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator(`#${SLO}-target`).fill('100');
  await expect(page.locator(`#${SLO}-target-problems`)).toContainText('100 % leaves no error budget');
  // The example was agreed: an error takes it back to draft, and says so.
  await expect(page.locator('#notice')).toContainText('The document is a draft');
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('#doc-status')).toHaveText('draft');
  const { file, text: exported } = await exportModel(page);
  expect(JSON.parse(exported).document.status).toBe('draft');

  // Once the autosave has caught up, a fresh browser: no storage.
  await expect.poll(() => autosaved(page)).toEqual(JSON.parse(exported));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('#doc-status')).toHaveText('agreed');
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.locator('#notice')).toContainText('but it has 1 error(s), shown at their fields');
  await expect(page.locator('#doc-status')).toHaveText('draft');
  // The autosave follows within moments of the last change.
  await expect.poll(() => autosaved(page)).toEqual(JSON.parse(exported));
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await expect(page.locator(`#${SLO}-target`)).toHaveValue('100');
  await expect(page.locator(`#${SLO}-target-problems`)).toContainText('100 % leaves no error budget');
});

test('"agreed" is refused at the field while errors remain', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator(`#${SLO}-target`).fill('abc');
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('#doc-status')).toHaveText('draft');
  await page.locator('#document-status').selectOption({ label: 'agreed' });
  await expect(page.locator('#agreement-refused')).toContainText('Not agreed');
  await expect(page.locator('#agreement-refused')).toContainText('Game API › Play a game › API availability › 97 % of requests succeed › target');
  await expect(page.locator('#agreement-refused')).not.toContainText('services[0]');
  await expect(page.locator('#doc-status')).toHaveText('draft');
  await expect(page.locator('#document-status')).toHaveValue('draft');
  // Fixed, it can be agreed again.
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await page.locator(`#${SLO}-target`).fill('97');
  await page.getByRole('link', { name: 'Document' }).click();
  await page.locator('#document-status').selectOption({ label: 'agreed' });
  await expect(page.locator('#doc-status')).toHaveText('agreed');
  await expect(page.locator('#agreement-refused')).toHaveCount(0);
});

test('the document gives a calendar window its time zone, and a rolling window none', async ({ page }) => {
  await page.goto('workshop/?page=document');
  // The example's rolling 28 days: the same length in every time zone.
  const first = page.locator('#doc-slos tbody tr').first();
  await expect(first).toContainText('28d');
  await expect(first).not.toContainText('time zone');
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await page.locator(`#${SLO}-window`).fill('month');
  await page.locator(`#${SLO}-timeZone`).fill('Europe/Berlin');
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(first).toContainText('monthtime zone: Europe/Berlin');
});

test('renaming a condition carries its clauses along', async ({ page }) => {
  await page.goto('workshop/?page=policy');
  const id = page.locator('#policy-conditions-0--id');
  const before = await id.inputValue();
  expect(before).not.toBe('');
  await id.fill('renamed-condition');
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('#doc-status')).toHaveText('agreed');
  await expect(page.locator('#problem-list')).not.toContainText('no condition has the id');
});

test('planned downtime never sets off the single-incident clause', async ({ page }) => {
  await page.goto('workshop/?page=burn');
  await expect(page.locator('#policy-timeline')).toContainText('Conduct a postmortem');
  await page.getByRole('button', { name: 'Remove this event' }).nth(2).click();
  await page.getByRole('button', { name: 'Remove this event' }).nth(1).click();
  await page.locator(`${S}--events-0--duration`).fill('12h');
  await expect(page.locator('#scenario-events')).toContainText('Release windowplanned downtime');
  await expect(page.locator('#policy-timeline')).not.toContainText('postmortem');
});

test('a 10,000-character value is cut in its message and the page keeps its width', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator(`#${SLO}-target`).fill('9'.repeat(10_000));
  const message = await page.locator(`#${SLO}-target-problems`).innerText();
  expect(message.length).toBeLessThan(300);
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(width);
});

// A panic logs to the console by design, so this journey does not use the
// fixture that fails on console errors.
plain('a panic shows a banner, and the autosave keeps the last good model', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator('#team-name').fill('Before the panic');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('slo-planner.model.v1')))
    .toContain('Before the panic');
  const saved = await page.evaluate(() => localStorage.getItem('slo-planner.model.v1'));
  await page.evaluate(() => setTimeout(() => window.wasmBindings.slo_planner_forced_panic(), 0));
  const banner = page.locator('#panic-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('Something went wrong inside slo-planner; your work up to your last edit is saved.');
  expect(await page.evaluate(() => localStorage.getItem('slo-planner.model.v1'))).toBe(saved);
  await page.locator('#panic-reload').click();
  await expect(page.locator('#panic-banner')).toHaveCount(0);
  await expect(page.locator('#team-name')).toHaveValue('Before the panic');
});

test('every page fits a 390 px phone: the navigation wraps, tables scroll in their card', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['', 'workshop/?page=model', 'workshop/?page=dependencies', 'workshop/?page=tradeoffs', 'workshop/?page=burn',
    'workshop/?page=policy', 'workshop/?page=document']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Document' })).toBeInViewport();
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll, path).toBeLessThanOrEqual(width);
  }
});

test('"Skip to the content" moves the focus without leaving the page', async ({ page }) => {
  await page.goto('workshop/?page=policy');
  // Wait for the app to be mounted before the first key press.
  await expect(page.locator('#policy-conditions-0--id')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator('a.skip')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/\/workshop\/policy\/$/);
});

test('a share link pasted into a tab already on the workshop opens at once', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator('#team-name').fill('Shared team');
  await page.getByRole('link', { name: 'Document' }).click();
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.locator('#share-link').inputValue();
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await page.locator('#team-name').fill('Changed since');
  // Only the fragment changes: no reload, the hashchange opens it.
  await page.evaluate((l) => { window.location.hash = l.split('#')[1]; }, link);
  await expect(page.locator('#notice')).toContainText('Opened the shared model');
  await expect(page.locator('#team-name')).toHaveValue('Shared team');
});

test('an autosave an older version wrote opens brought up to date (through the importer worker)', async ({ page }) => {
  await page.goto('workshop/');
  await page.locator('#team-name').fill('Team of version 4');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('slo-planner.model.v1'))).toContain('Team of version 4');
  await page.evaluate(() => {
    const model = JSON.parse(localStorage.getItem('slo-planner.model.v1'));
    model.schemaVersion = 4;
    for (const c of model.policy.consequences) {
      if (c.kind?.activity?.activity === 'actionItem') c.kind.activity.priority = 'priority 2';
    }
    localStorage.setItem('slo-planner.model.v1', JSON.stringify(model, null, 2));
  });
  await page.goto('workshop/policy/');
  await expect(page.locator('#notice')).toContainText('brought up to date');
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await expect(page.locator('#team-name')).toHaveValue('Team of version 4');
});

test('the pages carry no importer: it is a worker started by an import', async ({ page }) => {
  const loaded = [];
  const workers = [];
  page.on('request', (r) => loaded.push(r.url()));
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('workshop/burn/');
  await expect(page.locator('h1.page-title')).toBeVisible();
  expect(loaded.filter((u) => u.includes('importer'))).toEqual([]);
  expect(workers).toEqual([]);
  await page.locator('#import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 5, "team": 3}') });
  await expect(page.locator('#notice')).toContainText('bad.json was not imported');
  await expect(page.locator('#notice')).toContainText('team');
  expect(workers.map((u) => new URL(u).pathname)).toEqual(['/slo-planner/workshop/importer_loader.js']);
  // The formats worker comes only with an export other than JSON.
  expect(loaded.filter((u) => u.includes('formats'))).toEqual([]);
  await page.locator('#export-more > summary').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown', exact: true }).click();
  await download;
  expect(workers.map((u) => new URL(u).pathname)).toContain('/slo-planner/workshop/formats_loader.js');
});

test('the Burn page comes in parts: the runtime, its editors, then the run and its charts as a chunk', async ({ page }) => {
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto('workshop/burn/');
  await expect(page.locator('h1.page-title')).toHaveText('Burn');
  // The results, the charts and the Monte Carlo outcome come from the chunk.
  await expect(page.locator('#budget-left')).toBeVisible();
  await expect(page.locator('#budget-chart svg')).toBeVisible();
  // The app's files are the workshop's (workshop/), whatever the page's address.
  for (const part of ['burn_page', 'burn_parts']) {
    const chunks = loaded.filter((u) => new RegExp(`^/slo-planner/workshop/lazy-${part}[^/]*\\.wasm$`).test(u));
    expect(chunks, part).toHaveLength(1);
  }
  // Besides them, only the code they share with other pages: no other page's chunk, nor "Export as…"
  // (every other chunk is preloaded 3 s after the first page is shown).
  const lazy = loaded.filter((u) => u.includes('lazy-'));
  expect(lazy.filter((u) => !/lazy-(burn_page|burn_parts|chunk_)/.test(u))).toEqual([]);
  // The first load does not name the chunk: the page asks for it.
  const html = await (await page.request.get('workshop/burn/')).text();
  expect(html).not.toContain('lazy-');
  // An edit re-runs the scenario in the chunk already there.
  await page.getByRole('button', { name: 'Add an incident' }).click();
  await expect(page.locator('#scenario-events')).toContainText('incident');
  await expect(page.locator('#scenario-events tbody tr')).toHaveCount(4);
  // (The other chunks load a few seconds after the first page is up: not these again.)
  const burn = (u) => /lazy-burn_(page|parts)/.test(u);
  expect(loaded.filter(burn)).toHaveLength(lazy.filter(burn).length);
});

test('a few seconds after the first page, every chunk is in: offline, every other page still opens', async ({ page, context }) => {
  const chunks = [];
  page.on('requestfinished', (r) => { if (r.url().includes('/lazy-')) chunks.push(r.url()); });
  await page.goto('workshop/');
  await expect(page.locator('h1.page-title')).toHaveText('Model');
  const firstLoad = chunks.length;
  // The preload starts 3 s after the first page is shown.
  await expect.poll(() => chunks.length, { timeout: 15_000 }).toBeGreaterThan(firstLoad);
  // The app marks its root once the last chunk is in.
  await expect(page.locator('html')).toHaveAttribute('data-chunks', 'loaded', { timeout: 30_000 });
  await context.setOffline(true);
  for (const [name, title] of [['Dependencies', 'Dependencies'], ['Trade-offs', 'Trade-offs'], ['Burn', 'Burn'], ['Policy', 'Error budget policy'], ['Document', 'SLO document']]) {
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.locator('h1.page-title')).toHaveText(title);
  }
  await expect(page.locator('#panic-banner')).toHaveCount(0);
  await context.setOffline(false);
});
