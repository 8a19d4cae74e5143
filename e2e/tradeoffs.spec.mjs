// User journeys of the Trade-offs page (issue 13): a product owner walks in
// with last quarter's incidents as a spreadsheet and leaves with a chosen
// target and the reasons for it in the agreed document.
import { test, expect, exportModel } from './fixtures.mjs';

const SLO = 'services-0--journeys-0--slis-0--slos-0';
const INCIDENTS = `#${SLO}--history-incidents`;

test('the example history: candidates side by side, the chart, past periods and the fit', async ({ page }) => {
  await page.goto('workshop/tradeoffs/');
  await expect(page.locator('#tradeoff-slo')).toContainText('Game API / 97 % of requests succeed');
  await expect(page.locator('#incidents-read')).toHaveText('10 incidents read.');
  const rows = page.locator('#tradeoff-table tbody tr:not(.lint)');
  await expect(rows).toHaveCount(4);
  // 97 % (now): 20h 9m 36s allowed per 28 days, every past period met.
  await expect(rows.nth(0)).toContainText('97 % (now)Choose20h 9m 36s');
  await expect(rows.nth(0)).toContainText('154 of 154');
  // 99.9 %: 40m 19.2s allowed; met in 35 of 154 rolling periods, and a release freeze.
  await expect(rows.nth(3)).toContainText('99.9 %Choose40m 19.2s');
  await expect(rows.nth(3)).toContainText('35 of 154');
  await expect(rows.nth(3)).toContainText('26.2');
  // "Typical incidents that fit" says the time to restore it assumes, and
  // every "Choose" is in view at 1280 px (next to its target).
  await expect(page.locator('#tradeoff-table caption')).toContainText('Typical incidents that fit: how many incidents of the median time to restore (');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('#choose-3').scrollIntoViewIfNeeded();
  await expect(page.locator('#choose-3')).toBeInViewport();
  // The table fits the page: nothing to scroll sideways at 1280 px.
  expect(await page.locator('#tradeoff-table').evaluate((t) => t.scrollWidth - t.clientWidth)).toBeLessThanOrEqual(1);
  await expect(page.locator('#tradeoff-scroll-hint')).toBeHidden();
  // On a phone it scrolls in its own box, the page does not, and a line says so.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('#tradeoff-scroll-hint')).toBeVisible();
  expect(await page.locator('#tradeoff-table').evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.locator('#tradeoff-summary')).toContainText('Worst period: rolling 28 days ending 2025-02-11: 99.7247 %.');
  await expect(page.locator('#tradeoff-summary')).toContainText('Historical best: 99.9404 %');
  await expect(page.locator('#tradeoff-chart svg')).toBeVisible();
  await expect(page.locator('#fitted-model')).toContainText('Fitted to 10 incidents');
  await page.locator('#past-periods summary').click();
  await expect(page.locator('#past-periods')).toContainText('rolling 28 days ending 2025-06-30');
  await page.locator('#incident-spend summary').click();
  await expect(page.locator('#incident-spend')).toContainText('expired TLS certificate');
  // Judged by calendar months instead, without editing the SLO's 28 days.
  await page.locator('#judge-by').selectOption({ label: 'calendar months' });
  await expect(page.locator('#tradeoff-table caption')).toContainText('Candidate targets per month period');
  await expect(rows.nth(0)).toContainText('97 % (now)');
  await expect(rows.nth(0)).toContainText('of 6');
  const { text } = await exportModel(page);
  expect(JSON.parse(text).services[0].journeys[0].slis[0].slos[0].window).toBe('28d');
});

