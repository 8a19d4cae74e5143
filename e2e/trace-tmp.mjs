// temporary experiment (not committed)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
const [modelPath, ...names] = process.argv.slice(2);
const port = 8113;
const server = spawn('node', ['e2e/serve.mjs', String(port), '/slo-planner/'], { cwd: process.cwd(), stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const base = `http://127.0.0.1:${port}/slo-planner/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ serviceWorkers: 'block', bypassCSP: true });
await page.goto(`${base}workshop/`);
await page.waitForSelector('h1.page-title');
const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
await page.locator('#import-file').setInputFiles({ name: 'scale.json', mimeType: 'application/json', buffer: readFileSync(modelPath) });
await page.locator('#notice').filter({ hasText: 'Imported scale.json' }).waitFor();
await frame();
for (const name of ['Document', 'Model']) { await page.locator('nav a', { hasText: name }).click(); await page.waitForFunction((n) => document.title.endsWith(n) && !document.querySelector('[aria-busy="true"]'), name); await frame(); }
for (const name of names) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'v8.execute'] });
  const t0 = Date.now();
  await page.locator('nav a', { hasText: name }).click();
  await page.waitForFunction((n) => document.title.endsWith(n) && !document.querySelector('[aria-busy="true"]'), name, { polling: 'raf' });
  await frame();
  const dt = Date.now() - t0;
  const buf = await browser.stopTracing();
  const events = JSON.parse(buf.toString()).traceEvents;
  const main = events.filter((e) => e.ph === 'X' && e.dur);
  const byName = new Map();
  for (const e of main) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur);
  console.log(`== ${name} ${dt} ms`);
  for (const [k, v] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log((v / 1000).toFixed(1).padStart(8), k);
}
await browser.close();
server.kill();
