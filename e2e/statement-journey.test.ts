/**
 * A reader's journey through the demo statement in a real browser (Debian's Chromium), on each
 * database engine: English home → statement → Spanish → a recommendation and back; WCAG checks with
 * axe-core on every kind of page in both languages; the same path without JavaScript; a phone screen.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCoalition } from '../demo/coalition.js';
import { demoRelease } from '../demo/release-2021-06-03.js';
import { messages } from '../src/platform/i18n/format.js';
import { LOCALES, type Locale } from '../src/platform/i18n/locales.js';
import { testEngines } from '../test/support/db.js';
import { launchChromium, startTestServer, type TestServer } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';

const statement = must(demoCoalition.statements.find((s) => s.slug === 'guatemala-vp-visit-2021'));
const themes = demoCoalition.themes;
const recommendation = must(statement.recommendations[0]);
// Has an acronym, aliases, a country and a website: the organization page with the most on it.
const organization = must(demoCoalition.organizations.find((o) => o.slug === 'flacso-guatemala'));

const statementPath = (locale: Locale) => `/${locale}/statements/${statement.slug}`;
const recommendationPath = (locale: Locale) => `${statementPath(locale)}/recommendations/${recommendation.slug}`;

/** Short, so a missing element fails in seconds with Playwright's own message rather than a test timeout. */
const LOCATOR_TIMEOUT_MS = 5_000;

const axePages: { name: string; path: (locale: Locale) => string; status: number }[] = [
  { name: 'home page', path: (l) => `/${l}/`, status: 200 },
  { name: 'statement page', path: statementPath, status: 200 },
  { name: 'recommendation page', path: recommendationPath, status: 200 },
  { name: 'organization directory', path: (l) => `/${l}/organizations`, status: 200 },
  { name: 'organization page', path: (l) => `/${l}/organizations/${organization.slug}`, status: 200 },
  { name: 'newsroom', path: (l) => `/${l}/releases`, status: 200 },
  { name: 'release page', path: (l) => `/${l}/releases/${demoRelease.slug}`, status: 200 },
  { name: '404 page', path: (l) => `/${l}/no-such-page`, status: 404 },
  // Search (features/search): results with highlighted words and filters, and the no-result state.
  { name: 'search results', path: (l) => `/${l}/search?q=titulo+42`, status: 200 },
  { name: 'search without results', path: (l) => `/${l}/search?q=zzyzxquux&kind=release`, status: 200 },
];

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

