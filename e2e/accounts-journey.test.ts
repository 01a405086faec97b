/**
 * Accounts and sign-on pages in a real browser (Debian's Chromium), on each engine: axe-core WCAG
 * checks on the admin, two-factor and sign-on pages and the signed-in header, and a sign-on round
 * trip with JavaScript off (member signs, editor approves, the public page lists the organization).
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import { loadDemo } from '../src/features/demo/index.js';
import { setSignOnDeadline, setSignOnOpen } from '../src/features/signon/index.js';
import { createRecommendation } from '../src/features/statements/index.js';
import type { DbHandle } from '../src/platform/db/client.js';
import * as t from '../src/platform/db/schema/index.js';
import { localized } from '../src/platform/text/localized-text.js';
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { createTestDb, testEngines } from '../test/support/db.js';
import { createUserWithPassword, signedIn, type Visitor } from '../test/support/visitors.js';
import { launchChromium } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';

const SLUG = 'signon-in-a-browser';
const TITLE = 'A statement to sign in a browser';
const LOCATOR_TIMEOUT_MS = 5_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

for (const engine of testEngines) {
  describe(`[${engine}] accounts and sign-on in a browser`, () => {
    let handle: DbHandle;
    let app: FastifyTypeBox;
    let baseUrl = '';
    let memberId = 0;
    type Who = 'admin' | 'editor' | 'member';
    /** JavaScript on: axe runs inside the page (our pages have no script either way). */
    const sessions = new Map<Who, BrowserContext>();
    /** JavaScript off: every form must work as plain HTML. */
    const noScript = new Map<Who, BrowserContext>();

    /** A browser context carrying the session a signed-in Visitor got over app.inject. */
    async function contextFor(visitor: Visitor, javaScriptEnabled: boolean): Promise<BrowserContext> {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US', javaScriptEnabled });
      context.setDefaultTimeout(LOCATOR_TIMEOUT_MS);
      await context.addCookies([...visitor.cookies].map(([name, value]) => ({ name, value, url: baseUrl })));
      return context;
    }

    beforeAll(async () => {
      handle = await createTestDb(engine);
      await loadDemo(handle.db);
      const [cejil] = await handle.db.select().from(t.organizations).where(eqSlug('cejil'));
      await createUserWithPassword(handle.db, { email: 'admin@example.org', role: 'admin' });
      const editor = await createUserWithPassword(handle.db, { email: 'editor@example.org', role: 'editor' });
      memberId = (
        await createUserWithPassword(handle.db, { email: 'm@cejil.org', role: 'member', organizationId: cejil!.id })
      ).id;
      await handle.db.insert(t.statements).values({
        slug: SLUG,
        title: localized('en', TITLE, { es: 'Una declaración para firmar en un navegador' }),
        summary: localized('en', 'Read before signing.', { es: 'Léela antes de firmar.' }),
        date: '2026-11-01',
      });
      // What the member reads before signing: a recommendation with its theme and addressee, and a deadline.
      const [theme] = await handle.db.select().from(t.themes).where(eq(t.themes.slug, 'governance-rule-of-law'));
      const [addressee] = await handle.db
        .select()
        .from(t.addressees)
        .where(eq(t.addressees.slug, 'guatemala-government'));
      const recommendation = {
        statementSlug: SLUG,
        text: { en: 'Protect human rights defenders.', es: 'Proteger a las personas defensoras.' },
        themeIds: [theme!.id],
        addresseeIds: [addressee!.id],
        originalLocale: 'en' as const,
      };
      await createRecommendation(handle.db, recommendation, editor, new Date());
      await setSignOnOpen(handle.db, editor, { slug: SLUG, open: true, version: 0 }, new Date());
      const deadline = { slug: SLUG, local: '2099-12-15T18:00', timeZone: 'America/Guatemala', version: 1 };
      await setSignOnDeadline(handle.db, editor, deadline, new Date());
      app = await buildApp({ db: handle.db });
      await app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      for (const [who, email] of [
        ['admin', 'admin@example.org'],
        ['editor', 'editor@example.org'],
        ['member', 'm@cejil.org'],
      ] as const) {
        const visitor = await signedIn(app, email);
        sessions.set(who, await contextFor(visitor, true));
        noScript.set(who, await contextFor(visitor, false));
      }
    });

    afterAll(async () => {
      for (const context of [...sessions.values(), ...noScript.values()]) await context.close();
      await app?.close();
      await handle?.close();
    });

    const pages: { who: Who; name: string; path: () => string }[] = [
      { who: 'admin', name: 'the list of accounts', path: () => '/en/admin/users' },
      { who: 'admin', name: "a member's account page (es)", path: () => `/es/admin/users/${memberId}` },
      { who: 'admin', name: 'two-factor management', path: () => '/en/account/two-factor' },
      { who: 'member', name: 'the sign-on list (es)', path: () => '/es/sign-on' },
      { who: 'member', name: 'a statement to sign', path: () => `/en/sign-on/${SLUG}` },
      { who: 'member', name: 'the home page with the signed-in header (es)', path: () => '/es/' },
      { who: 'editor', name: 'the sign-on requests (es)', path: () => `/es/sign-on/${SLUG}` },
    ];

    describe('axe-core finds no WCAG 2.2 A/AA violations', () => {
      for (const target of pages) {
        it(`${target.who}: ${target.name}`, async () => {
          const page = await sessions.get(target.who)!.newPage();
          try {
            const path = target.path();
            const response = await page.goto(path);
            expect(response?.status()).toBe(200);
            expect(await page.locator('.session-nav strong').count(), 'the header names who is signed in').toBe(1);
            await expectDesignedAtEachWidth(page, path);
          } finally {
            await page.close();
          }
        });
      }
    });

    it('without JavaScript: the member signs, the editor approves, the public sees it once published', async () => {
      const member = await noScript.get('member')!.newPage();
      await member.goto(`/en/sign-on/${SLUG}`);
      await member
        .getByRole('button', { name: 'Sign this statement for Center for Justice and International Law' })
        .click();
      // Waits for the answer page (a POST, then 303 back to this same address, saying what was recorded).
      await member.locator('.own-status', { hasText: 'has asked to sign' }).waitFor();
      expect(await member.locator('.own-status').textContent()).toBe(
        'Your organization has asked to sign this statement; the editors have not decided yet.',
      );
      expect(await member.getByRole('status').textContent()).toContain(
        'Center for Justice and International Law asked to sign this statement',
      );
      expect(new URL(member.url()).pathname).toBe(`/en/sign-on/${SLUG}`);
      // The confirmation checked by axe too, in a context that runs scripts (axe needs them).
      const confirmation = await sessions.get('member')!.newPage();
      await confirmation.goto(member.url());
      expect(await confirmation.locator('.signon-confirmation').count()).toBe(1);
      await expectDesignedAtEachWidth(confirmation, member.url());
      await confirmation.close();
      await member.close();

      const editor = await noScript.get('editor')!.newPage();
      await editor.goto(`/en/sign-on/${SLUG}`);
      const row = editor.locator('tr[data-organization="cejil"]');
      await row.getByRole('button', { name: 'Approve' }).click();
      await editor.locator('tr[data-organization="cejil"] .status', { hasText: 'signed (approved)' }).waitFor();
      expect(await editor.locator('tr[data-organization="cejil"] .status').textContent()).toBe('signed (approved)');
      await editor.close();

      const reader = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false });
      const page: Page = await reader.newPage();
      expect((await page.goto(`/en/statements/${SLUG}`))?.status()).toBe(404);
      await handle.db.update(t.statements).set({ status: 'published' }).where(eqSlug(SLUG, t.statements));
      expect((await page.goto(`/en/statements/${SLUG}`))?.status()).toBe(200);
      expect(await page.locator('.signatories li a').getAttribute('href')).toBe('/en/organizations/cejil');
      await reader.close();
    });
  });
}

function eqSlug(slug: string, table: typeof t.organizations | typeof t.statements = t.organizations) {
  return eq(table.slug, slug);
}
