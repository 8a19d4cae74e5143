// User journeys of the Budget page (issue: the SLO budget calculator).
import { test, expect } from './fixtures.mjs';

const downtime = (page) => page.locator('#allowed-downtime');

test('a deep link opens with its values: 99.9 % over 30 d allows 43m 12s', async ({ page }) => {
  await page.goto('?target=99.9&window=30d');
  await expect(downtime(page)).toHaveText('43m 12s');
  await expect(page.locator('#allowed-downtime-seconds')).toHaveText('2,592 s');
  await expect(page.locator('#window-convention')).toContainText('30 d = 720 h = 2,592,000 s; rolling');
  await expect(page.getByLabel('Target (%)')).toHaveValue('99.9');
});

test('typing 99.95 with the 7 d preset shows 5m 2.4s and keeps the URL in step', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Target (%)').fill('99.95');
  await page.getByRole('group', { name: 'Rolling windows' }).getByRole('button', { name: '7 d' }).click();
  await expect(downtime(page)).toHaveText('5m 2.4s');
  await expect(page).toHaveURL(/\/slo-planner\/\?target=99\.95&window=7d/);
  await expect(page.locator('#target-reading')).toContainText('three and a half nines');
  await expect(page.locator('#target-reading')).toContainText('1 in 2,000');
});

test('a calendar month link: February 2024 allows 41m 45.6s', async ({ page }) => {
  await page.goto('?target=99.9&window=month:2024-02');
  await expect(downtime(page)).toHaveText('41m 45.6s');
  await expect(page.locator('#window-convention')).toContainText('February 2024 in UTC = 29 d');
  await expect(page.locator('#standard-windows tr.chosen')).toContainText('Calendar month');
});

test('time zones come from the browser: March 2024 in New York is 743 h', async ({ page }) => {
  await page.goto('?target=99.9&window=month:2024-03&tz=America/New_York');
  await expect(page.locator('#window-convention')).toContainText('March 2024 in America/New_York = 743 h');
  await expect(downtime(page)).toHaveText('44m 34.8s');
});

test('typing 100 and abc shows the error and the page still answers', async ({ page }) => {
  await page.goto('?target=99.9&window=30d');
  const target = page.getByLabel('Target (%)');
  await target.fill('100');
  await expect(page.locator('#target-error')).toHaveText('100 % leaves no error budget: choose a target below 100');
  await expect(target).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#window-convention')).toContainText('2,592,000 s');
  await target.fill('abc');
  await expect(page.locator('#target-error')).toHaveText('"abc" is not a number: type a percentage such as 99.9');
  await target.fill('99.99');
  await expect(page.locator('#target-error')).toBeEmpty();
  await expect(downtime(page)).toHaveText('4m 19.2s');
});

test('every bad input shows a message beside its field', async ({ page }) => {
  await page.goto('?target=99.9.9&window=0d&tz=Mars/Olympus');
  await expect(page.locator('#target-error')).toContainText('"99.9.9" is not a number');
  await expect(page.locator('#window-error')).toContainText('"0d": a window must be longer than zero');
  await expect(page.locator('#tz-error')).toContainText('unknown time zone "Mars/Olympus"');
  for (const [typed, message] of [['-1', '-1 % is not a target'], ['101', '101 % is above 100 %'], ['', 'enter a target']]) {
    await page.getByLabel('Target (%)').fill(typed);
    await expect(page.locator('#target-error')).toContainText(message);
  }
  await page.getByLabel('Target (%)').fill('99.9');
  await page.getByLabel('Window (compliance period)').fill('30d');
  await expect(downtime(page)).toHaveText('43m 12s');
});

test('events, time slices, compare and reverse', async ({ page }) => {
  await page.goto('?target=99.9&window=30d&events=3000000&timeslice=1m&downtime=43m%2012s&compare=99.9,99.95,99.99');
  await expect(page.locator('#allowed-bad-events')).toHaveText('3,000');
  await expect(page.locator('#allowed-bad-timeslices')).toHaveText('43');
  await expect(page.locator('#implied-target')).toHaveText('99.9 %');
  const table = page.locator('#compare-table');
  await expect(table).toContainText('43m 12s');
  await expect(table).toContainText('21m 36s');
  await expect(table).toContainText('4m 19.2s');
  await expect(table).toContainText('10x smaller');
});

test('what was typed survives a reload', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Target (%)').fill('99.5');
  await page.getByLabel('Expected valid events (requests)').fill('1,000,000');
  await expect(page).toHaveURL(/events=1%2C000%2C000/);
  await page.reload();
  await expect(page.getByLabel('Target (%)')).toHaveValue('99.5');
  await expect(page.locator('#allowed-bad-events')).toHaveText('5,000');
  // Also from local storage alone, when the address has no parameters.
  await page.goto('./');
  await expect(page.getByLabel('Target (%)')).toHaveValue('99.5');
});

test('the first visit opens on the example', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByLabel('Target (%)')).toHaveValue('99.9');
  await expect(downtime(page)).toHaveText('40m 19.2s');
  await expect(page.locator('#allowed-bad-events')).toHaveText('3,000');
  await expect(page.locator('#standard-windows tbody tr')).toHaveCount(7);
});

test('a calendar period can be chosen with the keyboard', async ({ page }) => {
  await page.goto('?target=99.9&window=30d');
  await page.getByLabel('Calendar period').selectOption('quarter');
  await page.getByLabel('Which one (empty: every one)').fill('2024-Q1');
  await expect(page.getByLabel('Window (compliance period)')).toHaveValue('quarter:2024-Q1');
  await expect(downtime(page)).toHaveText('2h 11m 2.4s');
});

test('quarter, year and ISO week links', async ({ page }) => {
  for (const [window, shown, convention] of [
    ['quarter:2024-Q1', '2h 11m 2.4s', '2024-Q1 (January to March 2024) in UTC = 91 d'],
    ['year:2024', '8h 47m 2.4s', 'the year 2024 in UTC = 366 d'],
    ['week:2024-W10', '10m 4.8s', 'ISO week 2024-W10 (4 Mar 2024 to 10 Mar 2024) in UTC = 7 d'],
    ['month', '40m 19.2s to 44m 38.4s', 'every calendar month = 28 d to 31 d'],
  ]) {
    await page.goto(`?target=99.9&window=${window}`);
    await expect(downtime(page)).toHaveText(shown);
    await expect(page.locator('#window-convention')).toContainText(convention);
  }
});
