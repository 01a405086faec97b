/**
 * Issue 19's acceptance journey, in Chromium on each engine: an editor opens a published statement to
 * public sign-on; three organizations sign through the public page with JavaScript off, one of them twice
 * under a slightly different name, and each confirms through the link its email carries (read from the
 * outbox, as the mail would hold it). axe runs inside the page, so the last signer's browser has JavaScript on
 * and each public page is checked then; the editor merges the duplicate, approves two and rejects one; the
 * statement's public list and its press release's signatories then show those two. axe and both widths on
 * every kind of page of the way.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import { loadDemo } from '../src/features/demo/index.js';
import type { DbHandle } from '../src/platform/db/client.js';
import * as t from '../src/platform/db/schema/index.js';
import { localized } from '../src/platform/text/localized-text.js';
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { createTestDb, testEngines } from '../test/support/db.js';
import { queuedMail } from '../test/support/outbox.js';
import { createUserWithPassword, PASSWORD } from '../test/support/visitors.js';
import { launchChromium, submitAndWait } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';

const SLUG = 'open-letter-2026';
const TITLE = 'Open letter on deportation flights';
const RELEASE = 'open-letter-2026-release';
const LOCATOR_TIMEOUT_MS = 8_000;

/** Who signs: the first twice (another colleague, the name typed a little differently). */
const SIGNERS = [
  { name: 'Red Jesuita con Migrantes', email: 'coordinacion@rjm.example', locale: 'en' },
  { name: 'Red Jesuita Con Migrantes (RJM)', email: 'prensa@rjm.example', locale: 'es' },
  { name: 'Pop No’j Association', email: 'info@popnoj.example', locale: 'en' },
  { name: 'Grupo Inventado de Prueba', email: 'hola@inventado.example', locale: 'es' },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

for (const engine of testEngines) {
  describe(`[${engine}] open sign-on: organizations sign without an account, the editor moderates`, () => {
    let handle: DbHandle;
    let app: FastifyTypeBox;
    let baseUrl = '';
    const contexts: BrowserContext[] = [];

    async function newPage(javaScript: boolean): Promise<Page> {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US', javaScriptEnabled: javaScript });
      context.setDefaultTimeout(LOCATOR_TIMEOUT_MS);
      contexts.push(context);
      return context.newPage();
    }

    beforeAll(async () => {
      handle = await createTestDb(engine);
      await loadDemo(handle.db);
      await createUserWithPassword(handle.db, { email: 'editor@example.org', role: 'editor' });
      const [statement] = await handle.db
        .insert(t.statements)
        .values({
          slug: SLUG,
          title: localized('en', TITLE, { es: 'Carta abierta sobre los vuelos de deportación' }),
          summary: localized('en', 'Coalitions ask for the passenger counts of every flight.'),
          date: '2026-11-01',
          status: 'published',
        })
        .returning();
      await handle.db.insert(t.recommendations).values({
        statementId: statement!.id,
        slug: 'counts',
        position: 1,
        text: localized('en', 'Publish every flight’s passenger count within a week'),
      });
      await handle.db.insert(t.releases).values({
        slug: RELEASE,
        statementId: statement!.id,
        status: 'published',
        releaseDate: '2026-11-01',
        headline: localized('en', 'Coalitions sign an open letter on deportation flights'),
      });
      app = await buildApp({ db: handle.db, baseUrl: 'https://puente.example', sendsMail: true });
      await app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    }, 120_000);

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await app?.close();
      await handle?.close();
    });

    let editor: Page;

    it('the editor opens the statement to public sign-on', async () => {
      editor = await newPage(true);
      await editor.goto('/en/sign-in');
      await editor.getByLabel('Email').fill('editor@example.org');
      await editor.getByLabel('Password').fill(PASSWORD);
      await submitAndWait(editor, editor.getByRole('button', { name: 'Sign in' }));
      await editor.goto('/en/workspace');
      await submitAndWait(
        editor,
        editor.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Open sign-on' }),
      );
      await expectDesignedAtEachWidth(editor, 'the open sign-on list');
      await submitAndWait(editor, editor.getByRole('link', { name: TITLE }));
      await editor.getByLabel('Open for signatures').check();
      await editor.getByLabel('Country', { exact: true }).check();
      await editor.getByLabel('Website', { exact: true }).check();
      await submitAndWait(editor, editor.getByRole('button', { name: 'Save settings' }));
      expect(await editor.locator('[role=status]').first().textContent()).toContain('Saved');
    });

    // Four signatures with their links, and axe at two widths on four pages: more than the default 30 s on 2 busy cores.
    it('three organizations sign without JavaScript, one twice, and confirm through their links', {
      timeout: 120_000,
    }, async () => {
      for (const [n, signer] of SIGNERS.entries()) {
        // axe runs in the page, so the last signer has JavaScript on and every page of the way is checked then.
        const checked = n === SIGNERS.length - 1;
        const page = await newPage(checked);
        await page.goto(`/${signer.locale}/statements/${SLUG}`);
        const signLink = signer.locale === 'en' ? 'Sign this statement' : 'Firma esta declaración';
        await submitAndWait(page, page.getByRole('link', { name: signLink }));
        expect(await page.locator('section.signon-recommendations').textContent()).toContain('passenger count');
        if (checked) await expectDesignedAtEachWidth(page, 'the public sign-on page');
        const en = signer.locale === 'en';
        await page.getByLabel(en ? 'Name of the organization' : 'Nombre de la organización').fill(signer.name);
        await page.getByLabel(en ? 'Country' : 'País').selectOption('GT');
        await page.getByLabel(en ? 'Contact email' : 'Correo de contacto').fill(signer.email);
        await submitAndWait(page, page.getByRole('button', { name: en ? 'Sign and send me' : 'Firmar y enviarme' }));
        expect(await page.locator('h1').textContent()).toBe(en ? 'Check your email' : 'Revisa tu correo');
        if (checked) await expectDesignedAtEachWidth(page, 'the check-your-email page');

        const [mail] = await queuedMail(handle.db, signer.email);
        const link = /https:\/\/puente\.example(\/\S+\/open-sign-on\/verify\/\S+)/.exec(mail!.text)![1]!;
        await page.goto(link);
        if (checked) await expectDesignedAtEachWidth(page, 'the confirmation page');
        await submitAndWait(
          page,
          page.getByRole('button', { name: en ? 'Confirm my signature' : 'Confirmar mi firma' }),
        );
        expect(await page.locator('h1').textContent()).toBe(en ? 'Thank you for signing' : 'Gracias por firmar');
        if (checked) await expectDesignedAtEachWidth(page, 'the thank-you page');
      }
    });

    it('the editor merges the duplicate, approves two and rejects one', { timeout: 60_000 }, async () => {
      await editor.reload();
      await expectDesignedAtEachWidth(editor, 'the moderation queue');
      const entry = (name: string) =>
        editor.locator('.open-signon-entry').filter({ has: editor.getByRole('heading', { name, exact: true }) });
      expect(await editor.locator('.open-signon-entry').count()).toBe(4);
      const duplicate = entry(SIGNERS[1].name);
      expect(await duplicate.locator('.open-signon-duplicates').textContent()).toContain(SIGNERS[0].name);
      await duplicate.getByLabel('Merge into').selectOption({ label: SIGNERS[0].name });
      await submitAndWait(editor, duplicate.getByRole('button', { name: `Merge: ${SIGNERS[1].name}` }));
      for (const name of [SIGNERS[0].name, SIGNERS[2].name]) {
        // The registry's organization is proposed (RJM by its name, Pop No'j by its name with a curly apostrophe).
        expect(await entry(name).locator('.open-signon-registry').textContent()).toContain('In the registry');
        await submitAndWait(editor, entry(name).getByRole('button', { name: `Approve: ${name}` }));
      }
      await submitAndWait(editor, entry(SIGNERS[3].name).getByRole('button', { name: `Reject: ${SIGNERS[3].name}` }));
      expect(await editor.locator('.open-signon-entry').count()).toBe(0);
      expect(await editor.locator('[data-status=approved]').textContent()).toContain(': 2');
    });

    it('the public list and the release’s signatories show the two', { timeout: 60_000 }, async () => {
      const reader = await newPage(true);
      await reader.goto(`/en/statements/${SLUG}`);
      expect(await reader.locator('.open-signatories-count').textContent()).toBe('2 signatories so far.');
      const names = await reader.locator('.open-signatories-names li').allTextContents();
      expect(names.map((n) => n.split(' · ')[0])).toEqual([SIGNERS[0].name, SIGNERS[2].name]);
      expect(await reader.locator('.open-signatories-countries').textContent()).toContain('Guatemala: 2');
      const listed = await reader.locator('ol.signatories li').allTextContents();
      // The registry's organizations, under the names the registry gives them in English.
      expect(listed.map((n) => n.trim())).toEqual(['Jesuit Network with Migrants (RJM)', "Pop No'j Association"]);
      await expectDesignedAtEachWidth(reader, 'the statement with its open signatories');
      await reader.goto(`/en/releases/${RELEASE}`);
      const about = await reader.locator('section.boilerplates strong').allTextContents();
      expect(about).toHaveLength(2);
      expect(about[0]).toMatch(/^(Jesuit Network with Migrants|Red Jesuita Con Migrantes)/);
      expect(about[1]).toMatch(/^Pop No'j Association/);
    });
  });
}
