// What a product owner reads (issue 27): every reliability word explained
// once, from the one glossary; nothing cut off at 1280 px; the toolbar on
// one line; a latency SLO's budget without "downtime"; the two review
// dates told apart.
import { test, expect } from './fixtures.mjs';

const PAGES = ['', 'dependencies/', 'tradeoffs/', 'burn/', 'policy/', 'document/'];

test('a word in a page\'s lede shows its plain line on hover and on keyboard focus', async ({ page }) => {
  await page.goto('workshop/');
  const sli = page.locator('.lede .term[data-term="sli"]');
  const line = sli.locator('.term-plain');
  // Hidden until asked for (but read by a screen reader after the word).
  await expect(line).toHaveText(/^Service level indicator: /);
  const hidden = await line.boundingBox();
  expect(hidden.width).toBeLessThanOrEqual(1);
  await sli.hover();
  await expect.poll(async () => (await line.boundingBox()).width).toBeGreaterThan(200);
  await page.mouse.move(0, 0);
  await expect.poll(async () => (await line.boundingBox()).width).toBeLessThanOrEqual(1);
  await sli.focus();
  await expect.poll(async () => (await line.boundingBox()).width).toBeGreaterThan(200);
});

test('a field whose label uses a word has a "?" beside it, and the field keeps its own name', async ({ page }) => {
  await page.goto('workshop/');
  const sla = page.getByLabel('SLA (%), looser than the SLO', { exact: true }).first();
  await expect(sla).toBeVisible();
  const help = page.locator('.label-line .term[data-term="sla"]').first();
  await expect(help).toContainText('?');
  await help.focus();
  await expect(help.locator('.term-plain')).toContainText('a promise in a contract');
  await expect.poll(async () => (await help.locator('.term-plain').boundingBox()).width).toBeGreaterThan(200);
});

test('every page lists the glossary at its foot, one entry per word, each with an anchor', async ({ page }) => {
  for (const path of ['', 'workshop/', 'workshop/burn/']) {
    await page.goto(path);
    const glossary = page.locator('#glossary');
    await glossary.locator('summary').click();
    await expect(glossary.locator('dt')).toHaveCount(39);
    await expect(glossary.locator('#term-burn-rate')).toHaveText('burn rate');
    await expect(glossary.locator('#term-burn-rate + dd')).toContainText('How fast the error budget is spent');
    await expect(glossary.locator('#term-burn-rate + dd')).toContainText('Source: SRE Workbook ch. 5');
  }
});

test('the toolbar is one line at 1280 and 1920 px, the examples in a menu', async ({ page }) => {
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('workshop/');
    const tops = await page.locator('.toolbar > button, .toolbar > label, .toolbar > details > summary')
      .evaluateAll((els) => els.filter((e) => e.offsetParent).map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThan(6);
    expect(new Set(tops).size, `one line at ${width} px`).toBe(1);
  }
  await page.locator('#examples-menu > summary').click();
  await page.getByRole('button', { name: 'Example: Azure chain' }).click();
  await expect(page.locator('#examples-menu')).not.toHaveAttribute('open', '');
  await expect(page.locator('#team-name')).not.toHaveValue('Example Game Service');
});

test('no choice or one-line field is cut off at 1280 px, on any page of the example', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const path of PAGES) {
    await page.goto(`workshop/${path}`);
    await expect(page.locator('h1.page-title')).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const cut = await page.evaluate(() => {
      const out = [];
      const ctx = document.createElement('canvas').getContext('2d');
      for (const el of document.querySelectorAll('input[type=text], select')) {
        if (!el.offsetParent) continue;
        const cs = getComputedStyle(el);
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const select = el.tagName === 'SELECT';
        const text = select ? (el.selectedOptions[0]?.text ?? '') : (el.value || el.placeholder);
        // A select's arrow takes about 20 px of its box.
        const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - (select ? 20 : 0);
        if (ctx.measureText(text).width > room + 1) out.push(`${el.id}: "${text}"`);
      }
      return out;
    });
    expect(cut, `cut off on workshop/${path}`).toEqual([]);
  }
});

test('a latency SLO\'s budget speaks of slow time, an availability SLO\'s of downtime', async ({ page }) => {
  await page.goto('workshop/');
  // The example's first SLI is availability, its second latency.
  await expect(page.locator('#services-0--journeys-0--slis-0--slos-0--budget')).toContainText('allowed downtime');
  const latency = page.locator('#services-0--journeys-0--slis-1--slos-0--budget');
  await expect(latency).toContainText('allowed slow time');
  await expect(latency).not.toContainText('downtime');
});

test('the document tells its two review dates apart', async ({ page }) => {
  await page.goto('workshop/document/');
  await expect(page.getByRole('rowheader', { name: 'Next review of the SLOs' })).toBeVisible();
  await expect(page.locator('dt', { hasText: 'Next review of this policy' })).toBeVisible();
  await expect(page.getByText('Revisit date', { exact: true })).toHaveCount(0);
});

test('no page shows a field path, an ESF table number or an unexplained MTTR in its text', async ({ page }) => {
  for (const path of PAGES) {
    await page.goto(`workshop/${path}`);
    await expect(page.locator('h1.page-title')).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    // The text a reader sees: the glossary's own lines, the "why"
    // disclosures (sources) and the words' bubbles aside.
    const text = await page.evaluate(() => {
      const main = document.querySelector('main').cloneNode(true);
      main.querySelectorAll('.term-plain, details.why, .glossary, textarea, input, select').forEach((e) => e.remove());
      return main.innerText;
    });
    expect(text, `workshop/${path}`).not.toMatch(/services\[\d+\]/);
    expect(text, `workshop/${path}`).not.toMatch(/ESF (Table|ch\.)/);
    expect(text, `workshop/${path}`).not.toMatch(/\bMTTR\b(?! is)(?!\))/);
    expect(text, `workshop/${path}`).not.toMatch(/\bP0\b/);
  }
});

test('a service without dependencies shows one plain figure, not three bounds of 100 %', async ({ page }) => {
  await page.goto('workshop/dependencies/');
  const alone = page.locator('#composite-0 .composite-alone');
  await expect(alone).toHaveText('No dependencies yet: the service can reach only its own availability, 100 %. Add what it depends on below.');
  await expect(page.locator('#composite-0 table.composite')).toHaveCount(0);
});
