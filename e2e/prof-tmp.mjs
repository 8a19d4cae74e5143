// temporary profiler (not committed)
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
const [modelPath, what] = process.argv.slice(2);
const port = 8111;
const server = spawn('node', ['e2e/serve.mjs', String(port), '/slo-planner/'], { cwd: process.cwd(), stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const base = `http://127.0.0.1:${port}/slo-planner/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ serviceWorkers: 'block' });
await page.goto(`${base}workshop/`);
await page.waitForSelector('h1.page-title');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const prof = async (label, fn) => {
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await fn();
  const dt = Date.now() - t0;
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(`/tmp/prof/${label}.cpuprofile`, JSON.stringify(profile));
  // self time per function
  const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dts = profile.timeDeltas; const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dts[i] ?? 0)));
  for (const [id, t] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || n.callFrame.url.slice(-30) || '(anon)'; self.set(k, (self.get(k) ?? 0) + t); }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  console.log(`== ${label}: ${dt} ms`);
  for (const [k, t] of top) console.log(`${(t / 1000).toFixed(1).padStart(8)} ms  ${k.slice(0, 160)}`);
};
const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
await prof('import', async () => {
  await page.locator('#import-file').setInputFiles({ name: 'scale.json', mimeType: 'application/json', buffer: readFileSync(modelPath) });
  await page.locator('#notice').filter({ hasText: 'Imported scale.json' }).waitFor();
  await frame();
});
for (const name of ['Document', 'Model', 'Dependencies', 'Document', 'Model']) {
  await prof(`switch-${name}`, async () => {
    await page.locator('nav a', { hasText: name }).click();
    await page.waitForFunction((n) => document.title.endsWith(n) && !document.querySelector('[aria-busy="true"]'), name);
    await frame();
  });
}
await page.locator('#service-card-0 > summary').click();
const field = page.locator('#services-0--journeys-0--slis-0--slos-0--target');
await field.waitFor();
await field.focus();
await prof('typing', async () => {
  for (let i = 0; i < 10; i++) { await page.keyboard.press('End'); await page.keyboard.type('9'); await frame(); await page.keyboard.press('Backspace'); await frame(); }
});
await browser.close();
server.kill();