test('paste incidents, see the table, choose a candidate, export it with its reasons', async ({ page }) => {
  await page.goto('workshop/tradeoffs/');
  await expect(page.locator('#tradeoff-table')).toBeVisible();
  // Cells pasted from a spreadsheet (tabs), one bad row among them.
  const pasted = [
    'Start\tDuration\tAffected\tCause',
    '2025-02-10 14:00\t42m\t100\tbad deploy',
    '2025-02-20 09:00\tsoon\t100\tunknown',
    '2025-04-10 14:00\t42m\t100\t<b>bad</b> deploy',
  ].join('\n');
  await page.locator(INCIDENTS).fill(pasted);
  await expect(page.locator('#incidents-read')).toHaveText('2 incidents read.');
  await expect(page.locator('#incidents-left-out')).toContainText('line 3');
  // Candidates typed one per line: a 42-minute outage fits 99.9 % in 30 days, not in 28.
  await page.locator(`#${SLO}--history-candidates`).fill('99\n99.9');
  const rows = page.locator('#tradeoff-table tbody tr:not(.lint)');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('99.9 %Choose40m 19.2s');
  // User text is shown as text, never as markup.
  await page.locator('#incident-spend summary').click();
  await expect(page.locator('#incident-spend')).toContainText('<b>bad</b> deploy');
  await expect(page.locator('#incident-spend b')).toHaveCount(0);
  // Choose 99.9 %: the target and the rationale change in one undo step.
  await page.getByRole('button', { name: 'Choose 99.9 %' }).click();
  await expect(page.locator('#notice')).toContainText('The SLO\'s target is now 99.9 %');
  await expect(rows.nth(1)).toContainText('99.9 % (now)');
  const { text } = await exportModel(page);
  const slo = JSON.parse(text).services[0].journeys[0].slis[0].slos[0];
  expect(slo.target).toBe('99.9');
  expect(slo.rationale).toContain('Chosen from the trade-off table: 99.9 %; allows 40m 19.2s of downtime per 28d');
  expect(slo.history.candidates).toEqual(['99', '99.9']);
  expect(slo.history.incidents).toContain('2025-04-10 14:00\t42m');
  // The Document page says why.
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('#slo-rationales')).toContainText('Game API / 97 % of requests succeed: Players tolerate a retry');
  await expect(page.locator('#slo-rationales')).toContainText('Chosen from the trade-off table: 99.9 %');
  await page.getByRole('link', { name: 'Trade-offs' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows.nth(0)).not.toContainText('(now)');
  await page.goto('workshop/?page=model');
  await expect(page.locator(`#${SLO}--target`)).toHaveValue('97');
});

