/**
 * Issue 14's acceptance journey, in a browser on each engine, on a server WITHOUT email (no SMTP_URL):
 * an admin adds a member and hands over the one-time link the page shows; the member sets a password and
 * signs on, reading every recommendation first; an editor adds a recommendation and reaches its follow-up
 * only by clicking from the statement page, and records a status update there. Nothing here types an
 * address a person would not have clicked, after the first page of each person.
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCoalition } from '../demo/coalition.js';
import { buildApp } from '../src/app/app.js';
import { loadDemo } from '../src/features/demo/index.js';
import { setSignOnOpen } from '../src/features/signon/index.js';
import type { DbHandle } from '../src/platform/db/client.js';
import * as t from '../src/platform/db/schema/index.js';
import { localized } from '../src/platform/text/localized-text.js';
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { createTestDb, testEngines } from '../test/support/db.js';
import { createUserWithPassword, freshRecoveryCode, PASSWORD } from '../test/support/visitors.js';
import { launchChromium, submitAndWait } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';

const STATEMENT = demoCoalition.statements[0]!;
const ORGANIZATION = 'Red de Acompañamiento de Prueba';
const MEMBER = 'comunicacion@red-prueba.example';
const MEMBER_PASSWORD = 'a passphrase the member chose';
const NEW_RECOMMENDATION = {
  en: 'Publish every deportation flight’s passenger count within a week',
  es: 'Publicar en una semana cuántas personas viajaron en cada vuelo de deportación',
};
const LOCATOR_TIMEOUT_MS = 8_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

for (const engine of testEngines) {
  describe(`[${engine}] a coordinator's first week, without email`, () => {
    let handle: DbHandle;
    let app: FastifyTypeBox;
    let baseUrl = '';
    const contexts: BrowserContext[] = [];

    async function newPage(): Promise<Page> {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US' });
      context.setDefaultTimeout(LOCATOR_TIMEOUT_MS);
      contexts.push(context);
      return context.newPage();
    }

    async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
      await page.goto('/en/sign-in');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await submitAndWait(page, page.getByRole('button', { name: 'Sign in' }));
      // The admin has two-step sign-in (admin pages require it): one of their recovery codes.
      if (new URL(page.url()).pathname === '/en/sign-in/two-factor') {
        await page
          .locator('form[action="/en/sign-in/two-factor"] input[name="code"]')
          .fill((await freshRecoveryCode(email))!);
        await submitAndWait(page, page.getByRole('button', { name: 'Sign in' }));
      }
      expect(new URL(page.url()).pathname).not.toMatch(/\/sign-in/);
    }

    beforeAll(async () => {
      handle = await createTestDb(engine);
      await loadDemo(handle.db);
      await createUserWithPassword(handle.db, { email: 'coordinator@example.org', role: 'admin' });
      const editor = await createUserWithPassword(handle.db, { email: 'editor@example.org', role: 'editor' });
      // A member organization that has not signed the demo statement yet.
      await handle.db.insert(t.organizations).values({
        slug: 'red-prueba',
        name: ORGANIZATION,
        boilerplate: localized('es', 'Acompaña a personas migrantes.', { en: 'It accompanies migrants.' }),
      });
      await setSignOnOpen(handle.db, editor, { slug: STATEMENT.slug, open: true, version: 0 }, new Date());
      // No mailer: SMTP_URL is not set on this server.
      app = await buildApp({ db: handle.db });
      await app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    }, 120_000);

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await app?.close();
      await handle?.close();
    });

    let inviteLink = '';

    it('the admin adds a member and gets a one-time link to hand over, without email', async () => {
      const admin = await newPage();
      await signIn(admin, 'coordinator@example.org');
      await admin.goto('/en/workspace');
      const menu = admin.getByRole('navigation', { name: 'Workspace' });
      await submitAndWait(admin, menu.getByRole('link', { name: 'People with an account' }));
      await admin.getByLabel('Email').fill(MEMBER);
      await admin.locator('#role').selectOption('member');
      await admin.locator('#organization').selectOption({ label: ORGANIZATION });
      await submitAndWait(admin, admin.getByRole('button', { name: 'Add the person and make a sign-in link' }));
      expect(await admin.locator('main').textContent()).not.toMatch(/sent|enviado/i);
      inviteLink = await admin.locator('#invitation-link').inputValue();
      expect(inviteLink).toMatch(/\/en\/set-password\/[A-Za-z0-9_-]+$/);
      expect(await admin.locator('#invitation-link-expiry').textContent()).toMatch(/\d/);
      await expectDesignedAtEachWidth(admin, 'the one-time link for the new member');
    });

    it('the member opens the link, sets a password, and signs on having read every recommendation', async () => {
      const member = await newPage();
      // The link as the admin handed it over (its host is the configured base URL, not this test server).
      await member.goto(new URL(inviteLink).pathname);
      await member.getByLabel('New password (at least 12 characters)').fill(MEMBER_PASSWORD);
      await submitAndWait(member, member.getByRole('button', { name: 'Save password' }));
      await signIn(member, MEMBER, MEMBER_PASSWORD);

      await member.goto(`/en/sign-on/${STATEMENT.slug}`);
      expect(await member.locator('.signon-facts .signing-for').textContent()).toContain(ORGANIZATION);
      const [row] = await handle.db.select().from(t.statements).where(eq(t.statements.slug, STATEMENT.slug));
      const recommendations = await handle.db
        .select()
        .from(t.recommendations)
        .where(eq(t.recommendations.statementId, row!.id));
      const listed = member.locator('section.signon-recommendations ol.recommendations > li.recommendation');
      expect(await listed.count()).toBe(recommendations.length);
      const shown = await member.locator('section.signon-recommendations').textContent();
      for (const r of recommendations) expect(shown).toContain(r.text.en!.text.slice(0, 60));
      expect(await member.locator('section.signon-text').textContent()).toContain(STATEMENT.summary.en.slice(0, 60));
      expect(await member.locator('h1').textContent()).toContain(STATEMENT.title.en);
      await expectDesignedAtEachWidth(member, 'the sign-on page');
      await submitAndWait(member, member.getByRole('button', { name: `Sign this statement for ${ORGANIZATION}` }));
      expect(await member.locator('p.signon-confirmation[role=status]').textContent()).toContain(ORGANIZATION);
    });

    it('an editor adds a recommendation and records its follow-up, reached by clicking from the statement', async () => {
      const editor = await newPage();
      await signIn(editor, 'editor@example.org');
      await editor.goto('/en/workspace');
      await submitAndWait(
        editor,
        editor.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Statements' }),
      );
      await submitAndWait(editor, editor.getByRole('link', { name: STATEMENT.title.en }));
      await submitAndWait(editor, editor.getByRole('link', { name: 'Add a recommendation' }));
      await editor.locator('#f-text_en').fill(NEW_RECOMMENDATION.en);
      await editor.locator('#f-text_es').fill(NEW_RECOMMENDATION.es);
      await submitAndWait(editor, editor.getByRole('button', { name: 'Create' }));

      const number = STATEMENT.recommendations.length + 1;
      await submitAndWait(editor, editor.getByRole('link', { name: `Record follow-up for recommendation ${number}` }));
      expect(await editor.locator('main').textContent()).toContain(NEW_RECOMMENDATION.en);
      await submitAndWait(editor, editor.getByRole('link', { name: 'Record a status update' }));
      await editor.getByLabel('New status').selectOption('in_progress');
      await editor.getByLabel('Date').fill('2026-11-20');
      await editor.getByLabel('Summary in English').fill('The ministry started publishing the counts in November.');
      await editor.getByLabel('Publish now (otherwise saved as a draft)').check();
      await submitAndWait(editor, editor.getByRole('button', { name: 'Save' }));
      expect(await editor.locator('main').textContent()).toContain('The ministry started publishing the counts');
      await expectDesignedAtEachWidth(editor, 'the follow-up of the new recommendation');

      // The public statement lists it under the same number, with its follow-up one click away.
      const reader = await newPage();
      await reader.goto(`/en/statements/${STATEMENT.slug}`);
      const item = reader.locator(`li.recommendation#recommendation-${number}`);
      expect(await item.textContent()).toContain(NEW_RECOMMENDATION.en);
      await submitAndWait(reader, item.locator('a.followup-link'));
      expect(await reader.locator('main').textContent()).toContain(NEW_RECOMMENDATION.en);
    });
  });
}
