import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
page.on('dialog', (d) => d.accept());
for (const [prefix, setup] of [['example', null], ['new', 'new']]) {
  await page.goto('http://127.0.0.1:8098/slo-planner/workshop/');
  await page.locator('h1.page-title').waitFor();
  if (setup) { await page.getByRole('button', { name: 'New model' }).click(); await page.waitForTimeout(500); }
  for (const p of ['', 'dependencies/', 'tradeoffs/', 'burn/', 'policy/', 'document/']) {
    await page.goto(`http://127.0.0.1:8098/slo-planner/workshop/${p}`);
    await page.locator('h1.page-title').waitFor();
    await page.waitForTimeout(1500);
    const text = await page.evaluate(() => {
      // Placeholders and bubbles shown inline, marked.
      const root = document.body.cloneNode(true);
      root.querySelectorAll('.term-plain').forEach((e) => { e.textContent = ` [hover: ${e.textContent}]`; });
      root.querySelectorAll('input, textarea').forEach((e) => {
        const orig = document.getElementById(e.id);
        const v = orig ? orig.value : '';
        const span = document.createElement('span');
        span.textContent = v ? ` [field: ${v}] ` : ` [empty field, placeholder: ${e.getAttribute('placeholder') ?? ''}] `;
        e.replaceWith(span);
      });
      root.querySelectorAll('select').forEach((e) => {
        const orig = document.getElementById(e.id);
        const span = document.createElement('span');
        span.textContent = ` [choice: ${orig?.selectedOptions[0]?.text ?? ''}] `;
        e.replaceWith(span);
      });
      root.querySelectorAll('*').forEach((e) => { e.style.contentVisibility = 'visible'; });
      root.querySelectorAll('details').forEach((e) => { e.open = true; });
      document.body.appendChild(root); root.style.position = 'absolute'; root.style.left = '-99999px';
      const t = root.innerText; root.remove(); return t;
    });
    writeFileSync(`/tmp/po2/${prefix}-${p.replace('/', '') || 'model'}.txt`, text);
  }
}
await browser.close();
