/**
 * Screenshots of the design (issue 14) on a fresh demo instance, at a desktop and a phone width:
 *   npx tsx e2e/design-screenshots.ts [outDir]
 * Writes design-<page>-<width>.png (public home, statement, release, follow-up dashboard and scorecard, release
 * editor and its signatories' table).
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/app/app.js';
import { loadDemo } from '../src/features/demo/index.js';
import { openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import { createUserWithPassword, PASSWORD } from '../test/support/visitors.js';

const OUT = process.argv[2]
  ? `${process.argv[2].replace(/\/$/, '')}/`
  : new URL('../docs/screenshots/', import.meta.url).pathname;
const WIDTHS = [1280, 375];

async function main() {
  const handle = await openDb({ engine: 'pglite', dataDir: null });
  await runMigrations(handle);
  await loadDemo(handle.db);
  await createUserWithPassword(handle.db, { email: 'coordinator@example.org', role: 'admin' }, new Date(), {
    twoFactor: false,
  });
  const app = await buildApp({ db: handle.db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // Not e2e/browser.ts: that module pulls in Vitest's test database helpers, which need a test run.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  mkdirSync(OUT, { recursive: true });
  try {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto('/en/releases');
    const release = await page.locator('main a[href^="/en/releases/"]').first().getAttribute('href');
    const pages: [string, string][] = [
      ['home', '/en/'],
      ['statement', '/es/statements/guatemala-vp-visit-2021'],
      ['release', release ?? '/en/releases'],
      ['followup', '/en/follow-up?statement=guatemala-vp-visit-2021'],
      ['followup-scorecard', '/es/follow-up/scorecard'],
    ];
    // Desktop: the whole page. Phone: the whole follow-up page (its charts are below the filters); of the long
    // statement and release, the first screen and a half, the part a reader judges a site by.
    for (const width of WIDTHS) {
      const phone = width < 600;
      await page.setViewportSize({ width, height: phone ? 1200 : 800 });
      for (const [name, path] of pages) {
        await page.goto(path);
        const fullPage = !phone || name.startsWith('followup') || name === 'home';
        await page.screenshot({ path: `${OUT}design-${name}-${width}.png`, fullPage });
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/en/sign-in');
    await page.locator('#email').fill('coordinator@example.org');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('main form button[type=submit]').click();
    await page.waitForURL('**/account');
    const editor = `/en/workspace${(release ?? '').replace(/^\/en/, '')}`;
    // The editor is many screens long: its first screen, and the signatories' table.
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 1000 });
      await page.goto(editor);
      await page.screenshot({ path: `${OUT}design-release-editor-${width}.png` });
      await page.locator('.picker-table').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}design-release-editor-table-${width}.png` });
    }
    await context.close();
  } finally {
    await browser.close();
    await app.close();
    await handle.close();
  }
}

await main();
