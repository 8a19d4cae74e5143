// The workshop at workshop scale (issue: fast at 50 services): the model of
// `slo example scale --services 50` (written to target/scale-50.json by
// scripts/test.sh) imported, edited, undone, exported and reloaded, so the
// large case stays correct, not only fast (its speed: scripts/bench-ui.sh).
import { test, expect, exportModel } from './fixtures.mjs';
import { readFile } from 'node:fs/promises';

const MODEL = new URL('../target/scale-50.json', import.meta.url).pathname;
const LAST = 'services-49--journeys-0--slis-0--slos-0-';

async function importScale(page) {
  await page.goto('workshop/?page=model');
  await page.locator('#import-file').setInputFiles({
    name: 'scale-50.json', mimeType: 'application/json', buffer: await readFile(MODEL),
  });
  await expect(page.locator('#notice')).toContainText('Imported scale-50.json');
}

test('50 services: import, edit, undo, redo, export and reload', async ({ page }) => {
  await importScale(page);
  // Every service's card is folded at this scale; its title names it.
  await expect(page.locator('details.service')).toHaveCount(50);
  await expect(page.locator('details.service[open]')).toHaveCount(0);
  await expect(page.locator('#service-card-49 > summary')).toContainText('Service 50: Service 50');
  await expect(page.locator('#services-49--name')).toHaveCount(0);

  // Open the last service and edit an SLO: its budget follows.
  await page.locator('#service-card-49 > summary').click();
  await expect(page.locator(`#${LAST}-target`)).toHaveValue('99.5');
  await page.locator(`#${LAST}-target`).fill('99.95');
  await expect(page.locator(`#${LAST}-budget`)).toContainText('Error budget 0.05 %');
  await expect(page.locator('#services-48--name')).toHaveCount(0);

  // One undo step takes the typing back, redo brings it again.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator(`#${LAST}-target`)).toHaveValue('99.5');
  await expect(page.locator(`#${LAST}-budget`)).toContainText('Error budget 0.5 %');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator(`#${LAST}-target`)).toHaveValue('99.95');

  // The export holds all 50 services and the edit.
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('#doc-slos tbody tr')).toHaveCount(400);
  const { text } = await exportModel(page);
  const json = JSON.parse(text);
  expect(json.services).toHaveLength(50);
  expect(json.services[49].journeys[0].slis[0].slos[0].target).toBe('99.95');

  // Reloaded at once (the autosave is written when the page is left).
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await page.reload();
  await page.locator('#service-card-49 > summary').click();
  await expect(page.locator(`#${LAST}-target`)).toHaveValue('99.95');
});

test('50 services: a problem link opens the folded service and its field', async ({ page }) => {
  await importScale(page);
  await page.locator('#service-card-30 > summary').click();
  const target = 'services-30--journeys-1--slis-1--slos-1--target';
  await page.locator(`#${target}`).fill('abc');
  // Folded again, then reached through the problem list.
  await page.locator('#service-card-30 > summary').click();
  await expect(page.locator(`#${target}`)).toHaveCount(0);
  await page.getByRole('link', { name: 'Document' }).click();
  await page.locator('#problem-list a').filter({ hasText: 'Service 31' }).first().click();
  await expect(page.locator(`#${target}`)).toBeFocused();
  await expect(page.locator('#service-card-30')).toHaveAttribute('open', '');
});

test('50 services: the Dependencies page folds the services too', async ({ page }) => {
  await importScale(page);
  await page.getByRole('link', { name: 'Dependencies' }).click();
  await expect(page.locator('details.service-dependencies')).toHaveCount(50);
  await page.locator('#composite-9 > summary').click();
  // Service 10 ends a chain of ten: it depends on nothing of the model but soft on Service 12.
  await expect(page.locator('#composite-9')).toContainText('Independent failures (the estimate)');
  await expect(page.locator('#services-9--dependencies-0--name')).toHaveValue('Service 12');
});

test('50 services with a problem in every service: the long list scrolls in its own box and says so', async ({ page }) => {
  const model = JSON.parse(await readFile(MODEL, 'utf8'));
  for (const service of model.services) service.journeys[0].slis[0].slos[0].target = '';
  await page.goto('workshop/?page=model');
  await page.locator('#import-file').setInputFiles({
    name: 'scale-50-blank.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)),
  });
  await expect(page.locator('#notice')).toContainText('scale-50-blank.json');
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('#problem-summary')).toHaveText('50 error(s), 0 warning(s)');
  await expect(page.locator('#problem-list')).toHaveClass(/\blong\b/);
  await expect(page.locator('#problem-list-scrolls')).toHaveText('The 50 problems scroll inside the box above.');
  // A short list is shown whole, without the box.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('#problem-summary')).toHaveText('0 error(s), 0 warning(s)');
  await expect(page.locator('#problem-list-scrolls')).toHaveCount(0);
});
