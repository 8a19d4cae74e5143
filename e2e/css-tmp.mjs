// temporary experiment (not committed)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
const [modelPath] = process.argv.slice(2);
const css = process.env.CSS ?? '';
const port = 8112;
const server = spawn('node', ['e2e/serve.mjs', String(port), '/slo-planner/'], { cwd: process.cwd(), stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const base = `http://127.0.0.1:${port}/slo-planner/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ serviceWorkers: 'block', bypassCSP: true });
await page.goto(`${base}workshop/`);
await page.waitForSelector('h1.page-title');
if (css) await page.addStyleTag({ content: css });
const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
let t0 = Date.now();
await page.locator('#import-file').setInputFiles({ name: 'scale.json', mimeType: 'application/json', buffer: readFileSync(modelPath) });
await page.locator('#notice').filter({ hasText: 'Imported scale.json' }).waitFor();
await frame();
console.log('import', Date.now() - t0);
const times = {};
for (let r = 0; r < 5; r++) for (const name of ['Dependencies', 'Document', 'Model']) {
  t0 = Date.now();
  await page.locator('nav a', { hasText: name }).click();
  await page.waitForFunction((n) => document.title.endsWith(n) && !document.querySelector('[aria-busy="true"]'), name, { polling: 'raf' });
  await frame();
  (times[name] ??= []).push(Date.now() - t0);
}
for (const [k, v] of Object.entries(times)) console.log(k, v.sort((a, b) => a - b).join(' '));
await browser.close();
server.kill();
