/**
 * Issue 14 in a real browser (Debian's Chromium), on each engine: the embargo's zone field starts at
 * the browser's own zone through our script (and at the coalition's without JavaScript), and the pages
 * a coordinator meets in the first week pass axe: the two-step setup with its QR code, the recovery
 * codes page, a public page with the workspace link, and a release form with the zone field.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import { totpCode } from '../src/features/accounts/index.js';
import { loadDemo } from '../src/features/demo/index.js';
import type { DbHandle } from '../src/platform/db/client.js';
import { messages } from '../src/platform/i18n/format.js';
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { createTestDb, testEngines } from '../test/support/db.js';
import { createUserWithPassword, PASSWORD } from '../test/support/visitors.js';
import { launchChromium } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/en/sign-in');
  await page.getByLabel(messages('en').emailLabel).fill(email);
  await page.getByLabel(messages('en').passwordLabel, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: messages('en').signInButton }).click();
  await page.waitForURL('**/en/account');
}

for (const engine of testEngines) {
  describe(`[${engine}] a coordinator's first week in a browser`, () => {
    let handle: DbHandle;
    let app: FastifyTypeBox;
    let baseURL = '';
    const contexts: BrowserContext[] = [];

    /** A signed-in page in its own browser context (zone, JavaScript on or off). */
    async function person(email: string, options: { timezoneId?: string; javaScriptEnabled?: boolean } = {}) {
      const context = await browser.newContext({ baseURL, ...options });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, email);
      return page;
    }

    beforeAll(async () => {
      handle = await createTestDb(engine);
      await loadDemo(handle.db);
      for (const email of ['kolkata@example.org', 'nojs@example.org', 'setup@example.org'])
        await createUserWithPassword(handle.db, { email, role: 'editor' });
      app = await buildApp({ db: handle.db });
      await app.listen({ port: 0, host: '127.0.0.1' });
      baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await app?.close();
      await handle?.close();
    });

    it('the zone field starts at the browser’s zone (under its current name); the page passes axe', async () => {
      const page = await person('kolkata@example.org', { timezoneId: 'Asia/Kolkata' });
      await page.goto('/en/workspace/releases/new');
      expect(await page.locator('#f-timeZone').inputValue()).toBe('Asia/Kolkata');
      await page.goto('/es/workspace/releases/new');
      expect(await page.locator('#f-timeZone').inputValue()).toBe('Asia/Kolkata');
      await expectDesignedAtEachWidth(page, page.url());
      // A saved zone is not overridden by the browser's.
      await page.goto('/en/workspace/releases/guatemala-vp-visit-2021');
      expect(await page.locator('#f-timeZone').inputValue()).toBe('America/Guatemala');
    });

    it('without JavaScript the zone field starts at the coalition’s zone, not UTC', async () => {
      const page = await person('nojs@example.org', { timezoneId: 'Europe/Madrid', javaScriptEnabled: false });
      await page.goto('/en/workspace/releases/new');
      expect(await page.locator('#f-timeZone').inputValue()).toBe('America/Guatemala');
    });

    it('workspace link, QR code and recovery codes: each page passes axe, the QR code is a named image', async () => {
      const page = await person('setup@example.org');
      await page.goto('/es/organizations');
      await page.locator('.session-nav').getByRole('link', { name: 'Espacio de trabajo' }).click();
      await page.waitForURL('**/es/workspace');

      await page.goto('/en/account/two-factor');
      const qr = page.getByRole('img', { name: messages('en').accountsQrLabel });
      expect(await qr.count()).toBe(1);
      expect((await qr.boundingBox())?.width).toBeGreaterThan(100);
      await expectDesignedAtEachWidth(page, page.url());

      const secret = await page.locator('input[name=secret]').inputValue();
      await page.getByLabel(messages('en').twoFactorCodeLabel).fill(totpCode(secret, new Date()));
      await page.getByRole('button', { name: messages('en').twoFactorEnableButton }).click();
      await page.getByRole('heading', { name: messages('en').recoveryCodesTitle }).waitFor();
      expect(await page.locator('.recovery-codes code').count()).toBe(10);
      await expectDesignedAtEachWidth(page, page.url());
      await page.getByRole('link', { name: messages('en').accountsRecoveryCodesContinue }).click();
      await page.waitForURL('**/en/workspace');
    });
  });
}
