// User journeys of the Dependencies page (issue: dependency chains).
import { test, expect, openExample } from './fixtures.mjs';

test('the seed chain is 98.8 % and 99.95 % as its SLO warns', async ({ page }) => {
  await page.goto('workshop/?page=dependencies');
  await openExample(page, 'Example: Azure chain');
  const composite = page.locator('#composite-0');
  await expect(composite).toContainText('Independent failures (the estimate)98.8021 %');
  await expect(composite).toContainText('Worst case (failures never overlap)98.8 %');
  await expect(composite).toContainText('Best case (only the weakest part fails)99 %');
  await expect(composite.locator('table.allocation')).toContainText('Azure Database for MySQL0.1 %99.9 %40m 19.2s6.6667 %');
  // MySQL as 2 of 3 replicas at 99.9 %: up 99.9997002 %, down 0.0002998 %,
  // side by side; neither rounds in its own favour (availability down,
  // unavailability up), and the page says so.
  await page.locator('#services-0--dependencies-1--coupling-type').selectOption({ label: 'redundant: k of n replicas must be up' });
  await page.locator('#services-0--dependencies-1--coupling-replicas').fill('3');
  await page.locator('#services-0--dependencies-1--coupling-required').fill('2');
  await expect(composite.locator('table.allocation')).toContainText('Azure Database for MySQL0.0003 %99.9997 %');
  await expect(composite).toContainText('availabilities rounded down and unavailabilities rounded up, to 4 decimal places of a percent');
  await openExample(page, 'Example: Azure chain');
  await expect(composite.locator('table.allocation')).toContainText('Azure Database for MySQL0.1 %99.9 %');
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  const target = page.locator('#services-0--journeys-0--slis-0--slos-0--target');
  await target.fill('99.95');
  await expect(page.locator('#services-0--journeys-0--slis-0--slos-0--target-problems'))
    .toContainText('the SLO 99.95 % is above the 98.8021 % this service can reach');
  await page.getByRole('link', { name: 'Dependencies' }).click();
  await expect(page.locator('#composite-0 .ceilings')).toContainText('most of the budget goes to own code and infrastructure (1 %)');
  // The signed document carries the analysis: the composite and its bounds,
  // each dependency's share of the budget, and a mark on the SLO above its ceiling.
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('#doc-composites')).toContainText('Order service99 %98.8021 %98.8 % to 99 %');
  await expect(page.locator('#doc-budget-shares')).toContainText('Order service / 99.95 % over ');
  await expect(page.locator('#doc-budget-shares')).toContainText('Azure Database for MySQL0.1 %99.9 %');
  await expect(page.locator('#doc-slos .above-ceiling')).toHaveText('above its 98.8021 % ceiling');
  await expect(page.locator('#doc-above-ceiling')).toContainText('1 SLO(s) above the ceiling');
  await expect(page.locator('#document')).toContainText('availabilities rounded down and unavailabilities rounded up');
  // Agreement needs the reason it may stay there: the SLO asks for it, and
  // the document carries it beside the mark.
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  const reason = page.locator('#services-0--journeys-0--slis-0--slos-0--aboveCeilingReason');
  await expect(page.locator('#services-0--journeys-0--slis-0--slos-0--aboveCeilingReason-problems'))
    .toContainText('the reason this SLO may stay above the 98.8021 % its dependencies allow is missing; an agreed document needs it');
  await reason.fill('a second region is on order');
  await page.getByRole('link', { name: 'Document' }).click();
  await expect(page.locator('#doc-slos .above-ceiling')).toHaveText('above its 98.8021 % ceiling: a second region is on order');
  // Below the ceiling again, the field goes (its text is kept in the model).
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await page.locator('#services-0--journeys-0--slis-0--slos-0--target').fill('98.5');
  await page.locator('#services-0--journeys-0--slis-0--slos-0--aboveCeilingReason').fill('');
  await expect(reason).toHaveCount(0);
});

async function addService(page, index, name, own) {
  await page.getByRole('button', { name: 'Add a service' }).click();
  await page.locator(`#services-${index}--name`).fill(name);
  if (own) await page.locator(`#services-${index}--ownAvailability`).fill(own);
}

