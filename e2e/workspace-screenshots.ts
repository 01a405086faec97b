/**
 * Screenshots of the workspace's main screens for docs/guide.md, taken from a fresh demo instance:
 *   npx tsx e2e/workspace-screenshots.ts
 * Writes docs/screenshots/workspace-*.png (English and Spanish; one phone-sized view).
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/app/app.js';
import { loadDemo } from '../src/features/demo/index.js';
import { openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import * as t from '../src/platform/db/schema/index.js';
import { createUserWithPassword, PASSWORD } from '../test/support/visitors.js';

const OUT = new URL('../docs/screenshots/', import.meta.url);

async function main() {
  const handle = await openDb({ engine: 'pglite', dataDir: null });
  await runMigrations(handle);
  await loadDemo(handle.db);
  const [cejil] = await handle.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
  await createUserWithPassword(handle.db, { email: 'coordinator@example.org', role: 'admin' }, new Date(), {
    twoFactor: false,
  });
  await createUserWithPassword(handle.db, { email: 'deputy@example.org', role: 'admin' }, new Date(), {
    twoFactor: false,
  });
  await createUserWithPassword(handle.db, { email: 'press@cejil.org', role: 'member', organizationId: cejil!.id });
  const app = await buildApp({ db: handle.db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // Not e2e/browser.ts: that module pulls in Vitest's test database helpers, which need a test run.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  mkdirSync(OUT, { recursive: true });
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: new URL(`${name}.png`, OUT).pathname, fullPage: true });

  async function signIn(email: string, viewport = { width: 1200, height: 800 }) {
    const context = await browser.newContext({ baseURL, viewport });
    const page = await context.newPage();
    await page.goto('/en/sign-in');
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('main form button[type=submit]').click();
    await page.waitForURL('**/account');
    return { context, page };
  }

  try {
    const admin = await signIn('coordinator@example.org');
    // An out-of-date translation to show: a new English original for a theme.
    await admin.page.goto('/en/workspace/themes/governance-rule-of-law/edit');
    await admin.page.locator('#f-label_en').fill('Governance, the rule of law and justice');
    await admin.page.locator('main form button[type=submit]:not([name=_action])').first().click();
    for (const locale of ['en', 'es']) {
      await admin.page.goto(`/${locale}/workspace`);
      await shot(admin.page, `workspace-home-${locale}`);
      await admin.page.goto(`/${locale}/workspace/organizations`);
      await shot(admin.page, `workspace-organizations-${locale}`);
      await admin.page.goto(`/${locale}/workspace/organizations/flacso-guatemala/edit`);
      await shot(admin.page, `workspace-organization-edit-${locale}`);
      await admin.page.goto(`/${locale}/workspace/translations`);
      await shot(admin.page, `workspace-translations-${locale}`);
      await admin.page.goto(`/${locale}/workspace/people/new`);
      await admin.page.locator('#f-name').fill('Ana Pérez');
      await admin.page.locator('#f-phone').fill('12');
      await admin.page.locator('main form button[type=submit]:not([name=_action])').first().click();
      await admin.page.locator('.error-summary').waitFor();
      await shot(admin.page, `workspace-form-errors-${locale}`);
    }

    const deputy = await signIn('deputy@example.org');
    await admin.page.goto('/en/workspace/organizations/grupo-articulador/edit');
    await deputy.page.goto('/en/workspace/organizations/grupo-articulador/edit');
    await admin.page.locator('#f-website').fill('https://grupo.example.org');
    await admin.page.locator('main form button[type=submit]:not([name=_action])').first().click();
    await deputy.page.locator('#f-boilerplate_es').fill('Un texto cuidadoso que no debe perderse.');
    await deputy.page.locator('main form button[type=submit]').first().click();
    await deputy.page.locator('.conflict-notice').waitFor();
    await shot(deputy.page, 'workspace-conflict-en');

    const member = await signIn('press@cejil.org', { width: 360, height: 740 });
    await member.page.goto('/es/workspace/my-organization');
    await shot(member.page, 'workspace-member-phone-es');
    await member.page.goto('/en/workspace/organizations/cejil');
    await member.page.setViewportSize({ width: 1200, height: 800 });
    await shot(member.page, 'workspace-member-en');
  } finally {
    await browser.close();
    await app.close();
    await handle.close();
  }
}

await main();
