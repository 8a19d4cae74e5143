// The test function every journey uses: it fails a test on any page error or
// console error (a Rust panic shows up as both), and accepts confirm dialogs.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('dialog', (d) => d.accept());
    await use(page);
    expect(errors, 'no panic, no console error').toEqual([]);
  },
});

export { expect };
