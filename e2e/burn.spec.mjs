// User journeys of the Burn page (issue: burn scenarios).
import { test, expect, openExample } from './fixtures.mjs';

const S = '#services-0--journeys-0--slis-0--slos-0--scenarios-0';

test('the example scenario: chart, firing alerts, triggered clause and risk', async ({ page }) => {
  await page.goto('workshop/?page=burn');
  await expect(page.locator('#scenario-picker')).toContainText("Last spring's database outage");
  await expect(page.locator('#budget-chart svg')).toBeVisible();
  await expect(page.locator('#rate-chart svg')).toBeVisible();
  await expect(page.locator('#budget-left')).toHaveText('36.5 %');
  await expect(page.locator('#scenario-events')).toContainText('Database outageincidentday 19 14:006h');
  await expect(page.locator('#alert-table')).toContainText('fast burnpage1h / 5m13.44');
  await expect(page.locator('#alert-table')).toContainText('day 19 14:23');
  await expect(page.locator('#unalerted')).toContainText('Bad canary');
  await expect(page.locator('#policy-timeline')).toContainText('on day 19 17:06 (big-incident): Conduct a postmortem with at least one P1 action item');
  // Detection and reset of each rule for a given error ratio (remembered on reload).
  await page.locator('#analysed-ratio').fill('abc');
  await expect(page.locator('#analysed-ratio-problems')).toContainText('"abc" is not an error ratio');
  await page.locator('#analysed-ratio').fill('50');
  await expect(page.locator('#alert-table tbody tr').first()).toContainText('48m 23.04s58.08s');
  await page.reload();
  await expect(page.locator('#analysed-ratio')).toHaveValue('50');
  await expect(page.locator('#meet-probability')).toHaveText('98.3 %');
  await expect(page.locator('#mttr-halved')).toHaveText('99.5 %');
  await expect(page.locator('#risk-chart svg')).toBeVisible();
});

test('the charts zoom to one event, in hours, and back to the whole period', async ({ page }) => {
  await page.goto('workshop/?page=burn');
  await expect(page.locator('#budget-chart svg')).toHaveAttribute('aria-label', /over the 28 days of the period/);
  await page.getByRole('button', { name: 'Zoom the charts to Database outage' }).click();
  await expect(page.locator('#zoomed')).toContainText('The charts show Database outage and as long again around it.');
  // 6 hours either side of the 6-hour outage on day 19: 18 hours, in hours.
  const span = /hours (\d+) to (\d+) of the period/;
  await expect(page.locator('#budget-chart svg')).toHaveAttribute('aria-label', span);
  const [, from, to] = (await page.locator('#budget-chart svg').getAttribute('aria-label')).match(span);
  expect(Number(to) - Number(from)).toBe(18);
  await expect(page.locator('#rate-chart svg')).toHaveAttribute('aria-label', span);
  await expect(page.locator('#budget-chart svg')).toContainText("hours from the period's start");
  // The event edited: the zoom follows it (a 2-hour outage, 2 hours either side).
  await page.locator(`${S}--events-2--duration`).fill('2h');
  await expect.poll(async () => {
    const [, a, b] = (await page.locator('#budget-chart svg').getAttribute('aria-label')).match(span) ?? [];
    return Number(b) - Number(a);
  }).toBe(6);
  await expect(page.locator('#zoomed')).toContainText('The charts show Database outage');
  // Renamed away, it takes the zoom with it: the whole period again.
  await page.locator(`${S}--events-2--name`).fill('Database outage, renamed');
  await expect(page.locator('#zoomed')).toHaveCount(0);
  await expect(page.locator('#budget-chart svg')).toHaveAttribute('aria-label', /over the 28 days of the period/);
  await page.getByRole('button', { name: 'Zoom the charts to Database outage, renamed' }).click();
  await page.locator('#zoom-out').click();
  await expect(page.locator('#zoomed')).toHaveCount(0);
  await expect(page.locator('#budget-chart svg')).toHaveAttribute('aria-label', /over the 28 days of the period/);
});

