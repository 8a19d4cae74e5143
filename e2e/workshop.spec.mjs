// User journeys of the workshop pages (issue: the workshop model).
import { test, expect, exportModel, autosaved } from './fixtures.mjs';
import { readFile } from 'node:fs/promises';

const SLO = 'services-0--journeys-0--slis-0--slos-0-';

async function buildSmallModel(page) {
  await page.goto('workshop/?page=model');
  await page.getByRole('button', { name: 'New model' }).click();
  await expect(page.locator('#team-name')).toHaveValue('');
  await page.locator('#team-name').fill('Payments <team>');
  // Each added item's first field takes the focus once it is drawn: wait
  // for it, so typing never lands in a field the focus then leaves.
  await page.getByRole('button', { name: 'Add a service' }).click();
  await expect(page.locator('#services-0--name')).toBeFocused();
  await page.locator('#services-0--name').fill('Checkout API');
  await page.getByRole('button', { name: 'Add a journey or endpoint' }).click();
  await expect(page.locator('#services-0--journeys-0--name')).toBeFocused();
  await page.locator('#services-0--journeys-0--name').fill('Pay');
  await page.getByRole('button', { name: 'Add an SLI' }).click();
  await expect(page.locator('#services-0--journeys-0--slis-0--name')).toBeFocused();
  await page.locator('#services-0--journeys-0--slis-0--name').fill('Payment availability');
  await page.locator('#services-0--journeys-0--slis-0--goodEvents').fill('payments answered without 5xx');
  await page.getByRole('button', { name: 'Add an SLO' }).click();
  await expect(page.locator(`#${SLO}-target`)).toBeFocused();
  await page.locator(`#${SLO}-target`).fill('99.95');
  await page.locator(`#${SLO}-window`).fill('28d');
}

test('build a model, export it, clear storage, import it back', async ({ page }) => {
  await buildSmallModel(page);
  // The budget is computed live beside the SLO.
  await expect(page.locator(`#${SLO}-budget`)).toContainText('allowed downtime 20m 9.6s');
  await page.getByRole('link', { name: 'Document' }).click();
  const { file, text } = await exportModel(page);
  const json = JSON.parse(text);
  expect(json.schemaVersion).toBe(9);
  expect(json.team.name).toBe('Payments <team>');
  expect(json.services[0].journeys[0].slis[0].slos[0].target).toBe('99.95');

  // Once the autosave has caught up, a fresh browser: no storage.
  await expect.poll(() => autosaved(page)).toEqual(JSON.parse(text));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // A fresh start opens on the example.
  await expect(page.locator('#doc-status')).toHaveText('agreed');
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.locator('#notice')).toContainText('Imported');
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await expect(page.locator('#team-name')).toHaveValue('Payments <team>');
  await expect(page.locator('#services-0--name')).toHaveValue('Checkout API');
  await expect(page.locator('#services-0--journeys-0--name')).toHaveValue('Pay');
  await expect(page.locator('#services-0--journeys-0--slis-0--name')).toHaveValue('Payment availability');
  await expect(page.locator(`#${SLO}-target`)).toHaveValue('99.95');
  await expect(page.locator(`#${SLO}-window`)).toHaveValue('28d');
});

test('edits survive a reload', async ({ page }) => {
  await buildSmallModel(page);
  await page.reload();
  await expect(page.locator('#team-name')).toHaveValue('Payments <team>');
  await expect(page.locator(`#${SLO}-target`)).toHaveValue('99.95');
});

test('undo and redo, with buttons and Ctrl+Z / Ctrl+Shift+Z', async ({ page }) => {
  await page.goto('workshop/?page=model');
  const team = page.locator('#team-name');
  await expect(team).toHaveValue('Example Game Service');
  await team.fill('Renamed team');
  await page.locator('#services-0--name').fill('Renamed API');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('#services-0--name')).toHaveValue('Game API');
  await page.keyboard.press('Control+z');
  await expect(team).toHaveValue('Example Game Service');
  await page.keyboard.press('Control+Shift+z');
  await expect(team).toHaveValue('Renamed team');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('#services-0--name')).toHaveValue('Renamed API');
});

