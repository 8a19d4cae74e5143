// Issue 9's modelling gaps and small things: components without journeys,
// problems named by their place and linked to their field, Export / Import /
// Share in the toolbar, and focus that follows add and remove.
import { test, expect, exportModel, openExample } from './fixtures.mjs';

const SLO = 'services-0--journeys-0--slis-0--slos-0-';

test('a component has an availability and dependencies, no journeys, even in an agreed document', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.getByRole('button', { name: 'Add a service' }).click();
  // Focus moved to the new service's first field.
  await expect(page.locator('#services-1--name')).toBeFocused();
  await page.keyboard.type('Leaderboard cache');
  await expect(page.locator('#services-1--journeys-problems')).toContainText('a user journey or endpoint is missing');
  await page.locator('#services-1--kind').selectOption({ label: 'component: infrastructure (database, cache, queue)' });
  await page.locator('#services-1--ownAvailability').fill('99.99');
  await expect(page.locator('#services-1--journeys-problems')).toBeEmpty();
  await page.getByRole('link', { name: 'Dependencies' }).click();
  await expect(page.locator('#services-1--ownAvailability')).toHaveValue('99.99');
  await page.getByRole('link', { name: 'Document' }).click();
  // Adding the unnamed service took the agreed example back to draft; agree again.
  await page.locator('#document-status').selectOption({ label: 'agreed' });
  await expect(page.locator('#agreement-refused')).toHaveCount(0);
  await expect(page.locator('#doc-status')).toHaveText('agreed');
  await expect(page.locator('#doc-components')).toContainText('Leaderboard cache');
  await expect(page.locator('#doc-components')).toContainText('infrastructure');
  await expect(page.locator('#doc-components')).toContainText('99.99 %');
  const { text } = await exportModel(page);
  const json = JSON.parse(text);
  expect(json.schemaVersion).toBe(9);
  expect(json.services[1]).toMatchObject({ name: 'Leaderboard cache', kind: 'infrastructure', ownAvailability: '99.99' });
  expect(json.services[0].kind).toBeUndefined();
});

test('problems are listed by the names of their place and open their field', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator(`#${SLO}-target`).fill('100');
  await page.getByRole('link', { name: 'Document' }).click();
  const item = page.locator('#problem-list li.error').first();
  await expect(item).toContainText(/^Game API › Play a game › .+ › target: 100 % leaves no error budget/);
  // The place in words; the field path only as the link's tooltip.
  await expect(item.getByRole('link')).toHaveAttribute('title', 'services[0].journeys[0].slis[0].slos[0].target');
  await expect(item).not.toContainText('services[0]');
  await item.getByRole('link').click();
  await expect(page).toHaveURL(/\/slo-planner\/workshop\/$/);
  await expect(page.locator(`#${SLO}-target`)).toBeFocused();
});

test('Export, Import and Share are in the toolbar of every workshop page', async ({ page }) => {
  for (const name of ['model', 'dependencies', 'tradeoffs', 'burn', 'policy', 'document']) {
    await page.goto(`workshop/?page=${name}`);
    const toolbar = page.getByRole('toolbar', { name: 'Model' });
    await expect(toolbar.getByRole('button', { name: 'Export JSON' })).toBeVisible();
    await expect(toolbar.locator('#import-label')).toBeVisible();
    await expect(toolbar.getByRole('button', { name: 'Share link' })).toBeVisible();
  }
  // From the Burn page: export, change, import the export back.
  const { file } = await exportModel(page);
  await page.goto('workshop/?page=model');
  await page.locator(`#${SLO}-target`).fill('99.5');
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.locator('#notice')).toContainText('Imported');
  await expect(page.locator(`#${SLO}-target`)).not.toHaveValue('99.5');
  // The keyboard opens the file picker from the toolbar's Import button.
  const chooser = page.waitForEvent('filechooser');
  await page.locator('#import-label').focus();
  await page.keyboard.press('Enter');
  await chooser;
});