test('an SLI series for the session, a bad file, and an edited risk model', async ({ page }) => {
  await page.goto('workshop/tradeoffs/');
  await expect(page.locator('#tradeoff-table')).toBeVisible();
  // A day per minute: 1,440 samples, two minutes of errors, one bad row.
  const lines = ['timestamp,good,valid'];
  for (let m = 1; m <= 1440; m += 1) {
    const at = Date.UTC(2025, 5, 1, 0, m) / 1000;
    lines.push(`${at},${m === 60 || m === 61 ? 500 : 1000},1000`);
  }
  lines.push('1748822400,2000,1000');
  await page.locator('#series-file').setInputFiles({ name: 'sli.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.locator('#series-read')).toContainText('1,440 samples read');
  await expect(page.locator('#series-left-out')).toContainText('line 1442');
  await expect(page.locator('#tradeoff-summary')).toContainText("the series' bad events");
  // Another SLO picked forgets the series (it is one SLI's); back to the first.
  await page.locator('#tradeoff-slo').selectOption({ index: 1 });
  await expect(page.getByRole('button', { name: 'Forget the series' })).toHaveCount(0);
  await page.locator('#tradeoff-slo').selectOption({ index: 0 });
  await page.locator('#series-file').setInputFiles({ name: 'sli.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.locator('#series-read')).toContainText('1,440 samples read');
  await page.getByRole('button', { name: 'Forget the series' }).click();
  await expect(page.locator('#tradeoff-summary')).toContainText("the incidents' bad time");
  // A file that is not a series at all is a message, and the table stays.
  await page.locator('#series-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"status":"error"}') });
  await expect(page.locator('#series-read')).toContainText('The series cannot be read');
  await expect(page.locator('#tradeoff-table')).toBeVisible();
  // Edit the fitted risk model: the chances come from the edit.
  await page.getByRole('button', { name: 'Edit the fitted model' }).click();
  const rate = page.locator(`#${SLO}--history-risk-incidentsPerPeriod`);
  await expect(rate).toBeFocused();
  await rate.fill('lots');
  await expect(page.locator(`#${SLO}--history-risk-incidentsPerPeriod-problems`)).toContainText('"lots"');
  await rate.fill('0.2');
  await expect(page.locator('#tradeoff-summary')).toContainText('the risk model as edited');
  await page.reload();
  await expect(page.locator(`#${SLO}--history-risk-incidentsPerPeriod`)).toHaveValue('0.2');
});

test('bad span and candidates are messages at their fields; no record is a message in the table', async ({ page }) => {
  await page.goto('workshop/tradeoffs/');
  await page.locator(`#${SLO}--history-from`).fill('last spring');
  await expect(page.locator(`#${SLO}--history-from-problems`)).toContainText('"last spring" is not a date');
  await page.locator(`#${SLO}--history-candidates`).fill('99.9\n101');
  await expect(page.locator(`#${SLO}--history-candidates-1--problems`)).toContainText('101');
  await page.locator(INCIDENTS).fill('');
  await page.locator(`#${SLO}--history-from`).fill('');
  await expect(page.locator('#tradeoff-problems')).toContainText('bring past incidents or an SLI series');
});

test("a problem's link opens the Trade-offs page on its SLO's history field", async ({ page }) => {
  await page.goto('workshop/tradeoffs/');
  // The second SLO (API latency, 400 ms) has no history yet: its first edit makes one.
  await page.locator('#tradeoff-slo').selectOption({ index: 1 });
  const from = '#services-0--journeys-0--slis-1--slos-0--history-from';
  await page.locator(from).fill('soon');
  await page.getByRole('link', { name: 'Document' }).click();
  const item = page.locator('#problem-list li.error').first();
  await expect(item.getByRole('link')).toHaveAttribute('title', 'services[0].journeys[0].slis[1].slos[0].history.from');
  await item.getByRole('link').click();
  await expect(page).toHaveURL(/\/slo-planner\/workshop\/tradeoffs\/$/);
  await expect(page.locator('#tradeoff-slo')).toHaveValue('1');
  await expect(page.locator(from)).toBeFocused();
  await expect(page.locator(`${from}-problems`)).toContainText('"soon" is not a date');
});

test('5 MB of incidents pasted are read a slice at a time with a progress line, the page answering, and kept on reload', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('workshop/tradeoffs/');
  await expect(page.locator('#incidents-read')).toHaveText('10 incidents read.');
  // An incident every ten minutes from 2025 on: about 57,000 rows, 5 MB.
  const rows = ['start,duration,affected,cause'];
  let size = rows[0].length;
  for (let i = 0; size < 5e6; i += 1) {
    const at = new Date(Date.UTC(2025, 0, 1) + i * 600_000).toISOString().slice(0, 16).replace('T', ' ');
    const row = `${at},3m,50,incident number ${i} after a bad deploy of the checkout service`;
    rows.push(row);
    size += row.length + 1;
  }
  // Pasted as a person does: the text on the clipboard, then Ctrl+V in the field.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), rows.join('\n'));
  await page.locator(INCIDENTS).fill('');
  await page.locator(INCIDENTS).focus();
  await page.keyboard.press('Control+V');
  // A progress line that moves: the page is drawn again between slices.
  const reading = page.locator('#incidents-reading');
  await expect(reading).toContainText(/Reading the incidents: [\d.]+ of 5\.0 MB/);
  const first = Number(await reading.locator('progress').getAttribute('value'));
  await expect.poll(async () => Number(await reading.locator('progress').getAttribute('value') ?? first)).toBeGreaterThan(first);
  // The page answers meanwhile: another field takes what is typed.
  await page.locator(`#${SLO}--history-to`).fill('2026-02-01');
  await expect(page.locator(`#${SLO}--history-to`)).toHaveValue('2026-02-01');
  // Leaving the page while the paste is being read stops the reading, not
  // the app; back on the page, it is read again.
  await expect(reading).toBeVisible();
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await expect(page.locator('h1.page-title')).toHaveText('Model');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
  await page.getByRole('link', { name: 'Trade-offs' }).click();
  const count = (rows.length - 1).toLocaleString('en-US');
  await expect(page.locator('#incidents-read')).toHaveText(`${count} incidents read.`, { timeout: 60_000 });
  await expect(reading).toHaveCount(0);
  await expect(page.locator('#tradeoff-table tbody tr:not(.lint)')).toHaveCount(4);
  // Nothing lost on reload: the autosave holds the paste.
  await page.reload();
  await expect(page.locator('#incidents-read')).toHaveText(`${count} incidents read.`, { timeout: 60_000 });
});