for (const engine of testEngines) {
  describe(`[${engine}] statement journey in a browser`, () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer(engine);
    });

    afterAll(async () => {
      await server?.close();
    });

    /** A fresh context (cookies, settings) per check, always closed. */
    async function withPage(options: BrowserContextOptions, use: (page: Page) => Promise<void>): Promise<void> {
      const context: BrowserContext = await browser.newContext({ baseURL: server.baseUrl, ...options });
      context.setDefaultTimeout(LOCATOR_TIMEOUT_MS);
      try {
        await use(await context.newPage());
      } finally {
        await context.close();
      }
    }

    it('home → statement → Español → a recommendation and back', async () => {
      expect(statement.recommendations).toHaveLength(7);
      await withPage({ locale: 'en-US' }, async (page) => {
        await page.goto('/');
        expect(pathOf(page)).toBe('/en/');
        expect(await htmlLang(page)).toBe('en');

        await page.getByRole('link', { name: statement.title.en, exact: true }).click();
        await page.waitForURL(`**${statementPath('en')}`);
        const en = page.getByRole('region', { name: messages('en').statementRecommendations, exact: true });
        // Each recommendation once, numbered from 1; the themes are the filter's links.
        expect(await en.locator('h3').allInnerTexts()).toEqual(
          statement.recommendations.map((_, i) => messages('en').recommendationTitle(i + 1)),
        );
        expect(sorted(await en.locator('.theme-filter a').allInnerTexts())).toEqual(
          sorted(themes.map((t) => t.label.en)),
        );
        expect(await recommendationHrefs(en)).toHaveLength(statement.recommendations.length);
        expect(await recommendationTexts(en)).toEqual(sorted(statement.recommendations.map((r) => r.text.en)));

        await page.getByRole('link', { name: messages('es').switchToThisLanguage, exact: true }).click();
        await page.waitForURL(`**${statementPath('es')}`);
        expect(pathOf(page)).toBe(`/es/statements/${statement.slug}`);
        expect(await htmlLang(page)).toBe('es');
        const es = page.getByRole('region', { name: messages('es').statementRecommendations, exact: true });
        for (const theme of themes) {
          await es.getByRole('navigation').getByRole('link', { name: theme.label.es, exact: true }).waitFor();
        }
        expect(await es.locator('h3').count()).toBe(statement.recommendations.length);
        expect(await recommendationHrefs(es)).toHaveLength(statement.recommendations.length);
        expect(await recommendationTexts(es)).toEqual(sorted(statement.recommendations.map((r) => r.text.es)));
        const item = es.getByRole('listitem').filter({ hasText: recommendation.text.es }).first();
        await item.waitFor();

        await item.getByRole('link', { name: messages('es').recommendationTitle(1), exact: true }).click();
        await page.waitForURL(`**${recommendationPath('es')}`);
        expect(await htmlLang(page)).toBe('es');
        await page.getByRole('main').getByText(recommendation.text.es, { exact: true }).waitFor();
        expect(await page.getByRole('link', { name: messages('es').backToStatement }).getAttribute('href')).toBe(
          statementPath('es'),
        );

        await page.goBack();
        expect(pathOf(page)).toBe(statementPath('es'));
        await page.getByRole('heading', { level: 1, name: statement.title.es, exact: true }).waitFor();
      });
    });

    describe('axe-core finds no WCAG 2.2 A/AA violations, and no page scrolls sideways at 360 px or 1280 px', () => {
      // One page for all of them: every address carries its language, and a new page costs time.
      let context: BrowserContext | undefined;
      let page: Page;

      beforeAll(async () => {
        context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US' });
        context.setDefaultTimeout(LOCATOR_TIMEOUT_MS);
        page = await context.newPage();
      });

      afterAll(async () => {
        await context?.close();
      });

      for (const locale of LOCALES) {
        for (const target of axePages) {
          const path = target.path(locale);
          it(`${target.name} ${path}`, async () => {
            const response = await page.goto(path);
            expect(response?.status()).toBe(target.status);
            expect(await htmlLang(page)).toBe(locale);
            await expectDesignedAtEachWidth(page, path);
          });
        }
      }
    });

    it('prints cleanly: statement, release and follow-up without navigation, with link addresses, tables whole', async () => {
      await withPage({ locale: 'en-US' }, async (page) => {
        await page.emulateMedia({ media: 'print' });
        for (const path of [statementPath('en'), `/en/releases/${demoRelease.slug}`, '/en/follow-up/scorecard']) {
          await page.goto(path);
          const printed = await page.evaluate(`(() => {
            const shown = (selector) => [...document.querySelectorAll(selector)].some((el) => getComputedStyle(el).display !== 'none');
            const external = document.querySelector('main a[href^="http"]');
            return {
              nav: shown('.site-header nav'),
              footer: shown('.site-footer'),
              forms: shown('form'),
              linkAddress: external ? getComputedStyle(external, '::after').content : null,
              externalHref: external ? external.getAttribute('href') : null,
              clippedTables: [...document.querySelectorAll('.table-scroll, .table-wrap')].filter((el) => getComputedStyle(el).overflowX !== 'visible').length,
            };
          })()`);
          const { nav, footer, forms, linkAddress, externalHref, clippedTables } = printed as {
            nav: boolean;
            footer: boolean;
            forms: boolean;
            linkAddress: string | null;
            externalHref: string | null;
            clippedTables: number;
          };
          expect({ nav, footer, forms, clippedTables }, path).toEqual({
            nav: false,
            footer: false,
            forms: false,
            clippedTables: 0,
          });
          // The release names each organization's website: on paper its address follows the link.
          if (path.includes('/releases/')) expect(externalHref, path).toMatch(/^https?:/);
          if (externalHref) expect(linkAddress, path).toMatch(/^" \(" attr\(href\) "\)"$|^" \(https?:/);
        }
      });
    });

    it('works without JavaScript: home → statement → Español', async () => {
      await withPage({ locale: 'en-US', javaScriptEnabled: false }, async (page) => {
        await page.goto('/');
        expect(pathOf(page)).toBe('/en/');
        await page.getByRole('link', { name: statement.title.en, exact: true }).click();
        await page.waitForURL(`**${statementPath('en')}`);
        await page.getByRole('link', { name: messages('es').switchToThisLanguage, exact: true }).click();
        await page.waitForURL(`**${statementPath('es')}`);
        expect(await htmlLang(page)).toBe('es');
        await page.getByRole('heading', { level: 1, name: statement.title.es, exact: true }).waitFor();
      });
    });

    it('the statement page fits a 390×844 phone screen without horizontal scrolling', async () => {
      const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
      await withPage(phone, async (page) => {
        for (const locale of LOCALES) {
          await page.goto(statementPath(locale));
          const size = await page.evaluate<{ scrollWidth: number; clientWidth: number; overflowing: string[] }>(
            `(() => {
              const root = document.documentElement;
              const overflowing = [...document.querySelectorAll('body *')]
                .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
                .slice(0, 5)
                .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''));
              return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, overflowing };
            })()`,
          );
          expect(size.clientWidth, 'the phone viewport is 390 CSS pixels wide').toBe(390);
          expect(
            size.scrollWidth,
            `${statementPath(locale)} scrolls sideways on a phone; wider than the screen: ${size.overflowing.join(', ')}`,
          ).toBeLessThanOrEqual(size.clientWidth);
        }
      });
    });
  });
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the demo coalition (demo/coalition.ts) changed: update this test');
  return value;
}

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

/** Distinct recommendation links in the section. */
async function recommendationHrefs(section: Locator): Promise<string[]> {
  const hrefs = new Set<string>();
  for (const link of await section.locator('li.recommendation a.rec-number').all()) {
    const href = await link.getAttribute('href');
    if (href) hrefs.add(href);
  }
  return [...hrefs];
}

/** Distinct recommendation texts in the section, sorted. */
async function recommendationTexts(section: Locator): Promise<string[]> {
  const texts = await section.locator('li.recommendation p.rec-text').allInnerTexts();
  return sorted([...new Set(texts.map((t) => t.trim()))]);
}