test('a share link restores the model exactly, and asks before replacing other work', async ({ page, browser }) => {
  await buildSmallModel(page);
  await page.getByRole('link', { name: 'Document' }).click();
  // The app switches the page, and its address, once the page's code is in.
  await expect(page.locator('h1.page-title')).toHaveText('SLO document');
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.locator('#share-link').inputValue();
  expect(link).toMatch(/\/slo-planner\/workshop\/document\/#model=[A-Za-z0-9_-]+$/);
  const { text: exported } = await exportModel(page);

  const other = await browser.newPage();
  await other.goto(link);
  await expect(other.locator('#notice')).toContainText('Opened the shared model');
  await expect(other).not.toHaveURL(/#model=/);
  await expect.poll(() => autosaved(other)).toEqual(JSON.parse(exported));
  await other.goto('workshop/?page=model'.replace(/^/, link.split('workshop/')[0]));
  await expect(other.locator('#team-name')).toHaveValue('Payments <team>');

  // With other work open, the link asks first; declining keeps the work.
  await other.locator('#team-name').fill('Other work');
  const asked = [];
  other.on('dialog', (d) => { asked.push(d.message()); d.dismiss(); });
  await other.goto(link);
  await expect(other.locator('#notice')).toContainText('Kept your model');
  expect(asked[0]).toContain('replaces the model you are working on');
  await other.close();
});

test('a bad file is refused with what and where, and the model is untouched', async ({ page }) => {
  await page.goto('workshop/?page=document');
  await expect(page.locator('#doc-status')).toHaveText('agreed');
  await page.locator('#import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  await expect(page.locator('#notice')).toContainText('broken.json was not imported: the file is not JSON: line 1, column 3');
  await page.locator('#import-file').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(6 * 1024 * 1024, 32) });
  await expect(page.locator('#notice')).toContainText('huge.json was not imported: the file is 6.0 MB; a model file can be at most 5 MB');
  await page.locator('#import-file').setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 10}') });
  await expect(page.locator('#notice')).toContainText('schemaVersion 10, newer than this slo-planner reads');
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await expect(page.locator('#team-name')).toHaveValue('Example Game Service');
  await expect(page.locator(`#${SLO}-target`)).toHaveValue('97');
});

test('a model file saved with a byte order mark (as Windows editors save it) is imported as JSON', async ({ page }) => {
  await page.goto('workshop/');
  const model = JSON.parse(await readFile(new URL('../examples/workbook-api.json', import.meta.url), 'utf8'));
  model.team.name = 'Team from Notepad';
  const bytes = Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), Buffer.from(JSON.stringify(model, null, 2))]);
  await page.locator('#import-file').setInputFiles({ name: 'notepad.json', mimeType: 'application/json', buffer: bytes });
  await expect(page.locator('#notice')).toContainText('Imported notepad.json');
  await expect(page.locator('#team-name')).toHaveValue('Team from Notepad');
});

test('the document view shows the agreed fields, with user text escaped', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator('#team-name').fill('<img src=x onerror=alert(1)>');
  await page.locator('#services-0--name').fill('Game <b>API</b> & "co"');
  await page.locator('#services-0--journeys-0--slis-0--name').fill('</td><img src=y onerror=alert(2)>');
  await page.getByRole('link', { name: 'Document' }).click();
  const doc = page.locator('#document');
  await expect(doc.locator('.doc-title')).toHaveText('SLO document: <img src=x onerror=alert(1)>');
  // The SLO rows are written as HTML at once: every text in them is escaped.
  await expect(doc.locator('#doc-slos tbody tr').first()).toContainText('Game <b>API</b> & "co" / ');
  await expect(doc.locator('#doc-slos tbody tr').first()).toContainText('</td><img src=y onerror=alert(2)>');
  await expect(doc.locator('img')).toHaveCount(0);
  await expect(doc.locator('b')).toHaveCount(0);
  await expect(page.locator('#doc-status')).toHaveText('agreed');
  await expect(page.locator('#doc-approvers')).toContainText('Betsy Beyer (product owner)');
  await expect(page.locator('#doc-slos')).toContainText('97 %');
  await expect(page.locator('#doc-slos')).toContainText('20h 9m 36s');
  await expect(page.locator('#doc-slos')).toContainText('109,897');
  await expect(page.locator('#doc-clauses')).toContainText('runbooks/release-freeze.md');
});

