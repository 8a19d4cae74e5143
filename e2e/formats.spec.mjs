// Issue 12: the model leaves the workshop as files a team commits (OpenSLO
// YAML, Prometheus rules, Markdown) from the toolbar, and OpenSLO comes back
// in through Import… and drag and drop. The worker writes and reads them.
import { test, expect, exportModel } from './fixtures.mjs';
import { readFile } from 'node:fs/promises';

const SLO = 'services-0--journeys-0--slis-0--slos-0-';

/// Opens "Export as…", clicks `label`, and returns the download's name and text.
async function exportAs(page, label) {
  await page.locator('#export-more > summary').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: label, exact: true }).click();
  const file = await download;
  return { name: file.suggestedFilename(), path: await file.path(), text: await readFile(await file.path(), 'utf8') };
}

async function dropFile(page, name, text, type) {
  const transfer = await page.evaluateHandle(([text, name, type]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type }));
    return data;
  }, [text, name, type]);
  await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: transfer });
}

test('OpenSLO YAML goes out of the toolbar and comes back in through Import…', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator(`#${SLO}-target`).fill('99.5');
  const { name, text } = await exportAs(page, 'OpenSLO YAML');
  expect(name).toBe('example-game-service.openslo.yaml');
  expect(text.startsWith('# OpenSLO v1 for the SLOs of Example Game Service')).toBe(true);
  expect(text.match(/\nkind: SLO\n/g)).toHaveLength(3);
  expect(text).toContain('    target: 0.995\n');
  await expect(page.locator('#notice')).toContainText('Exported example-game-service.openslo.yaml (OpenSLO YAML).');

  // Change the model, then bring the file back: the target and window return.
  await page.locator(`#${SLO}-target`).fill('90');
  await page.locator(`#${SLO}-window`).fill('7d');
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
  // The file would drop the policy, the document and more: it asks first.
  await page.locator('#import-merge').click();
  await expect(page.locator('#notice')).toContainText('Merged example-game-service.openslo.yaml into your model (1 SLO updated)');
  await expect(page.locator(`#${SLO}-target`)).toHaveValue('99.5');
  await expect(page.locator(`#${SLO}-window`)).toHaveValue('28d');
  await expect(page.locator('#services-0--journeys-0--slis-0--queries-counted')).toHaveValue('http_requests_total{job="game-api",code=~"5.."}');
  // Undo brings back the model before the import.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator(`#${SLO}-target`)).toHaveValue('90');
});

test('an agreed model exported as OpenSLO and imported again asks first, and a merge keeps every part OpenSLO cannot carry', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator('#team-name').fill('Payments');
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('#doc-status')).toHaveText('agreed');
  const before = await exportModel(page);
  const { name, text } = await exportAs(page, 'OpenSLO YAML');
  const ours = { name, mimeType: 'application/yaml', buffer: Buffer.from(text) };

  // Our own file back: the question says what replacing would drop, by kind.
  await page.locator('#import-file').setInputFiles(ours);
  const choice = page.locator('#import-choice');
  await expect(choice).toContainText("payments.openslo.yaml would replace your model, which drops the team's name and description");
  await expect(choice).toContainText('the error budget policy');
  await expect(choice).toContainText('the agreed status');
  await expect(choice).toContainText('(here: nothing changed)');
  await page.locator('#import-merge').click();
  await expect(page.locator('#notice')).toContainText('Merged payments.openslo.yaml into your model (nothing changed)');
  await expect(choice).toHaveCount(0);
  expect((await exportModel(page)).text).toBe(before.text);

  // A file with one target changed: only that target changes.
  expect(text.match(/target: 0\.97\n/g)).toHaveLength(1);
  await page.locator('#import-file').setInputFiles({ name: 'changed.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text.replace('target: 0.97\n', 'target: 0.975\n')) });
  await page.locator('#import-merge').click();
  await expect(page.locator('#notice')).toContainText('Merged changed.yaml into your model (1 SLO updated)');
  const expected = JSON.parse(before.text);
  expected.services[0].journeys[0].slis[0].slos[0].target = '97.5';
  expect(JSON.parse((await exportModel(page)).text)).toEqual(expected);
  await expect(page.locator('#doc-status')).toHaveText('agreed');

  // "Keep my model" imports nothing; "Replace my model" replaces it (undo brings it back).
  await page.locator('#import-file').setInputFiles(ours);
  await page.locator('#import-keep').click();
  await expect(page.locator('#notice')).toContainText('Kept your model; payments.openslo.yaml was not imported.');
  await page.locator('#import-file').setInputFiles(ours);
  await page.locator('#import-replace').click();
  await expect(page.locator('#notice')).toContainText('Imported payments.openslo.yaml');
  await expect(page.locator('#doc-status')).toHaveText('draft');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('#doc-status')).toHaveText('agreed');
});