test('focus follows add and remove, never dropping to the body', async ({ page }) => {
  await page.goto('workshop/?page=document');
  const rows = page.locator('[id^="document-changeLog-"][id$="--date"]');
  // The change log comes in after the page's first frame: count it once it is there.
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  await page.getByRole('button', { name: 'Add a change' }).click();
  await expect(page.locator(`#document-changeLog-${before}--date`)).toBeFocused();
  // Remove the first change: focus goes to the change now in its place.
  await page.locator('#document-changeLog-0--date').locator('xpath=ancestor::div[contains(@class,"item-row")]').getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator('#document-changeLog-0--date')).toBeFocused();
  // Remove every change: focus lands on "Add a change".
  while (await rows.count() > 0) {
    await page.locator('#document-changeLog-0--date').locator('xpath=ancestor::div[contains(@class,"item-row")]').getByRole('button', { name: 'Remove' }).click();
  }
  await expect(page.getByRole('button', { name: 'Add a change' })).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
});

test('the burn charts follow dark mode and have accessible names', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('workshop/?page=burn');
  const chart = page.locator('#budget-chart svg');
  await expect(chart).toHaveAttribute('aria-label', /^Error budget remaining over the 28 days of the period: 36.5 % left at the end/);
  await expect(page.locator('#rate-chart svg')).toHaveAttribute('aria-label', /fast burn \(threshold 13.44, dashed\)/);
  const paper = await chart.locator('rect.chart-paper').first().evaluate((r) => getComputedStyle(r).fill);
  expect(paper).toBe('rgb(21, 27, 46)');
  const ink = await chart.locator('text.chart-ink').first().evaluate((t) => getComputedStyle(t).fill);
  expect(ink).toBe('rgb(243, 244, 246)');
});

test('the diagram holds its redundancy frames and cuts long names to their box', async ({ page }) => {
  await page.goto('workshop/?page=dependencies');
  await openExample(page, 'Example: Azure chain');
  await page.locator('#services-0--dependencies-1--name').fill('Azure Database for MySQL flexible server in West Europe, zone redundant');
  await page.locator('#services-0--dependencies-1--coupling-type').selectOption({ label: 'redundant: k of n replicas must be up' });
  const fits = await page.locator('#dependency-diagram').evaluate((svg) => {
    const [, , width, height] = svg.getAttribute('viewBox').split(' ').map(Number);
    const inside = (b) => b.x >= 0 && b.y >= 0 && b.x + b.width <= width && b.y + b.height <= height;
    const frames = [...svg.querySelectorAll('.group-frame, .group-label')].map((e) => inside(e.getBBox()));
    const names = [...svg.querySelectorAll('g.node')].map((g) => {
      const box = g.querySelector('rect:not(.group-frame)').getBBox();
      const text = g.querySelector('.node-name').getBBox();
      return text.x >= box.x && text.x + text.width <= box.x + box.width;
    });
    return { frames, names, title: svg.querySelector('g.node title')?.textContent };
  });
  expect(fits.frames.length).toBe(2);
  expect(fits.frames.every(Boolean)).toBe(true);
  expect(fits.names.every(Boolean)).toBe(true);
  await expect(page.locator('#dependency-diagram')).toHaveAttribute('aria-label', /^Dependency graph: /);
  await expect(page.locator('#dependency-diagram .node-name', { hasText: 'Azure Database for MySQL…' })).toHaveCount(1);
});

test('adding a scenario or a risk model focuses its first field; removing the risk model focuses "Add"', async ({ page }) => {
  await page.goto('workshop/?page=burn');
  const S1 = '#services-0--journeys-0--slis-0--slos-0--scenarios-1-';
  await page.locator('#add-scenario').click();
  await expect(page.locator(`${S1}-name`)).toBeFocused();
  await page.getByRole('button', { name: 'Add a risk model' }).click();
  await expect(page.locator(`${S1}-risk-incidentsPerPeriod`)).toBeFocused();
  await page.getByRole('button', { name: 'Remove the risk model' }).click();
  await expect(page.getByRole('button', { name: 'Add a risk model' })).toBeFocused();
});