test('a three-level chain built in the UI, then made redundant', async ({ page }) => {
  await page.goto('workshop/?page=model');
  await page.getByRole('button', { name: 'New model' }).click();
  await addService(page, 0, 'Web');
  await addService(page, 1, 'API');
  await addService(page, 2, 'DB');
  // An availability SLO for Web, tighter than its chain allows.
  await page.locator('#service-card-0').getByRole('button', { name: 'Add a journey or endpoint' }).click();
  await page.locator('#service-card-0').getByRole('button', { name: 'Add an SLI' }).click();
  await page.locator('#service-card-0').getByRole('button', { name: 'Add an SLO' }).click();
  await page.locator('#services-0--journeys-0--slis-0--slos-0--target').fill('99.85');
  await page.getByRole('link', { name: 'Dependencies' }).click();
  await page.locator('#services-0--ownAvailability').fill('99.95');
  await page.locator('#services-1--ownAvailability').fill('99.95');
  const addDependency = async (service, name, source, availability) => {
    await page.locator(`#composite-${service}`).getByRole('button', { name: 'Add a dependency' }).click();
    await page.locator(`#services-${service}--dependencies-0--name`).fill(name);
    await page.locator(`#services-${service}--dependencies-0--source-type`).selectOption({ label: source });
    if (availability) await page.locator(`#services-${service}--dependencies-0--source-availability`).fill(availability);
  };
  await addDependency(0, 'API', 'a service of this model');
  await addDependency(1, 'DB', 'a service of this model');
  await addDependency(2, 'Disk', 'external (cloud service, third party)', '99.9');
  // 99.95 % x 99.95 % x 99.9 % through three levels.
  await expect(page.locator('#composite-0')).toContainText('Independent failures (the estimate)99.8001 %');
  await expect(page.locator('#composite-0 .ceilings')).toContainText('the SLO 99.85 % is above the 99.8001 %');
  const svg = page.locator('#dependency-diagram');
  await expect(svg.locator('g.node')).toHaveCount(4);
  // Two disks, one needed: the chain rises and the warning goes.
  await page.locator('#services-2--dependencies-0--coupling-type').selectOption({ label: 'redundant: k of n replicas must be up' });
  await expect(page.locator('#composite-0')).toContainText('Independent failures (the estimate)99.8999 %');
  await expect(page.locator('#composite-0 .ceilings')).toBeEmpty();
  await expect(svg.locator('.group-label')).toHaveText('×2, 1 of 2 needed');
  await expect(svg.locator('line.edge.redundant')).toHaveCount(1);
  // Two of three needed: the group is up 99.9997002 % (rounded down).
  await page.locator('#services-2--dependencies-0--coupling-replicas').fill('3');
  await page.locator('#services-2--dependencies-0--coupling-required').fill('2');
  await expect(svg.locator('.group-label')).toHaveText('×3, 2 of 3 needed');
  await expect(page.locator('#composite-2')).toContainText('Independent failures (the estimate)99.9997 %');
  // The label is inside its frame.
  const [label, frame] = await Promise.all([svg.locator('.group-label').boundingBox(), svg.locator('.group-frame').boundingBox()]);
  expect(label.y + label.height).toBeLessThanOrEqual(frame.y + frame.height);
  expect(label.x).toBeGreaterThanOrEqual(frame.x);
  expect(label.x + label.width).toBeLessThanOrEqual(frame.x + frame.width);
  // Soft edges are dashed and leave the product.
  await page.locator('#services-0--dependencies-0--coupling-type').selectOption({ label: 'soft: this service degrades but stays within its SLO' });
  await expect(svg.locator('line.edge.soft')).toHaveCount(1);
  await expect(page.locator('#composite-0')).toContainText('Independent failures (the estimate)99.95 %');
});

test('the diagram shows labels as text, never as markup', async ({ page }) => {
  await page.goto('workshop/?page=dependencies');
  await openExample(page, 'Example: Azure chain');
  await page.locator('#services-0--dependencies-0--name').fill('<img src=x onerror=alert(1)>');
  const svg = page.locator('#dependency-diagram');
  // Cut to fit its box, with the full name as the box's tooltip: text either way.
  await expect(svg.locator('text.node-name').nth(1)).toHaveText('<img src=x onerror=alert…');
  await expect(svg.locator('g.node title').nth(1)).toHaveText('<img src=x onerror=alert(1)>');
  await expect(page.locator('img')).toHaveCount(0);
});

test('a cycle is named, not crashed on', async ({ page }) => {
  await page.goto('workshop/?page=dependencies');
  await page.getByRole('button', { name: 'New model' }).click();
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await addService(page, 0, 'A');
  await addService(page, 1, 'B');
  await page.getByRole('link', { name: 'Dependencies' }).click();
  for (const [s, name] of [[0, 'B'], [1, 'A']]) {
    await page.locator(`#composite-${s}`).getByRole('button', { name: 'Add a dependency' }).click();
    await page.locator(`#services-${s}--dependencies-0--name`).fill(name);
    await page.locator(`#services-${s}--dependencies-0--source-type`).selectOption({ label: 'a service of this model' });
  }
  await expect(page.locator('#services-1--dependencies-0--name-problems')).toContainText('dependency cycle: A → B → A');
  await expect(page.locator('#no-diagram')).toContainText('No diagram yet: add a dependency to a service below (and remove any cycle');
});
