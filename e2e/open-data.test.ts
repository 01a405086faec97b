/**
 * Open data (issue 16) in Debian's Chromium: the API reference page in both languages passes axe and
 * fits 360 px without scrolling sideways (long endpoint addresses wrap), reached from the footer; a
 * statement's page with its spreadsheet links does too. One engine: these are pages, not queries.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium, startTestServer, type TestServer } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';

describe('open data pages', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startTestServer('pglite')]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the reference page, from the footer, and a statement page with its downloads pass axe at each width', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    for (const [locale, footer] of [
      ['en', 'Open data: API and downloads'],
      ['es', 'Datos abiertos: API y descargas'],
    ] as const) {
      await page.goto(`/${locale}/`);
      await page.getByRole('contentinfo').getByRole('link', { name: footer }).click();
      await page.waitForURL(`**/${locale}/api`);
      await page
        .locator('details')
        .first()
        .evaluate((d) => d.setAttribute('open', ''));
      await expectDesignedAtEachWidth(page, `/${locale}/api`);
    }
    await page.goto('/es/statements/guatemala-vp-visit-2021');
    await page.getByRole('link', { name: 'Excel (XLSX)' }).waitFor();
    await expectDesignedAtEachWidth(page, 'statement page with downloads');
    await context.close();
  }, 120_000);
});
