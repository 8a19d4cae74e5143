// The test function every journey uses: it fails a test on any page error or
// console error (a Rust panic shows up as both), on any Content-Security-Policy
// violation, and accepts confirm dialogs.
import { test as base, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('dialog', (d) => d.accept());
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`);
      });
    });
    await use(page);
    const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    expect(violations, 'no Content-Security-Policy violation').toEqual([]);
    expect(errors, 'no panic, no console error').toEqual([]);
  },
});

export { expect };

/// Clicks "Export JSON" (on the Document page) and returns the downloaded
/// file's path and text.
export async function exportModel(page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await (await download).path();
  return { file, text: await readFile(file, 'utf8') };
}

/// The autosaved model, read back as JSON (the autosave is compact JSON,
/// the export pretty: the same value), or null when there is none.
export async function autosaved(page) {
  const text = await page.evaluate(() => localStorage.getItem('slo-planner.model.v1'));
  return text === null ? null : JSON.parse(text);
}

/// Opens one of the toolbar's examples ("Example: Azure chain"), from its
/// "Examples" menu.
export async function openExample(page, name) {
  await page.locator('#examples-menu > summary').click();
  await page.getByRole('button', { name }).click();
}