test('validation shows each problem beside its field', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator(`#${SLO}-target`).fill('100');
  await expect(page.locator(`#${SLO}-target-problems`)).toHaveText('100 % leaves no error budget: choose a target below 100');
  await page.locator(`#${SLO}-sla`).fill('99');
  await page.locator(`#${SLO}-target`).fill('98');
  await expect(page.locator(`#${SLO}-sla-problems`)).toContainText('the SLA 99 % is not looser than the SLO 98 %');
  // A source goes behind "Why?", not in the sentence.
  await page.locator(`#${SLO}-historical`).fill('97.5');
  const target = page.locator(`#${SLO}-target-problems`);
  await expect(target).toContainText('the SLO 98 % is tighter than the best performance ever observed, 97.5 %');
  await expect(target.locator('details.why')).not.toHaveAttribute('open');
  await target.getByText('Why?').click();
  await expect(target.locator('details.why')).toContainText('Source: Establishing SRE Foundations (ESF), ch. 6.');
  // The list names places in words; the field path is only the link's tooltip.
  await page.getByRole('link', { name: 'Document' }).click();
  const list = page.locator('#problem-list');
  await expect(list).toContainText('the SLA 99 % is not looser than the SLO 98 %');
  await expect(list).not.toContainText('services[0]');
  await expect(list.locator('a[title="services[0].journeys[0].slis[0].slos[0].sla"]')).toHaveCount(1);
});

test('the Budget page and the workshop link to each other', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Policy' }).click();
  await expect(page).toHaveURL(/\/slo-planner\/workshop\/policy\/$/);
  await expect(page.locator('#policy-scope')).toHaveValue('All SLOs of the Game API');
  await page.getByRole('link', { name: 'Budget' }).click();
  await expect(page.locator('#allowed-downtime')).toBeVisible();
});

test('a model file dropped on the page is imported', async ({ page }) => {
  await page.goto('workshop/?page=document');
  const json = await readFile(new URL('../examples/seed-chain.json', import.meta.url), 'utf8');
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'seed-chain.json', { type: 'application/json' }));
    return data;
  }, json);
  await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: transfer });
  await expect(page.locator('#notice')).toContainText('Imported seed-chain.json');
  await expect(page.locator('#doc-status')).toHaveText('draft');
  await expect(page.locator('#doc-slos')).toContainText('98.5 %');
});

test('the JSON Schema ships with the site', async ({ page }) => {
  const response = await page.request.get('slo-model.schema.json');
  expect(response.ok()).toBe(true);
  const schema = await response.json();
  expect(schema.title).toBe('Model');
  expect(schema.required).toContain('schemaVersion');
});

test('removing an item is one undo step', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await expect(page.locator('#services-0--journeys-0--slis-2--name')).toHaveValue('API latency (850 ms)');
  await page.locator('#service-card-0').getByRole('button', { name: 'Remove this SLI' }).nth(1).click();
  await expect(page.locator('#services-0--journeys-0--slis-1--name')).toHaveValue('API latency (850 ms)');
  await expect(page.locator('#services-0--journeys-0--slis-2--name')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('#services-0--journeys-0--slis-1--name')).toHaveValue('API latency (400 ms)');
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('#doc-approvers')).toContainText('Betsy Beyer');
  await page.locator('.item-row').filter({ has: page.locator('#document-approvers-0--name') }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator('#doc-approvers')).not.toContainText('Betsy Beyer');
});

