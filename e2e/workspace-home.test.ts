/**
 * The workspace home in a real browser (Debian's Chromium), on each engine: with something in every
 * editor's check (a draft release with a linter error, an embargoed release, a pending sign-on request)
 * and a member's profile gaps and open sign-on call, the page passes axe-core (WCAG 2.2 A/AA) and fits
 * 360 px without sideways scrolling, for an editor and a member, in both languages.
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import { loadDemo } from '../src/features/demo/index.js';
import type { DbHandle } from '../src/platform/db/client.js';
import * as t from '../src/platform/db/schema/index.js';
import { messages } from '../src/platform/i18n/format.js';
import { LOCALES } from '../src/platform/i18n/locales.js';
import { localized } from '../src/platform/text/localized-text.js';
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { createTestDb, testEngines } from '../test/support/db.js';
import { createUserWithPassword, PASSWORD } from '../test/support/visitors.js';
import { launchChromium } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';

const EDITOR = 'desk@example.org';
const MEMBER = 'press@cejil.org';
const DAY = 24 * 60 * 60_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Something for every check to show, so axe sees the full page rather than "nothing to do". */
async function seedAttention(db: DbHandle['db']): Promise<void> {
  const now = new Date();
  await db.insert(t.releases).values([
    {
      slug: 'e2e-home-draft',
      releaseDate: '2026-11-27',
      headline: localized('en', 'A draft with a placeholder link', { es: 'Un borrador con un enlace provisional' }),
      lead: localized('en', 'Read [the report](TBD).', { es: 'Lea [el informe](TBD).' }),
    },
    {
      slug: 'e2e-home-embargoed',
      status: 'published',
      embargoedUntil: new Date(now.getTime() + DAY),
      timeZone: 'America/Guatemala',
      releaseDate: '2026-11-28',
      headline: localized('en', 'Going public tomorrow', { es: 'Se publica mañana' }),
    },
  ]);
  const [statement] = await db
    .insert(t.statements)
    .values({ slug: 'e2e-home-sign-on', title: localized('en', 'Open for sign-on'), date: '2026-11-20' })
    .returning();
  const [afsc] = await db.select().from(t.organizations).where(eq(t.organizations.slug, 'afsc'));
  await db.insert(t.signOnCalls).values({ statementId: statement!.id, createdAt: now, updatedAt: now });
  await db
    .insert(t.signOnRequests)
    .values({ statementId: statement!.id, organizationId: afsc!.id, createdAt: now, updatedAt: now });
}

for (const engine of testEngines) {
  describe(`[${engine}] workspace home in a browser`, () => {
    let handle: DbHandle;
    let app: FastifyTypeBox;
    const people: Record<string, { context: BrowserContext; page: Page }> = {};

    beforeAll(async () => {
      handle = await createTestDb(engine);
      await loadDemo(handle.db);
      await seedAttention(handle.db);
      const [cejil] = await handle.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
      await createUserWithPassword(handle.db, { email: EDITOR, role: 'editor' });
      await createUserWithPassword(handle.db, { email: MEMBER, role: 'member', organizationId: cejil!.id });
      app = await buildApp({ db: handle.db });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      for (const email of [EDITOR, MEMBER]) {
        const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, isMobile: true });
        const page = await context.newPage();
        await page.goto('/en/sign-in');
        await page.getByLabel(messages('en').emailLabel).fill(email);
        await page.getByLabel(messages('en').passwordLabel, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: messages('en').signInButton }).click();
        await page.waitForURL('**/en/account');
        people[email] = { context, page };
      }
    });

    afterAll(async () => {
      for (const { context } of Object.values(people)) await context.close();
      await app?.close();
      await handle?.close();
    });

    for (const locale of LOCALES) {
      for (const [who, email, expected] of [
        ['editor', EDITOR, 'li.attention-draftReleases'],
        ['member', MEMBER, 'li.attention-profileGaps'],
      ] as const) {
        it(`[${locale}] ${who}: no axe violations and no sideways scrolling at 360 px and 1280 px`, async () => {
          const { page } = people[email]!;
          const response = await page.goto(`/${locale}/workspace`);
          expect(response?.status()).toBe(200);
          expect(await page.locator(expected).count()).toBe(1);
          const heading = page.getByRole('heading', { name: messages(locale).homeAttentionHeading });
          expect(await heading.count()).toBe(1);
          await expectDesignedAtEachWidth(page, `/${locale}/workspace (${who})`);
        });
      }
    }
  });
}