test('add an incident: the chart, the alerts and the policy follow', async ({ page }) => {
  await page.goto('workshop/?page=burn');
  await page.getByRole('button', { name: 'Add an incident' }).click();
  const event = `${S}--events-3`;
  await page.locator(`${event}--name`).fill('Region <b>down</b>');
  await page.locator(`${event}--start`).fill("3d 16h");
  await page.locator(`${event}--duration`).fill('three hours');
  await expect(page.locator(`${event}--duration-problems`)).toContainText('"three"');
  await expect(page.locator('#burn-problems')).toContainText('events[3].duration');
  await page.locator(`${event}--duration`).fill("8h");
  await expect(page.locator('#scenario-events')).toContainText('Region <b>down</b>incidentday 4 16:008h');
  await expect(page.locator('#alert-table')).toContainText("day 4 16:");
  // The big incident now comes first, on day 4; the budget runs out on day 19.
  await expect(page.locator('#policy-timeline li').first()).toContainText('on day 4');
  await expect(page.locator('#policy-timeline')).toContainText('(exceeded): stop feature releases to production');
  await expect(page.locator('#exhausted-at')).toContainText('day 19');
  // User text is drawn as text in the chart, never as markup.
  await expect(page.locator('#budget-chart svg')).toContainText('Region <b>down</b>');
  await expect(page.locator('#budget-chart b')).toHaveCount(0);
  // Nothing typed is lost on reload.
  await page.reload();
  await expect(page.locator(`${event}--start`)).toHaveValue("3d 16h");
  await expect(page.locator('#exhausted-at')).toContainText('day 19');
});

test('a new scenario for a model without one, with a full outage and rules', async ({ page }) => {
  await page.goto('workshop/?page=burn');
  await openExample(page, 'Example: Azure chain');
  await expect(page.getByText('No scenario yet')).toBeVisible();
  await page.locator('#add-scenario').click();
  await expect(page.locator(`${S}--name`)).toHaveValue('Scenario 1');
  await expect(page.locator('#budget-chart svg')).toBeVisible();
  await expect(page.locator('#alert-table')).toContainText('ESF single window');
  await page.locator('#alertRules-0--longWindow').fill('');
  await expect(page.locator('#alertRules-0--longWindow-problems')).toContainText('enter a duration');
  await page.locator('#alertRules-0--longWindow').fill('1h');
  await page.getByRole('button', { name: 'Add a risk model' }).click();
  await expect(page.locator('#meet-probability')).toContainText('%');
  await page.locator(`${S}--risk-seed`).fill('x');
  await expect(page.locator(`${S}--risk-seed-problems`)).toContainText('"x" is not a seed');
  await expect(page.locator('#burn-problems')).toContainText('risk.seed');
  // A second scenario is chosen once added; the picker switches between them.
  await page.locator('#add-scenario').click();
  await expect(page.locator('#scenario-picker')).toHaveValue('1');
  await expect(page.locator('#services-0--journeys-0--slis-0--slos-0--scenarios-1--name')).toHaveValue('Scenario 2');
  await page.locator('#scenario-picker').selectOption({ label: 'Scenario 1 (Order service / 98.5 % of order requests succeed)' });
  await expect(page.locator(`${S}--name`)).toHaveValue('Scenario 1');
});

test('the pickers name SLOs as typed, markup as text, and keep their choice', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.locator('#services-0--name').fill('<b>Orders</b> & co');
  await page.getByRole('link', { name: 'Burn' }).click();
  const picker = page.locator('#scenario-picker');
  const forNew = page.locator('#scenario-slo');
  await expect(picker).toContainText('<b>Orders</b> & co / ');
  await expect(forNew).toContainText('<b>Orders</b> & co / ');
  await expect(page.locator('#scenario-picker b, #scenario-slo b')).toHaveCount(0);
  // The second SLO stays chosen while a scenario is added for it.
  const second = (await forNew.locator('option').nth(1).textContent()).trim();
  await forNew.selectOption({ index: 1 });
  await page.locator('#add-scenario').click();
  await expect(forNew).toHaveValue('1');
  await expect(picker.locator('option:checked')).toContainText(second);
});
