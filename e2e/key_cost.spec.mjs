// What one key press costs, counted, not timed (issue 26): on a 5-service
// and on a 50-service model with every service's card open, a real key
// press in an SLO target re-reads the same number of fields (values and
// problems, counted by the app: `field_runs`) and makes the same number of
// DOM mutations (a MutationObserver on the whole page). A cost that grows
// with the model (every open field re-read on each key) fails here, on any
// machine, however fast. The speed itself: scripts/bench-ui.sh.
import { test, expect } from './fixtures.mjs';
import { readFile } from 'node:fs/promises';

const AT = 'services-0--journeys-0--slis-0--slos-0-';

/** The scale model with `services` services, changed by `change` (its JSON). */
async function scaleModel(services, change) {
  const path = new URL(`../target/scale-${services}.json`, import.meta.url).pathname;
  const model = JSON.parse(await readFile(path, 'utf8'));
  change(model);
  return Buffer.from(JSON.stringify(model));
}

async function openEverything(page, services, change = () => {}) {
  await page.goto('workshop/');
  await page.locator('#import-file').setInputFiles({
    name: `scale-${services}.json`, mimeType: 'application/json', buffer: await scaleModel(services, change),
  });
  // Over the model edited by the previous measure, the import asks first.
  await expect(page.locator('#notice, #import-choice').first()).toBeVisible();
  if (await page.locator('#import-choice').count()) await page.locator('#import-replace').click();
  await expect(page.locator('#notice')).toContainText(`Imported scale-${services}.json`);
  const open = page.getByRole('button', { name: 'Open every service' });
  if (await open.count()) await open.click();
  await expect(page.locator(`#services-${services - 1}--journeys-0--slis-0--slos-0--target`)).toBeVisible();
}

/** Presses `key` in the focused field; the field re-reads and DOM mutations
 *  from the key until two frames after the budget figure changed. */
async function press(page, key) {
  await page.evaluate((figure) => {
    const before = document.getElementById(figure).textContent;
    window.__cost = new Promise((resolve) => {
      let mutations = 0;
      const runs = window.wasmBindings.field_runs();
      const observer = new MutationObserver((records) => {
        mutations += records.length;
        if (document.getElementById(figure).textContent !== before && !window.__changed) {
          window.__changed = true;
          requestAnimationFrame(() => requestAnimationFrame(() => {
            observer.disconnect();
            resolve({ mutations, runs: window.wasmBindings.field_runs() - runs });
          }));
        }
      });
      window.__changed = false;
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  }, `${AT}-budget`);
  await page.keyboard.press(key);
  return page.evaluate(() => window.__cost);
}

async function keyCost(page, services, change) {
  await openEverything(page, services, change);
  const inputs = await page.locator('input, select, textarea').count();
  await page.locator(`#${AT}-target`).click();
  await page.keyboard.press('End');
  // The first key makes the undo step; the second is the one counted.
  await press(page, '5');
  const cost = await press(page, 'Backspace');
  return { inputs, ...cost };
}

test('one key press costs the same on 5 and on 50 services with every card open', async ({ page }) => {
  test.setTimeout(120_000);
  const small = await keyCost(page, 5);
  const large = await keyCost(page, 50);
  console.log(`key press, every card open: 5 services ${JSON.stringify(small)}; 50 services ${JSON.stringify(large)}`);
  expect(large.inputs).toBeGreaterThan(5 * small.inputs);
  expect(small.runs).toBeGreaterThan(0);
  expect(small.mutations).toBeGreaterThan(0);
  expect(large.runs).toBe(small.runs);
  expect(large.mutations).toBe(small.mutations);
});

test('with a problem listed for every service, one key press still costs the same on 5 and on 50', async ({ page }) => {
  test.setTimeout(120_000);
  // Every service's first SLO without its rationale: a warning each, shown
  // at its field; a key press elsewhere re-checks one service and touches
  // none of them.
  const noRationale = (model) => {
    for (const service of model.services) service.journeys[0].slis[0].slos[0].rationale = '';
  };
  const rationaleWarnings = (n) => page.locator('[id$="--slis-0--slos-0--rationale-problems"] p.warning').nth(n - 1);
  const small = await keyCost(page, 5, noRationale);
  await expect(rationaleWarnings(5)).toBeAttached();
  const large = await keyCost(page, 50, noRationale);
  await expect(rationaleWarnings(50)).toBeAttached();
  console.log(`key press, every card open, a problem per service: 5 services ${JSON.stringify(small)}; 50 services ${JSON.stringify(large)}`);
  expect(large.runs).toBe(small.runs);
  expect(large.mutations).toBe(small.mutations);
});
