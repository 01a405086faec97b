/**
 * The sign-in link an admin hands over when the server cannot send email, in Debian's Chromium: the
 * page passes axe, the Copy button (an external script) appears and copies; without JavaScript the
 * link is still there to select. Each engine; one browser for the file.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import type { DbHandle } from '../src/platform/db/client.js';
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { createTestDb, testEngines } from '../test/support/db.js';
import { createUserWithPassword, signedIn } from '../test/support/visitors.js';
import { formatViolations, runAxe } from './axe.js';
import { launchChromium } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

for (const engine of testEngines) {
  describe(`[${engine}] handing over a sign-in link`, () => {
    let handle: DbHandle;
    let app: FastifyTypeBox;
    let baseUrl = '';
    const contexts: BrowserContext[] = [];

    async function adminContext(javaScriptEnabled: boolean): Promise<BrowserContext> {
      const visitor = await signedIn(app, 'admin@example.org');
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US', javaScriptEnabled });
      context.setDefaultTimeout(5_000);
      await context.addCookies([...visitor.cookies].map(([name, value]) => ({ name, value, url: baseUrl })));
      contexts.push(context);
      return context;
    }

    beforeAll(async () => {
      handle = await createTestDb(engine);
      await createUserWithPassword(handle.db, { email: 'admin@example.org', role: 'admin' });
      app = await buildApp({ db: handle.db, sendsMail: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await app?.close();
      await handle?.close();
    });

    it('the admin adds an editor; the link page passes axe and Copy copies the link', async () => {
      const context = await adminContext(true);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      const page = await context.newPage();
      await page.goto('/en/admin/users');
      await page.getByLabel('Email').fill('new-editor@example.org');
      await page.getByLabel('Role').selectOption('editor');
      await page.getByRole('button', { name: 'Add the person and make a sign-in link' }).click();
      const link = page.locator('#invitation-link');
      await link.waitFor();
      const url = await link.inputValue();
      expect(url).toMatch(/^http:\/\/localhost:3000\/en\/set-password\/[A-Za-z0-9_-]+$/);
      expect(await page.getByLabel('One-time sign-in link').inputValue()).toBe(url);
      const violations = await runAxe(page);
      expect(violations, formatViolations('the link page', violations)).toEqual([]);
      const copy = page.getByRole('button', { name: 'Copy the link' });
      await copy.click();
      await page.locator('#copy-status', { hasText: 'Copied.' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    });

    it('without JavaScript the link is selectable text and no Copy button shows', async () => {
      const page = await (await adminContext(false)).newPage();
      await page.goto('/es/admin/users');
      await page.getByLabel('Correo electrónico').fill('otra@example.org');
      await page.getByLabel('Rol').selectOption('editor');
      await page.getByRole('button', { name: 'Agregar a la persona y crear un enlace de acceso' }).click();
      const link = page.locator('#invitation-link');
      await link.waitFor();
      expect(await link.inputValue()).toContain('/es/set-password/');
      expect(await link.getAttribute('readonly')).not.toBeNull();
      expect(await page.getByRole('button', { name: 'Copiar el enlace' }).isVisible()).toBe(false);
      expect(await page.locator('#invitation-link-expiry').textContent()).toMatch(/^Funciona una sola vez, hasta el /);
    });
  });
}
