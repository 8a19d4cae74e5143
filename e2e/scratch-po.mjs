import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const width = Number(process.argv[2] ?? 1280);
for (const p of ['', 'dependencies/', 'tradeoffs/', 'burn/', 'policy/', 'document/']) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`http://127.0.0.1:8098/slo-planner/workshop/${p}`);
  await page.locator('h1.page-title').waitFor();
  await page.waitForTimeout(1500);
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  const name = p.replace('/', '') || 'model';
  for (let y = 0, i = 0; y < h && i < 8; y += 1800, i++) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.setViewportSize({ width, height: 1800 });
    await page.waitForTimeout(250);
    await page.screenshot({ path: `/tmp/po/${name}-${i}.png` });
  }
  await page.close();
}
await browser.close();
