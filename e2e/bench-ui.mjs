// Measures the workshop at workshop scale in headless Chromium against the
// release build in dist/ (run by scripts/bench-ui.sh, which builds it and
// writes the 50-service model with `slo example scale`).
//
// Usage: node e2e/bench-ui.mjs MODEL.json [port]
// Prints, in milliseconds: the import, opening each page from the one
// before it (a page load, from the navigation's start; median of ROUNDS; for
// the Burn page also until its run, a chunk loaded after, is shown; and,
// for scale, an empty page's load: what the browser itself costs),
// and a keystroke in an SLO target until its budget figure shows the new
// value and until the next frame is done (median and worst of 20), with one
// service's card open (the default at this scale) and with every card open.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [modelPath, portArg] = process.argv.slice(2);
if (!modelPath) {
  console.error('usage: node e2e/bench-ui.mjs MODEL.json [port]');
  process.exit(2);
}
const port = Number(portArg ?? 8098);
const root = new URL('..', import.meta.url).pathname;
const server = spawn('node', ['e2e/serve.mjs', String(port), '/slo-planner/'], { cwd: root, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/slo-planner/`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const worst = (xs) => Math.max(...xs);
const ms = (x) => x.toFixed(1).padStart(7);
const PAGES = ['Model', 'Dependencies', 'Trade-offs', 'Burn', 'Policy', 'Document'];
// Page loads on this machine vary by a quarter between runs: nine of each
// give a steadier median than five.
const ROUNDS = 9;

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

/** Clicks the page's navigation link (each page is a bundle of its own, so
 *  this loads it); the times from the navigation's start until the page is
 *  shown (its first contentful paint, as the browser reports it: the page's
 *  body is empty until the app has rendered it) and until nothing on it is
 *  `aria-busy` (a long table filling in, a chunk loading) and the next frame
 *  is done, as the page itself notes them (READY). Waits through the page's
 *  own promise, so no test-harness script runs in the page being timed. */
async function openPage(page, name) {
  const folder = name === 'Model' ? '' : `${name.toLowerCase().replace('-', '')}/`;
  await Promise.all([
    page.waitForURL(`${base}workshop/${folder}`, { waitUntil: 'commit' }),
    page.locator('nav a', { hasText: name }).click(),
  ]);
  return page.evaluate(() => window.__opened);
}

/** Run in every page before its scripts: a promise, `__opened`, of the
 *  times (ms since the navigation started) the page was shown and was
 *  complete. Shown: the first contentful paint, if the page title was in by
 *  then, else the frame after the title came in; complete: the frame after
 *  nothing is `aria-busy`. */
const READY = () => {
  const afterFrame = (f) => requestAnimationFrame(() => setTimeout(f, 0));
  const busy = () => document.querySelector('[aria-busy="true"]') !== null;
  let title = null;
  let shownAfterTitle = null;
  const painted = new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const fcp = list.getEntriesByName('first-contentful-paint')[0];
      if (fcp) resolve(fcp.startTime);
    }).observe({ type: 'paint', buffered: true });
  });
  window.__opened = new Promise((resolve) => {
    const done = async (complete) => {
      const fcp = await painted;
      resolve([title !== null && fcp >= title ? fcp : shownAfterTitle, Math.max(complete, shownAfterTitle)]);
    };
    const whenIdle = () => {
      if (busy()) return afterFrame(whenIdle);
      afterFrame(() => done(performance.now()));
    };
    new MutationObserver((_, observer) => {
      if (document.querySelector('h1.page-title')) {
        observer.disconnect();
        title = performance.now();
        afterFrame(() => {
          shownAfterTitle = performance.now();
          whenIdle();
        });
      }
    }).observe(document, { childList: true, subtree: true });
  });
};

/** Types `text` into the input with id `inputId` (one input event, as a
 *  keystroke makes); the time until the element `figureId` changes, and
 *  until the next frame is done. */
async function keystroke(page, inputId, figureId, text) {
  return page.evaluate(async ([inputId, figureId, text]) => {
    const input = document.getElementById(inputId);
    const figure = document.getElementById(figureId);
    const before = figure.textContent;
    let figureAt = null;
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (figure.textContent !== before) {
          figureAt = performance.now();
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(figure, { childList: true, characterData: true, subtree: true });
      setTimeout(() => { observer.disconnect(); resolve(); }, 5000);
    });
    const t0 = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await changed;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    if (figureAt === null) throw new Error(`${figureId} did not change after typing "${text}"`);
    return [figureAt - t0, performance.now() - t0];
  }, [inputId, figureId, text]);
}

/** 20 keystrokes into four SLO targets of the first service, each one
 *  input event whose text changes the budget ("99." would read as 99, so the
 *  fifth goes back to 99.5). */
async function typing(page) {
  const figure = [];
  const frame = [];
  const slos = [[0, 0, 0], [0, 0, 1], [0, 1, 0], [1, 0, 0]];
  for (const [j, k, m] of slos) {
    const at = `services-0--journeys-${j}--slis-${k}--slos-${m}-`;
    for (const text of ['9', '99', '99.9', '99.95', '99.5']) {
      const [f, t] = await keystroke(page, `${at}-target`, `${at}-budget`, text);
      figure.push(f);
      frame.push(t);
    }
  }
  return { figure, frame };
}

/** A year of incidents (two a month, 20 minutes to 3 hours, some partial)
 *  as pasted from a spreadsheet. */
function yearOfIncidents() {
  const lines = ['start\tduration\taffected\tcause'];
  for (let month = 1; month <= 12; month++) {
    for (const day of [7, 21]) {
      const minutes = 20 + ((month * 37 + day * 11) % 160);
      const affected = [100, 50, 20, 100][(month + day) % 4];
      lines.push(`2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 1${day % 10}:05\t${minutes}m\t${affected}\tincident ${month}/${day}`);
    }
  }
  return lines.join('\n');
}

/** The trade-off table of the first SLO with a year of incidents pasted:
 *  the time from an edit (a candidate, the risk model's rate, one more
 *  incident) until the table shows it, and until the next frame is done. */
async function tradeoffEdits(page) {
  const at = 'services-0--journeys-0--slis-0--slos-0--history';
  await page.goto(`${base}workshop/tradeoffs/`);
  await page.waitForSelector(`#${at}-incidents`);
  const pasted = yearOfIncidents();
  await page.locator(`#${at}-incidents`).fill(pasted);
  await page.waitForSelector('#tradeoff-table');
  const times = { candidate: [], risk: [], incident: [] };
  const candidates = ['99.9', '99.9\n99.95', '99.9\n99.95\n99.5', '99.9\n99.95\n99.5\n99', '99.9\n99.95\n99.5\n99\n99.99'];
  for (let round = 0; round < 4; round++) {
    for (const text of candidates) {
      times.candidate.push(await keystroke(page, `${at}-candidates`, 'tradeoff-card', text));
    }
  }
  await page.getByRole('button', { name: 'Edit the fitted model' }).click();
  for (const rate of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']) {
    times.risk.push(await keystroke(page, `${at}-risk-incidentsPerPeriod`, 'tradeoff-card', rate));
  }
  // Each edit adds one more incident (the count under the table changes).
  let more = pasted;
  for (let n = 1; n <= 10; n++) {
    more += `\n2025-12-${10 + n} 03:00\t${10 * n}m\t100\tone more`;
    times.incident.push(await keystroke(page, `${at}-incidents`, 'tradeoff-card', more));
  }
  return times;
}

await waitForServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  // Without the service worker, as the figures were always taken: the pages
  // come over HTTP (with its cache), not from the offline cache.
  const page = await browser.newPage({ serviceWorkers: 'block' });
  await page.addInitScript(READY);
  await page.goto(`${base}workshop/?page=model`);
  await page.waitForSelector('h1.page-title');
  const t0 = Date.now();
  await page.locator('#import-file').setInputFiles({
    name: 'scale-50.json', mimeType: 'application/json', buffer: readFileSync(modelPath),
  });
  await page.locator('#notice').filter({ hasText: 'Imported scale-50.json' }).waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const imported = Date.now() - t0;
  const inputs = await page.locator('input, select, textarea').count();

  // Builds before the cards fold show every service: no "one card" case.
  const folds = (await page.locator('#service-card-0 > summary').count()) > 0;
  let one = null;
  let inputsOne = 0;
  if (folds) {
    await page.locator('#service-card-0 > summary').click();
    await page.waitForSelector('#services-0--journeys-0--slis-0--slos-0--target');
    one = await typing(page);
    inputsOne = await page.locator('input, select, textarea').count();
  }

  const opened = Object.fromEntries(PAGES.map((p) => [p, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of [...PAGES.slice(1), PAGES[0]]) opened[name].push(await openPage(page, name));
  }

  // What a page load costs the browser itself: an empty page with a title,
  // loaded from itself (e2e/serve.mjs), measured the same way.
  const blank = [];
  await page.goto(`${base}__blank/`);
  for (let round = 0; round < ROUNDS; round++) {
    const url = `${base}__blank/?${round}`;
    await Promise.all([
      page.waitForURL(url, { waitUntil: 'commit' }),
      page.evaluate((url) => { location.href = url; }, url),
    ]);
    blank.push((await page.evaluate(() => window.__opened))[0]);
  }
  await page.goto(`${base}workshop/`);
  await page.waitForSelector('h1.page-title');

  // The same keystrokes after every page switch above: what the pages left behind costs nothing.
  let again = null;
  if (folds) {
    if ((await page.locator('#service-card-0[open]').count()) === 0) {
      await page.locator('#service-card-0 > summary').click();
    }
    await page.waitForSelector('#services-0--journeys-0--slis-0--slos-0--target');
    again = await typing(page);
  }

  // Every card open: the worst case a workshop can make.
  await page.getByRole('button', { name: 'Open every service' }).click();
  await page.waitForSelector('#services-49--journeys-0--slis-0--slos-0--target');
  const all = await typing(page);
  const inputsAll = await page.locator('input, select, textarea').count();
  const tradeoffs = await tradeoffEdits(page);

  console.log(`Workshop at scale: ${modelPath} (50 services, 400 SLOs), release build, headless Chromium`);
  console.log(`import, to the page updated         ${ms(imported)} ms (${inputs} inputs on the Model page, every card folded)`);
  for (const name of PAGES) {
    const [shown, complete] = [opened[name].map((t) => t[0]), opened[name].map((t) => t[1])];
    console.log(`open ${name.padEnd(13)} median ${ms(median(shown))} ms   worst ${ms(worst(shown))} ms (of ${ROUNDS})`
      + (median(complete) > median(shown) ? `; every row in: median ${ms(median(complete))} ms` : ''));
  }
  console.log(`an empty page's load   median ${ms(median(blank))} ms   worst ${ms(worst(blank))} ms (of ${ROUNDS}): the browser's own cost`);
  const line = (what, xs) => `${what.padEnd(37)} median ${ms(median(xs))} ms   worst ${ms(worst(xs))} ms (of ${xs.length})`;
  if (one) {
    console.log(line(`keystroke to figure, 1 card open`, one.figure));
    console.log(line(`keystroke to next frame, 1 card open`, one.frame));
    console.log(`  (${inputsOne} inputs on the page)`);
    console.log(line(`the same after ${ROUNDS * PAGES.length} page switches`, again.frame));
  }
  console.log(line(`keystroke to figure, all cards open`, all.figure));
  console.log(line(`keystroke to next frame, all open`, all.frame));
  console.log(`  (${inputsAll} inputs on the page)`);
  console.log('Trade-off table of one SLO, 24 incidents over 2025 pasted, at the same scale:');
  for (const [what, xs] of [['a candidate', tradeoffs.candidate], ['the risk model\'s rate', tradeoffs.risk], ['one more incident', tradeoffs.incident]]) {
    console.log(line(`  edit ${what} to table shown`, xs.map((t) => t[0])));
    console.log(line(`  edit ${what} to next frame`, xs.map((t) => t[1])));
  }
} finally {
  await browser.close();
  server.kill();
}