test('Prometheus rules download with a stable link back to the workshop, and name what they leave out', async ({ page }) => {
  await page.goto('workshop/?page=model');
  const { name, text } = await exportAs(page, 'Prometheus rules');
  expect(name).toBe('example-game-service.rules.yml');
  expect(text).toContain('- alert: ErrorBudgetFastBurn');
  expect(text).toContain('>= 0.4032');
  // The workshop's address and the SLO by name, not the whole model (a
  // share link would change the committed file on every edit).
  expect(text).toMatch(/slo_planner_url: http\S*\/slo-planner\/workshop\/\n/);
  expect(text).not.toContain('#model=');
  expect(text).toContain('slo_planner_slo: Example Game Service / Game API / ');
  await page.locator('#team-description').fill('Edited elsewhere');
  expect((await exportAs(page, 'Prometheus rules')).text).toBe(text);

  // The seed chain's SLI has no queries: nothing to write, and the notice says why.
  const seed = await readFile(new URL('../examples/seed-chain.json', import.meta.url));
  await page.locator('#import-file').setInputFiles({ name: 'seed.json', mimeType: 'application/json', buffer: seed });
  // The team's description typed above would go: the import asks first.
  await expect(page.locator('#import-choice')).toContainText("which drops the team's name and description");
  await page.locator('#import-replace').click();
  await expect(page.locator('#notice')).toContainText('Imported seed.json');
  const rules = await exportAs(page, 'Prometheus rules');
  expect(rules.text).toContain('# No rules: no SLO below could be written.');
  expect(rules.text).toContain('groups: []');
  await expect(page.locator('#notice.error')).toContainText('Exported shop-platform.rules.yml with no rules in it: no SLO has the Prometheus queries its rules need');
  await expect(page.locator('#notice')).toContainText('Left out (1): Order service / 98.5 % of order requests succeed: its SLI has no queries');
});

test('the Markdown export carries what the printed document shows', async ({ page }) => {
  await page.goto('workshop/?page=document');
  // The rows come in after the page's first frame: wait for them before reading.
  await expect(page.locator('#doc-slos tbody tr')).toHaveCount(3);
  const rows = await page.locator('#doc-slos tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())));
  expect(rows.length).toBe(3);
  const { name, text } = await exportAs(page, 'Markdown');
  expect(name).toBe('example-game-service.slo.md');
  const lines = text.split('\n');
  for (const cells of rows) {
    // SLO, window, allowed downtime and bad events: the 4th to 7th cells.
    // A cell's lines (a window and its time zone) are each in the row.
    const facts = cells.slice(3, 7).flatMap((c) => c.split('\n').map((l) => l.trim()).filter(Boolean));
    expect(lines.some((l) => l.startsWith('|') && facts.every((f) => l.includes(f))),
      `a Markdown row with ${facts.join(' | ')}`).toBe(true);
  }
  expect(text).toContain('# SLO document: Example Game Service');
});

test('OpenSLO written by hand is dropped on the page, with what is not kept named', async ({ page }) => {
  await page.goto('workshop/?page=document');
  const yaml = await readFile(new URL('../core/tests/openslo/calendar-timeslices.yaml', import.meta.url), 'utf8');
  await dropFile(page, 'search.yaml', yaml, 'application/yaml');
  await expect(page.locator('#notice')).toContainText('Imported search.yaml');
  await expect(page.locator('#notice')).toContainText('Not kept (');
  await expect(page.locator('#notice')).toContainText('SLO search-latency metadata.labels: labels are not kept');
  await expect(page.locator('#doc-slos')).toContainText('99.5 %');
  await expect(page.locator('#doc-slos')).toContainText('America/New_York');

  // A file that is neither is refused, and the model stays.
  await dropFile(page, 'notes.yaml', '- just\n- a list\n', 'application/yaml');
  await expect(page.locator('#notice')).toContainText('notes.yaml was not imported: the file is not OpenSLO YAML: line 1 column 1');
  await expect(page.locator('#doc-slos')).toContainText('99.5 %');
});
