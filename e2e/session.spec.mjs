// The workshop session in the signed document (issue 28's outputs): who
// was in the room, decisions and open questions; each SLO's aspirational
// target and hypothesis; a file from before the session opens with none.
import { test, expect, exportModel } from './fixtures.mjs';

const SLO = 'services-0--journeys-0--slis-0--slos-0-';

test('the example\'s document carries its workshop session', async ({ page }) => {
  await page.goto('workshop/document/');
  await expect(page.locator('#doc-session-progress')).toHaveText('7 of 7 agenda steps done.');
  await expect(page.locator('#doc-participants tbody tr')).toHaveCount(4);
  await expect(page.locator('#doc-participants tbody tr').first()).toContainText('Betsy Beyerproduct owner');
  await expect(page.locator('#doc-decisions')).toContainText('Players tolerate a retry');
  await expect(page.locator('#doc-questions')).toContainText('Do leaderboard fetches need an SLO of their own');
  await expect(page.locator('#doc-questions')).toContainText('2. Listen to the customer');
  await expect(page.locator('#slo-rationales')).toContainText('Aspiring to 99 %. Hypothesis: We believe keeping 97 % of API requests successful');
});

test('a hypothesis typed on the Model page is in the document, and an aspiration below the target is refused at its field', async ({ page }) => {
  await page.goto('workshop/');
  const details = page.locator(`#${SLO}-target`).locator('xpath=ancestor::fieldset[1]').locator('details.hypothesis');
  await expect(details.locator('summary')).toHaveText('Hypothesis (written)');
  await details.locator('summary').click();
  const believe = page.locator(`#${SLO}-hypothesis-believe`);
  await believe.click();
  await believe.press('Control+A');
  await page.keyboard.type('a steady game');
  await page.locator(`#${SLO}-aspirationalTarget`).fill('96');
  await expect(page.locator(`#${SLO}-aspirationalTarget-problems`)).toContainText('below the target 97 %');
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('#slo-rationales')).toContainText('Aspiring to 96 %. Hypothesis: We believe a steady game will result in');
});

test('a model file from before the session (schema version 8) opens with none, nothing else lost', async ({ page }) => {
  await page.goto('workshop/document/');
  const { text } = await exportModel(page);
  const json = JSON.parse(text);
  delete json.session;
  json.schemaVersion = 8;
  for (const journey of json.services[0].journeys) {
    delete journey.happyMoment; delete journey.rank; delete journey.startHere;
    for (const sli of journey.slis) for (const slo of sli.slos) { delete slo.aspirationalTarget; delete slo.hypothesis; }
  }
  // An edit first: opening a file over the untouched example does not ask.
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await page.locator('#team-name').fill('Edited');
  await page.getByRole('link', { name: 'Document' }).click();
  await page.locator('#import-file').setInputFiles({ name: 'v8.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  // Replacing drops the session: the room is asked first; replace.
  const choice = page.locator('#import-choice');
  await expect(choice).toContainText('the workshop session (participants, decisions and open questions)');
  await page.locator('#import-replace').click();
  await expect(page.locator('#notice')).toContainText('Imported');
  await expect(page.locator('#doc-session-progress')).toHaveCount(0);
  await expect(page.locator('h2.doc-title')).toHaveText('SLO document: Example Game Service');
  await expect(page.locator('#doc-status')).toHaveText('agreed');
  const after = JSON.parse((await exportModel(page)).text);
  expect(after.schemaVersion).toBe(9);
  expect(after.session).toBeUndefined();
  expect({ ...after, schemaVersion: 8 }).toEqual(json);
});