test('undo and redo reach back across page switches and a reload (the pages are one app)', async ({ page, context }) => {
  await page.goto('workshop/');
  await expect(page.locator('#team-name')).toHaveValue('Example Game Service');
  await page.locator('#team-name').fill('First name');
  await page.locator(`#${SLO}-target`).fill('99.5');
  // Old links with ?page= open the page at its own address.
  await page.goto('workshop/?page=burn');
  await expect(page).toHaveURL(/\/slo-planner\/workshop\/burn\/$/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await expect(page.locator(`#${SLO}-target`)).not.toHaveValue('99.5');
  await expect(page.locator('#team-name')).toHaveValue('First name');
  await page.reload();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator(`#${SLO}-target`)).toHaveValue('99.5');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('#team-name')).toHaveValue('Example Game Service');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  // A model another tab saves is shown here at once, and not undone with this tab's history.
  await page.locator('#team-name').fill('Mine');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('slo-planner.model.v1'))).toContain('"Mine"');
  const other = await context.newPage();
  await other.goto('workshop/policy/');
  await other.getByRole('link', { name: 'Model', exact: true }).click();
  await expect(other.locator('#team-name')).toHaveValue('Mine');
  await other.locator('#team-name').fill('Theirs');
  await expect(page.locator('#team-name')).toHaveValue('Theirs');
  await expect(page.locator('#notice')).toContainText('Another tab');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await other.close();
});

test("a page's address with index.html shows that page at its folder's address", async ({ page }) => {
  await page.goto('workshop/burn/index.html');
  await expect(page.locator('h1.page-title')).toHaveText('Burn');
  await expect(page).toHaveURL(/\/slo-planner\/workshop\/burn\/$/);
  await page.goto('workshop/index.html?page=policy');
  await expect(page.locator('h1.page-title')).toHaveText('Error budget policy');
});

test('a new model: empty pages say what to do first, and placeholders are examples', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.getByRole('button', { name: 'New model' }).click();
  await expect(page.locator('#team-name')).toHaveValue('');
  // Pages with nothing to show say where to start, with a link there.
  await page.getByRole('link', { name: 'Dependencies' }).click();
  await expect(page.locator('#no-diagram')).toContainText('No services yet: add one on the Model page');
  await page.getByRole('link', { name: 'Burn' }).click();
  await expect(page.locator('#no-slo-for-scenario')).toContainText('No SLO yet');
  await expect(page.locator('#add-scenario')).toBeDisabled();
  await page.locator('#no-slo-for-scenario').getByRole('link', { name: 'Model page' }).click();
  await expect(page.locator('h1.page-title')).toHaveText('Model');
  // A placeholder reads as an example, never as a value.
  await page.getByRole('button', { name: 'Add a service' }).click();
  await expect(page.locator('#services-0--name')).toBeFocused();
  await page.getByRole('link', { name: 'Dependencies' }).click();
  const own = page.locator('#services-0--ownAvailability');
  await expect(own).toHaveAttribute('placeholder', /^e\.g\. /);
  expect(await own.evaluate((e) => getComputedStyle(e, '::placeholder').fontStyle)).toBe('italic');
  await expect(page.locator('#services-0--ownAvailability-blank')).toHaveText('Left blank, it counts as 100 % (no failures of its own) until you enter it.');
});

test("a new model's scenario: the Workbook's three rules are said, no example talk, and removing them says what that means", async ({ page }) => {
  await buildSmallModel(page);
  await page.getByRole('link', { name: 'Burn' }).click();
  await expect(page.locator('.lede')).not.toContainText('spring');
  await page.locator('#add-scenario').click();
  await expect(page.locator('#alert-table')).toContainText('fast burn');
  await expect(page.locator('#rules-said')).toContainText("These are the SRE Workbook's three rules, which every new model starts with");
  await page.getByRole('button', { name: 'remove every rule' }).click();
  await expect(page.locator('#rules-said')).toContainText('No alert rules: nothing would page or open a ticket');
  await expect(page.locator('#no-alert-rules')).toContainText('The model has no alert rules, so nothing below can fire');
});
