/**
 * The workspace in a real browser (Debian's Chromium), on each database engine.
 * Journey 2 (issue 6): a member organization's user edits their "About" text; the next render of
 * every release that carries it (HTML, Markdown, plain text) shows the new text; another
 * organization's edit page is refused (403).
 * Journey 3, built on organizations: two people open the same form; the second save gets the
 * conflict screen with the first one's change, and nothing either typed is lost.
 * axe-core (WCAG 2.2 A/AA tags) on every workspace page, including a form showing errors and the
 * conflict screen, and each page at 360 px and 1280 px wide without sideways scrolling.
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
import { LOCALES, type Locale } from '../src/platform/i18n/locales.js';
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { MarkdownField } from '../src/ui/form.js';
import { createTestDb, testEngines } from '../test/support/db.js';
import { createUserWithPassword, PASSWORD } from '../test/support/visitors.js';
import { runAxe } from './axe.js';
import { launchChromium } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';

const LOCATOR_TIMEOUT_MS = 5_000;

const MEMBER = 'press@cejil.org';
const ADMIN = 'coordinator@example.org';
const SECOND_ADMIN = 'deputy@example.org';

/** Every workspace page this branch built, as the admin sees it (and the member's own ones). */
const adminPages = (l: Locale) => [
  `/${l}/workspace`,
  `/${l}/workspace/organizations`,
  `/${l}/workspace/organizations/new`,
  `/${l}/workspace/organizations/flacso-guatemala`,
  `/${l}/workspace/organizations/flacso-guatemala/edit`,
  `/${l}/workspace/people`,
  `/${l}/workspace/people/new`,
  `/${l}/workspace/people/fernanda-durand/edit`,
  `/${l}/workspace/themes`,
  `/${l}/workspace/themes/new`,
  `/${l}/workspace/themes/mappings`,
  `/${l}/workspace/themes/governance-rule-of-law/edit`,
  `/${l}/workspace/addressees`,
  `/${l}/workspace/addressees/new`,
  `/${l}/workspace/addressees/us-government/edit`,
  `/${l}/workspace/translations`,
  `/${l}/workspace/import/recommendations`,
  `/${l}/workspace/open-sign-on`,
  `/${l}/workspace/open-sign-on/guatemala-vp-visit-2021`,
];
/** Issue 17's editing pages, checked in their own test: the list above already takes most of a test's time. */
const issue17Pages = (l: Locale) => [
  `/${l}/workspace/themes/mappings/new`,
  `/${l}/workspace/themes/mappings/${issue17.mapping}/edit`,
  // A recommendation's page with its links section (one link, with its remove button, and the picker).
  `/${l}/workspace/statements/guatemala-vp-visit-2021/recommendations/${issue17.recommendation}`,
];
/** Rows the demo has none of (issue 17): a theme mapping of an imported source, a linked recommendation. */
const issue17 = { mapping: 0, recommendation: 0 };
const memberPages = (l: Locale) => [`/${l}/workspace`, `/${l}/workspace/organizations/cejil`];

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

