/**
 * An editor records a government's response and two status updates with evidence in a real browser
 * (Debian's Chromium), edits one and attaches a PDF copy to evidence; the public timeline (with the
 * copy's link) and the dashboard change accordingly, with JavaScript off
 * for the reader. axe-core checks the follow-up pages (timeline, dashboards, forms) in both languages.
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
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { createTestDb, testEngines } from '../test/support/db.js';
import { tinyPdf, tinyPng } from '../test/support/files.js';
import { createUserWithPassword, PASSWORD } from '../test/support/visitors.js';
import { runAxe } from './axe.js';
import { launchChromium } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';

const TIMELINE = (l: string) => `/${l}/statements/guatemala-vp-visit-2021/recommendations/family-unity/follow-up`;
const en = messages('en');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

for (const engine of testEngines) {
  describe(`[${engine}] follow-up journey in a browser`, () => {
    let handle: DbHandle;
    let app: FastifyTypeBox;
    let baseUrl: string;
    let recId: number;

    beforeAll(async () => {
      handle = await createTestDb(engine);
      await loadDemo(handle.db);
      await createUserWithPassword(handle.db, { email: 'editor@example.org', role: 'editor' });
      const [rec] = await handle.db.select().from(t.recommendations).where(eq(t.recommendations.slug, 'family-unity'));
      recId = rec!.id;
      app = await buildApp({ db: handle.db });
      await app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await app?.close();
      await handle?.close();
    });

    async function withPage(javaScriptEnabled: boolean, use: (page: Page) => Promise<void>) {
      const context: BrowserContext = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled });
      context.setDefaultTimeout(5_000);
      try {
        await use(await context.newPage());
      } finally {
        await context.close();
      }
    }

    /** The dashboard's "Implemented" count, read from its table as a reader sees it. */
    async function implementedCount(page: Page): Promise<number> {
      await page.goto('/en/follow-up?statement=guatemala-vp-visit-2021');
      return Number(await page.locator('td[data-key="all|implemented"]').textContent());
    }

    it('an editor records a response and two status updates with evidence; the public pages follow', async () => {
      let before = 0;
      await withPage(false, async (reader) => {
        before = await implementedCount(reader);
        await reader.goto(TIMELINE('en'));
        expect(await reader.locator('[data-current-status]').getAttribute('data-current-status')).toBe('none');
      });

      await withPage(true, async (page) => {
        await page.goto('/en/sign-in');
        await page.locator('input[name=email]').fill('editor@example.org');
        await page.locator('input[name=password]').fill(PASSWORD);
        await page.locator('main form button[type=submit]').first().click();
        await page.waitForURL('**/en/account');

        const base = `/en/workspace/followup/recommendations/${recId}`;
        await page.goto(`${base}/response`);
        await page.getByLabel(en.followupFieldAddressee).selectOption({ label: 'Vice President of the United States' });
        await page.getByLabel(en.followupFieldPosition).selectOption('accepted');
        await page.getByLabel(en.followupFieldDate, { exact: true }).fill('2021-07-01');
        await page.getByLabel(en.followupFieldSummaryEn).fill('The office accepted the recommendation in writing.');
        await page.getByLabel(en.followupFieldSummaryEs).fill('La oficina aceptó la recomendación por escrito.');
        await page.getByLabel(en.followupFieldPublish).check();
        await page.getByRole('button', { name: en.followupSave }).click();
        await page.waitForURL(`**${base}?saved=1`);

        const updates = [
          {
            status: 'in_progress',
            date: '2021-08-01',
            summary: 'Reunification task force set up.',
            url: 'https://example.org/task-force',
          },
          {
            status: 'implemented',
            date: '2022-02-01',
            summary: 'Families reunited, per the final report.',
            url: 'https://example.org/final-report',
          },
        ];
        for (const u of updates) {
          await page.goto(`${base}/status`);
          await page.getByLabel(en.followupFieldStatus).selectOption(u.status);
          await page.getByLabel(en.followupFieldDate, { exact: true }).fill(u.date);
          await page.getByLabel(en.followupFieldSummaryEn).fill(u.summary);
          const evidence = page.getByRole('group', { name: en.followupEvidenceLegend(1) });
          await evidence.getByLabel(en.followupFieldEvidenceUrl).fill(u.url);
          await evidence.getByLabel(en.followupFieldEvidenceTitle).fill(`Evidence for ${u.status}`);
          await evidence.getByLabel(en.followupFieldEvidencePublisher).fill('Example publisher');
          await page.getByLabel(en.followupFieldPublish).check();
          await page.getByRole('button', { name: en.followupSave }).click();
          await page.waitForURL(`**${base}?saved=1`);
        }

        // The first update was really on 15 August: edit it through its pre-filled form.
        const [first] = await handle.db
          .select()
          .from(t.followupStatusUpdates)
          .where(eq(t.followupStatusUpdates.recommendationId, recId))
          .orderBy(t.followupStatusUpdates.id);
        await page.goto(base);
        await page.locator(`[data-edit="status_update-${first!.id}"]`).click();
        await page.waitForURL(`**${base}/status/${first!.id}/edit`);
        expect(await page.getByLabel(en.followupFieldSummaryEn).inputValue()).toBe('Reunification task force set up.');
        await page.getByLabel(en.followupFieldDate, { exact: true }).fill('2021-08-15');
        await page.getByLabel(en.followupFieldSummaryEn).fill('Reunification task force set up in mid-August.');
        await page.getByRole('button', { name: en.followupSave }).click();
        await page.waitForURL(`**${base}?saved=1`);

        // Attach the final report as a PDF copy of its evidence link.
        const label = en.followupCopyOfEvidence('Evidence for implemented');
        await page
          .getByLabel(label, { exact: true })
          .setInputFiles({ name: 'final-report.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Final report') });
        await page.getByRole('button', { name: `${en.followupCopyAttach}: ${label}` }).click();
        await page.waitForURL(`**${base}?saved=1`);
        await page.getByRole('button', { name: `${en.followupCopyReplace}: ${label}` }).waitFor();
      });

      await withPage(false, async (reader) => {
        await reader.goto(TIMELINE('en'));
        expect(await reader.locator('[data-current-status]').getAttribute('data-current-status')).toBe('implemented');
        const kinds = await reader
          .locator('li.timeline-entry')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? 'release'));
        expect(kinds).toEqual(['release', 'response', 'status_update', 'status_update']);
        expect(
          await reader.locator('.evidence cite a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
        ).toEqual(['https://example.org/task-force', 'https://example.org/final-report']);
        expect(await reader.locator('.badge-unverified').count()).toBe(0);
        await reader.getByText('Reunification task force set up in mid-August.').waitFor();
        expect(await reader.locator('time').nth(2).getAttribute('datetime')).toBe('2021-08-15');
        const copy = reader.locator('.evidence .followup-copy a');
        expect(await copy.count()).toBe(1);
        expect(await copy.textContent()).toMatch(/^copy \(PDF, [\d.]+ (B|KB)\)$/);
        const file = await reader.request.get((await copy.getAttribute('href'))!);
        expect(file.status()).toBe(200);
        expect(file.headers()['content-type']).toBe('application/pdf');
        await reader.goto(TIMELINE('es'));
        await reader.getByText('La oficina aceptó la recomendación por escrito.').waitFor();
        expect(await implementedCount(reader)).toBe(before + 1);
      });
    });

    describe('axe-core finds no WCAG 2.2 A/AA violations on follow-up pages, at 360 px and 1280 px', () => {
      const paths = (l: string) => [
        TIMELINE(l),
        `/${l}/follow-up`,
        `/${l}/follow-up/themes?country=US`,
        `/${l}/follow-up/addressees`,
        `/${l}/follow-up/over-time`,
        `/${l}/follow-up/scorecard`,
        `/${l}/follow-up/recommendations?status=none`,
      ];
      for (const locale of LOCALES) {
        it(`public follow-up pages in ${locale}`, async () => {
          await withPage(true, async (page) => {
            for (const path of paths(locale)) {
              const response = await page.goto(path);
              expect(response?.status(), path).toBe(200);
              await expectDesignedAtEachWidth(page, path);
            }
          });
        });
      }

      it('editor forms, with validation messages showing', async () => {
        await withPage(true, async (page) => {
          await page.goto('/es/sign-in');
          await page.locator('input[name=email]').fill('editor@example.org');
          await page.locator('input[name=password]').fill(PASSWORD);
          await page.locator('main form button[type=submit]').first().click();
          await page.waitForURL('**/es/account');
          const base = `/es/workspace/followup/recommendations/${recId}`;
          for (const path of [
            '/es/workspace/followup',
            base,
            `${base}/response`,
            `${base}/meeting`,
            `${base}/commitment`,
          ]) {
            await page.goto(path);
            expect(await runAxe(page), path).toEqual([]);
          }
          await page.goto(`${base}/status`);
          await page.getByRole('button', { name: messages('es').followupSave }).click();
          await page.locator('#summary_en-error').waitFor();
          expect(await runAxe(page), 'status form with problems').toEqual([]);

          // Editing: every kind's pre-filled form, and the timeline with a refused copy explained.
          await page.goto(base);
          for (const link of await page
            .locator('[data-edit]')
            .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
            await page.goto(link);
            expect(await runAxe(page), link).toEqual([]);
          }
          await page.goto(base);
          const copyField = page.locator('.copy-forms input[type=file]').first();
          await copyField.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: tinyPng() });
          await page.locator('.copy-forms form[enctype] button').first().click();
          await page.locator('.copy-forms .field-error').waitFor();
          expect(await runAxe(page), 'workspace with a refused copy').toEqual([]);
        });
      });
    });
  });
}
