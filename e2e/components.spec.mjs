// Issue 9's modelling gaps and small things: components without journeys,
// problems named by their place and linked to their field, Export / Import /
// Share in the toolbar, and focus that follows add and remove.
import { test, expect, exportModel } from './fixtures.mjs';

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
  expect(json.schemaVersion).toBe(4);
  expect(json.services[1]).toMatchObject({ name: 'Leaderboard cache', kind: 'infrastructure', ownAvailability: '99.99' });
  expect(json.services[0].kind).toBeUndefined();
});

test('problems are listed by the names of their place and open their field', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator(`#${SLO}-target`).fill('100');
  await page.getByRole('link', { name: 'Document' }).click();
  const item = page.locator('#problem-list li.error').first();
  await expect(item).toContainText(/^Game API › Play a game › .+ › target: 100 % leaves no error budget/);
  await expect(item.locator('code')).toHaveText('services[0].journeys[0].slis[0].slos[0].target');
  await item.getByRole('link').click();
  await expect(page).toHaveURL(/page=model/);
  await expect(page.locator(`#${SLO}-target`)).toBeFocused();
});

test('Export, Import and Share are in the toolbar of every workshop page', async ({ page }) => {
  for (const name of ['model', 'dependencies', 'burn', 'policy', 'document']) {
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