for (const engine of testEngines) {
  describe(`[${engine}] workspace journeys in a browser`, () => {
    let handle: DbHandle;
    let app: FastifyTypeBox;
    let baseUrl = '';

    beforeAll(async () => {
      handle = await createTestDb(engine);
      await loadDemo(handle.db);
      const [cejil] = await handle.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
      await createUserWithPassword(handle.db, { email: MEMBER, role: 'member', organizationId: cejil!.id });
      await createUserWithPassword(handle.db, { email: ADMIN, role: 'admin' }, new Date(), { twoFactor: false });
      await createUserWithPassword(handle.db, { email: SECOND_ADMIN, role: 'admin' }, new Date(), { twoFactor: false });
      const [theme] = await handle.db.select().from(t.themes).limit(1);
      const [mapping] = await handle.db
        .insert(t.themeMappings)
        .values({ source: 'upr-info', label: 'Death penalty', themeId: theme!.id })
        .returning();
      const [demo] = await handle.db
        .select()
        .from(t.statements)
        .where(eq(t.statements.slug, 'guatemala-vp-visit-2021'));
      const [first, second] = await handle.db
        .select()
        .from(t.recommendations)
        .where(eq(t.recommendations.statementId, demo!.id))
        .orderBy(t.recommendations.id)
        .limit(2);
      await handle.db.insert(t.recommendationLinks).values({ recommendationId: first!.id, echoesId: second!.id });
      Object.assign(issue17, { mapping: mapping!.id, recommendation: first!.id });
      app = await buildApp({ db: handle.db });
      await app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await app?.close();
      await handle?.close();
    });

    async function signedInContext(email: string, options: Parameters<Browser['newContext']>[0] = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US', ...options });
      context.setDefaultTimeout(LOCATOR_TIMEOUT_MS);
      const page = await context.newPage();
      await page.goto('/en/sign-in');
      await page.getByLabel(messages('en').emailLabel).fill(email);
      await page.getByLabel(messages('en').passwordLabel, { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: messages('en').signInButton }).click();
      await page.waitForURL('**/en/account');
      return { context, page };
    }

    /** Every published release, in the formats that print the "About" texts. */
    async function releaseRenders(page: Page): Promise<Map<string, string>> {
      await page.goto('/en/releases');
      const hrefs = await page
        .locator('main a[href^="/en/releases/"]')
        .evaluateAll((links) =>
          links.map((a) => a.getAttribute('href')!).filter((h) => /^\/en\/releases\/[^/]+$/.test(h)),
        );
      const renders = new Map<string, string>();
      for (const href of new Set(hrefs)) {
        for (const url of [href, `${href}/release.md`, `${href}/release.txt`]) {
          const response = await page.request.get(url);
          expect(response.status(), url).toBe(200);
          renders.set(url, await response.text());
        }
      }
      return renders;
    }

    it('journey 2: a member edits their “About” text; every release carrying it shows the new text; 403 elsewhere', async () => {
      const { context, page } = await signedInContext(MEMBER);
      try {
        const [cejil] = await handle.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
        const oldText = cejil!.boilerplate.en!.text;
        const newText = `CEJIL defends human rights in the Americas (edited ${engine}).`;
        const carrying = [...(await releaseRenders(page))].filter(([, body]) => body.includes(oldText));
        expect(carrying.length, 'the demo release carries CEJIL’s “About” text').toBeGreaterThan(0);

        await page.goto('/en/workspace');
        await page
          .getByRole('navigation', { name: 'Workspace' })
          .getByRole('link', { name: 'My organization' })
          .click();
        await page.waitForURL('**/en/workspace/organizations/cejil');
        await page.getByRole('link', { name: 'Edit profile and “About” text' }).click();
        await page.waitForURL('**/en/workspace/organizations/cejil/edit');
        const english = page.getByRole('textbox', { name: /“About” text \(boilerplate\) — English/ });
        expect(await english.inputValue()).toBe(oldText);
        await english.fill(newText);
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.waitForURL('**/en/workspace/organizations/cejil?saved=1');
        await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
        await page.getByText(newText).waitFor();
        // The Spanish text was translated from the old English one: it is now flagged as out of date.
        expect(await page.locator('section[lang=es] .state').textContent()).toBe('translation out of date');

        const after = new Map(await releaseRenders(page));
        for (const [url] of carrying) {
          const body = after.get(url) ?? '';
          expect(body, url).toContain(newText);
          expect(body, url).not.toContain(oldText);
        }

        const refused = await page.goto('/en/workspace/organizations/afsc/edit');
        expect(refused?.status()).toBe(403);
        await page.getByRole('heading', { level: 1, name: messages('en').workspaceForbiddenTitle }).waitFor();
      } finally {
        await context.close();
      }
    });

    it('journey 3: two people open the same form; the second save gets the conflict screen and loses nothing', async () => {
      const first = await signedInContext(ADMIN);
      const second = await signedInContext(SECOND_ADMIN);
      try {
        const path = '/en/workspace/organizations/grupo-articulador/edit';
        await first.page.goto(path);
        await second.page.goto(path);
        await first.page.getByRole('textbox', { name: /^Website/ }).fill('https://grupo.example.org');
        await first.page.getByRole('button', { name: 'Save', exact: true }).click();
        await first.page.waitForURL('**/grupo-articulador?saved=1');

        const mine = 'Texto cuidadoso que no debe perderse.';
        await second.page.getByRole('textbox', { name: /“About” text \(boilerplate\) — Español/ }).fill(mine);
        await second.page.getByRole('button', { name: 'Save', exact: true }).click();
        const alert = second.page.getByRole('alert').filter({ hasText: messages('en').conflictTitle });
        await alert.waitFor();
        expect(await alert.textContent()).toContain(ADMIN);
        expect(await alert.textContent()).toContain('https://grupo.example.org');
        // The second person's text is still in the form; the first person's website too.
        expect(
          await second.page
            .getByRole('textbox', { name: /— Español/ })
            .last()
            .inputValue(),
        ).toBe(mine);
        expect(await second.page.getByRole('textbox', { name: /^Website/ }).inputValue()).toBe(
          'https://grupo.example.org',
        );
        await expectNoAxeViolations(second.page, 'conflict screen');

        await second.page.getByRole('button', { name: 'Save', exact: true }).click();
        await second.page.waitForURL('**/grupo-articulador?saved=1');
        const [row] = await handle.db
          .select()
          .from(t.organizations)
          .where(eq(t.organizations.slug, 'grupo-articulador'));
        expect(row!.website).toBe('https://grupo.example.org');
        expect(row!.boilerplate.es?.text).toBe(mine);
      } finally {
        await first.context.close();
        await second.context.close();
      }
    });

    describe('every workspace page: no axe violations, and it fits 360 px and 1280 px', () => {
      let admin: { context: BrowserContext; page: Page };
      let member: { context: BrowserContext; page: Page };

      beforeAll(async () => {
        admin = await signedInContext(ADMIN, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
        member = await signedInContext(MEMBER, { viewport: { width: 360, height: 740 }, isMobile: true });
      });

      afterAll(async () => {
        await admin?.context.close();
        await member?.context.close();
      });

      for (const locale of LOCALES) {
        // Nineteen pages, each checked by axe at two widths: past the default 30 s on 2 busy cores.
        it(`[${locale}] admin pages`, { timeout: 120_000 }, async () => {
          for (const path of adminPages(locale)) {
            const response = await admin.page.goto(path);
            expect(response?.status(), path).toBe(200);
            await expectDesignedAtEachWidth(admin.page, path);
          }
        });

        it(`[${locale}] theme mapping and recommendation link pages`, async () => {
          for (const path of issue17Pages(locale)) {
            const response = await admin.page.goto(path);
            expect(response?.status(), path).toBe(200);
            await expectDesignedAtEachWidth(admin.page, path);
          }
        });

        it(`[${locale}] a theme mapping's preview, before it is applied`, async () => {
          const t = messages(locale);
          await admin.page.goto(`/${locale}/workspace/themes/mappings/${issue17.mapping}/edit`);
          await admin.page.locator('#f-theme').selectOption({ index: 2 });
          await admin.page.locator('form[novalidate] button:not([name=_action])').click();
          await admin.page.getByRole('heading', { name: t.registryThemeMappingPreviewTitle }).waitFor();
          await expectDesignedAtEachWidth(admin.page, 'theme mapping preview');
        });

        it(`[${locale}] member pages`, async () => {
          for (const path of memberPages(locale)) {
            const response = await member.page.goto(path);
            expect(response?.status(), path).toBe(200);
            await expectDesignedAtEachWidth(member.page, path);
          }
        });

        it(`[${locale}] a form showing its errors, and the 403 page`, async () => {
          await admin.page.goto(`/${locale}/workspace/organizations/new`);
          await admin.page.locator('#f-website').fill('not a web address');
          await admin.page.locator('form[method=post] button[type=submit]').last().click();
          await admin.page.locator('.error-summary').waitFor();
          expect(await admin.page.locator('#f-website').getAttribute('aria-invalid')).toBe('true');
          await expectDesignedAtEachWidth(admin.page, `${locale} organization form with errors`);
          const refused = await member.page.goto(`/${locale}/workspace/organizations/afsc/edit`);
          expect(refused?.status()).toBe(403);
          await expectNoAxeViolations(member.page, `${locale} 403 page`);
        });
      }

      it('the live preview: typing Markdown shows it rendered by the public renderer, through htmx', async () => {
        // No registry field is Markdown (boilerplates print as plain text), so we place the shell's
        // MarkdownField, exactly as the server renders it, in a form on a workspace page and type.
        const ctx = { locale: 'en' as const, t: messages('en'), pathWithinLocale: '/workspace', stylesheetHref: '' };
        const field = await MarkdownField({ ctx, name: 'body_en', label: 'Body', value: '', lang: 'en' });
        await admin.page.goto('/en/workspace');
        await admin.page.evaluate((html) => {
          const form = document.createElement('form');
          form.innerHTML = html;
          form.prepend(document.querySelector('input[name=_csrf]')!.cloneNode());
          document.querySelector('main')!.append(form);
          (window as unknown as { htmx: { process(el: Element): void } }).htmx.process(form);
        }, String(field));
        await admin.page.getByRole('textbox', { name: 'Body' }).pressSequentially('**Bold** <em>typed</em>');
        const preview = admin.page.locator('#f-body_en-preview');
        await preview.locator('strong', { hasText: 'Bold' }).waitFor();
        expect(await preview.innerHTML()).toContain('&lt;em&gt;typed&lt;/em&gt;');
      });
    });
  });
}

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const violations = await runAxe(page);
  const report = violations
    .flatMap((v) => [`${v.id}: ${v.help}`, ...v.nodes.slice(0, 3).map((n) => `    ${n.target}  ${n.html}`)])
    .join('\n');
  expect(violations, `axe on ${label}:\n${report}`).toEqual([]);
}
