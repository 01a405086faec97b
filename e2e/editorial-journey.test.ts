/**
 * Issue 6 in a real browser (Debian's Chromium), on each database engine, from an EMPTY instance:
 * journey 1 — the first admin from the CLI signs in, builds the registry, writes a statement with
 * four recommendations in both languages, composes a release under an embargo two minutes ahead
 * (the app's clock is injected), previews it, publishes it; the public page is 404 until the embargo
 * and then shows the release in both languages with PDF and Word downloads;
 * journey 3 — two editors save the same recommendation: the second gets the conflict screen with the
 * first one's change, and keeps what they typed.
 * axe-core (WCAG 2.2 A/AA) runs on every editorial page on the way, and each is checked at 360 px.
 * SCREENSHOTS=1 writes the guide's screenshots to docs/screenshots/ (editorial-*.png).
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantToLocal } from '../src/platform/text/time-zones.js';
import { testEngines } from '../test/support/db.js';
import { repoRoot } from '../test/support/processes.js';
import { createUserWithPassword } from '../test/support/visitors.js';
import { launchChromium } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';
import { type EmptyInstance, startEmptyInstance } from './workspace-support.js';

const ADMIN = 'coordinator@coalition.example';
const PASSWORD = 'a long coordinator passphrase';
const SECOND_EDITOR = 'second.editor@coalition.example';
const ZONE = 'America/Guatemala';
const LOCATOR_TIMEOUT_MS = 8_000;
const SCREENSHOTS = process.env.SCREENSHOTS === '1';

const organizations = [
  {
    name: 'Red Norte',
    en: 'Red Norte accompanies migrants in northern Guatemala.',
    es: 'Red Norte acompaña a personas migrantes en el norte de Guatemala.',
  },
  {
    name: 'Justice Lab',
    en: 'Justice Lab litigates for human rights.',
    es: 'Justice Lab litiga por los derechos humanos.',
  },
  { name: 'Casa Sur', en: 'Casa Sur runs a shelter in Tapachula.', es: 'Casa Sur gestiona un albergue en Tapachula.' },
];
const recommendations = [
  { en: 'Stop deportations to unsafe places', es: 'Detener las deportaciones a lugares inseguros' },
  { en: 'Fund shelters run by civil society', es: 'Financiar los albergues de la sociedad civil' },
  { en: 'Open legal pathways for families', es: 'Abrir vías legales para las familias' },
  { en: 'Protect human rights defenders', es: 'Proteger a las personas defensoras' },
];
const headline = {
  en: 'Coalition asks the Vice President to protect migrants',
  es: 'La coalición pide a la vicepresidenta proteger a las personas migrantes',
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

for (const engine of testEngines) {
  describe(`[${engine}] editorial journeys in a browser`, () => {
    let instance: EmptyInstance;
    let context: BrowserContext;
    let page: Page;
    const checked: string[] = [];

    beforeAll(async () => {
      instance = await startEmptyInstance(engine, ADMIN);
      context = await browser.newContext({ baseURL: instance.baseUrl, locale: 'en-US' });
      context.setDefaultTimeout(LOCATOR_TIMEOUT_MS);
      page = await context.newPage();
    }, 120_000);

    afterAll(async () => {
      await context?.close();
      await instance?.close();
    });

    /** axe-core and no sideways scroll at 1280 px and 360 px on the page as it is now; then its own width again. */
    async function checkPage(name: string, target = page): Promise<void> {
      const size = target.viewportSize();
      await expectDesignedAtEachWidth(target, `${name} (${target.url()})`);
      if (size) await target.setViewportSize(size);
      checked.push(name);
    }

    /** The release editor's preview sticks beside the forms, so it is shot as a tall screen, not a full page. */
    async function shot(file: string, target = page, screen?: { width: number; height: number }): Promise<void> {
      if (!SCREENSHOTS) return;
      const size = target.viewportSize();
      if (screen) {
        await target.setViewportSize(screen);
        await target.evaluate('window.scrollTo(0, 0)');
      }
      await target.screenshot({ path: join(repoRoot, 'docs', 'screenshots', file), fullPage: !screen });
      if (screen && size) await target.setViewportSize(size);
    }

    const section = (id: string) => page.locator(`section[aria-labelledby="${id}"]`);

    /** Clicks a submit button and waits for the page the form leads to (often the same address). */
    async function submit(button: ReturnType<Page['locator']>, target = page): Promise<void> {
      await Promise.all([
        target.waitForEvent('framenavigated', { predicate: (f) => f === target.mainFrame() }),
        button.click(),
      ]);
      await target.waitForLoadState('load');
    }

    it('journey 1: from the CLI’s first admin to a release published under embargo', { timeout: 300_000 }, async () => {
      // The link printed by `puente users create-admin`, then sign in.
      await page.goto(instance.adminLinkPath);
      await page
        .getByLabel(/password/i)
        .first()
        .fill(PASSWORD);
      await page.getByRole('button').last().click();
      // The sign-in page says the password is saved (?password=set).
      await page.waitForURL((url) => url.pathname === '/en/sign-in');
      expect(await page.getByRole('status').textContent()).toContain('Your password is saved');
      await page.getByLabel('Email').fill(ADMIN);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState();
      await page.goto('/en/workspace');

      // The registry, through its workspace pages (branch `workspace`).
      for (const o of organizations) {
        await page.goto('/en/workspace/organizations/new');
        await page.locator('#f-name').fill(o.name);
        await page.locator('#f-boilerplate_en').fill(o.en);
        await page.locator('#f-boilerplate_es').fill(o.es);
        await page.getByRole('button', { name: 'Create' }).click();
        await page.waitForURL((url) => !url.pathname.endsWith('/new'));
      }
      for (const [name, organization, phone] of [
        ['Ana López', 'Red Norte', '+502 2222 3333'],
        ['Ben Ortiz', 'Justice Lab', '+1 202 555 0142'],
      ] as const) {
        await page.goto('/en/workspace/people/new');
        await page.locator('#f-name').fill(name);
        await page.locator('#f-organization').selectOption({ label: organization });
        await page.locator('#f-email').fill(`${name.split(' ')[0]!.toLowerCase()}@coalition.example`);
        await page.locator('#f-phone').fill(phone);
        await page.getByRole('button', { name: 'Create' }).click();
        await page.waitForURL((url) => !url.pathname.endsWith('/new'));
      }
      for (const [en, es] of [
        ['Asylum', 'Asilo'],
        ['Root causes', 'Causas estructurales'],
      ]) {
        await page.goto('/en/workspace/themes/new');
        await page.locator('#f-label_en').fill(en!);
        await page.locator('#f-label_es').fill(es!);
        await page.getByRole('button', { name: 'Create' }).click();
        await page.waitForURL((url) => !url.pathname.endsWith('/new'));
      }
      await page.goto('/en/workspace/addressees/new');
      await page.locator('#f-name_en').fill('Vice President of the United States');
      await page.locator('#f-name_es').fill('Vicepresidenta de Estados Unidos');
      await page.locator('#f-kind').selectOption('person');
      await page.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/new'));

      // A statement, found through the workspace navigation.
      await page.goto('/en/workspace');
      await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Statements' }).click();
      await page.waitForURL('**/en/workspace/statements');
      await checkPage('statement list');
      await page.getByRole('link', { name: 'New statement' }).click();
      await checkPage('new statement form');
      // Saving with no title: the message sits next to the field and the typed text stays.
      await page.locator('#f-summary_en').fill('Four asks for the visit.');
      await page.getByRole('button', { name: 'Create' }).click();
      await expect.poll(() => page.locator('#f-title .field-error').textContent()).toContain('at least one language');
      expect(await page.locator('#f-summary_en').inputValue()).toBe('Four asks for the visit.');
      await checkPage('new statement form with errors');
      await page.locator('#f-title_en').fill('Protect people on the move');
      await page.locator('#f-title_es').fill('Proteger a las personas en movimiento');
      await page.locator('#f-summary_es').fill('Cuatro pedidos para la visita.');
      await page.locator('#f-body_en').fill('The coalition **asks** the Vice President:');
      await expect.poll(() => page.locator('#f-body_en-preview strong').count()).toBe(1);
      await page.locator('#f-body_es').fill('La coalición **pide** a la vicepresidenta:');
      await page.locator('#f-date').fill(instantToLocal(instance.now(), ZONE).slice(0, 10));
      await page.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL('**/en/workspace/statements/protect-people-on-the-move?saved=1');
      const statementUrl = new URL(page.url()).pathname;

      for (const [i, r] of recommendations.entries()) {
        await page.getByRole('link', { name: 'Add a recommendation' }).click();
        await page.locator('#f-text_en').fill(r.en);
        await page.locator('#f-text_es').fill(r.es);
        await page.getByLabel(i % 2 === 0 ? 'Asylum' : 'Root causes', { exact: true }).check();
        await page.getByLabel('Vice President of the United States').check();
        if (i === 0) await checkPage('new recommendation form');
        await submit(page.getByRole('button', { name: 'Create' }));
      }
      expect(new URL(page.url()).pathname).toBe(statementUrl);
      expect(await section('recommendations-title').locator('ol > li').count()).toBe(4);
      await submit(section('recommendations-title').getByRole('button', { name: /^Move up\W+Recommendation 4$/ }));
      expect(await section('recommendations-title').locator('ol > li').nth(2).textContent()).toContain(
        recommendations[3]!.en,
      );

      for (const [i, o] of organizations.entries()) {
        await page.getByLabel(`Include ${o.name}`).check();
        await page.getByLabel(`Position of ${o.name}`).fill(String(i + 1));
      }
      await page.getByLabel('Role of Red Norte').selectOption('convener');
      await submit(section('signatories-title').getByRole('button', { name: 'Save the list' }));
      await shot('editorial-statement-en.png');
      await checkPage('statement page');

      // The statement goes public with the release: the same embargo, typed in Guatemala's time.
      const embargo = new Date(Math.ceil((instance.now().getTime() + 2 * 60_000) / 60_000) * 60_000);
      const embargoLocal = instantToLocal(embargo, ZONE);
      const publication = page.locator('section.publication');
      await publication.getByLabel('Embargo until (date and time)').fill(embargoLocal);
      await publication.getByLabel('Time zone').fill(ZONE);
      await publication.getByLabel('Time zone').press('Tab');
      await submit(publication.getByRole('button', { name: 'Publish' }));
      expect(await page.locator('section.publication').textContent()).toContain('scheduled (embargo)');

      // The release.
      await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Press releases' }).click();
      await checkPage('release list');
      await page.getByRole('link', { name: 'New press release' }).click();
      await page.getByLabel('Statement it presents').selectOption({ label: 'Protect people on the move' });
      await page.locator('#f-releaseDate').fill(embargoLocal.slice(0, 10));
      await page.locator('#f-headline_en').fill(headline.en);
      await page.locator('#f-headline_es').fill(headline.es);
      await page.locator('#f-datelinePlace_en').fill('Guatemala City');
      await page.locator('#f-datelinePlace_es').fill('Ciudad de Guatemala');
      await page
        .locator('#f-lead_en')
        .fill('Ten organizations **ask** the Vice President to protect people on the move.');
      await page
        .locator('#f-lead_es')
        .fill('Diez organizaciones **piden** a la vicepresidenta proteger a las personas en movimiento.');
      await page.getByLabel('Embargoed until…').check();
      // Typing in the zone field opens its suggestions; moving on to the next field closes them.
      await page.locator('#f-timeZone').fill(ZONE);
      await page.locator('#f-timeZone').press('Tab');
      await page.locator('#f-embargoLocal').fill(embargoLocal);
      await checkPage('new release form');
      await page.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL('**/en/workspace/releases/coalition-asks-the-vice-president-to-protect-migrants?saved=1');
      const releaseUrl = new URL(page.url()).pathname;
      const publicPath = '/releases/coalition-asks-the-vice-president-to-protect-migrants';

      // One form, one Save: contacts and highlights together. Ticked highlights with no "Highlights
      // list" in the body: the save adds one, whose introduction is then typed and saved.
      const editor = page.locator('form.release-form');
      await page.getByLabel('Include Ana López').check();
      await page.getByLabel(`Include 1. ${recommendations[0]!.en}`).check();
      await page.getByLabel(`Include 2. ${recommendations[1]!.en}`).check();
      // The pickers' Find buttons post the form too, as a search (`_action=find`): one button saves.
      expect(await editor.locator('button:not([name=_action])').count()).toBe(1);
      await submit(editor.getByRole('button', { name: 'Save', exact: true }));
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await page.locator('#f-block_0_text_en').fill('The coalition asks the Vice President to:');
      await page.locator('#f-block_0_text_es').fill('La coalición pide a la vicepresidenta:');
      // A search of the contacts before saving keeps what was just typed (nothing is saved by it).
      await page.locator('#find-contacts-words').fill('López');
      await submit(editor.locator('button[name=_action][formaction$="#contacts-title"]'));
      expect(await page.locator('#f-block_0_text_en').inputValue()).toBe('The coalition asks the Vice President to:');
      expect(await page.getByLabel('Include Ana López').isChecked()).toBe(true);
      await submit(editor.getByRole('button', { name: 'Save', exact: true }));
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      expect(await page.getByLabel('Include Ana López').isChecked()).toBe(true);

      // Preview in the public page's look, in both languages, with its checks beside it.
      expect(new URL(page.url()).pathname).toBe(releaseUrl);
      const preview = page.locator('.release-preview');
      expect(await preview.locator('h1').textContent()).toBe(headline.en);
      expect(await preview.locator('.release-line').textContent()).toContain(`(${ZONE})`);
      expect(await preview.locator('li').allInnerTexts()).toEqual(expect.arrayContaining([recommendations[0]!.en]));
      // The journey's own lead says "Ten organizations" while it names three: the linter says so beside the text.
      expect(await page.locator('.release-checks [data-rule="count-mismatch"]').count()).toBeGreaterThanOrEqual(1);
      await shot('editorial-release-editor-en.png', page, { width: 1280, height: 1500 });
      await checkPage('release editor');
      await page.locator('.preview-languages').getByRole('link', { name: 'Español' }).click();
      expect(await page.locator('.release-preview h1').textContent()).toBe(headline.es);
      const pdfHref = await page.getByRole('link', { name: /Preview the PDF/ }).getAttribute('href');
      const pdf = await page.request.get(pdfHref!);
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      const docx = await page.request.get(
        (await page.getByRole('link', { name: /Preview the Word file/ }).getAttribute('href'))!,
      );
      expect(docx.headers()['content-type']).toContain('wordprocessingml');

      // Drafts are never public, not even to the signed-in editor on public URLs.
      expect((await page.request.get(`/en${publicPath}`)).status()).toBe(404);
      // Publish asks first: what becomes public, in which languages, and when (the embargo, in its zone).
      await page.locator('section.publication').getByRole('link', { name: 'Publish' }).click();
      await page.waitForURL(`**${releaseUrl}/publish`);
      expect(await page.locator('.publish-summary').textContent()).toContain(headline.en);
      expect(await page.locator('.publish-when').textContent()).toContain(`(${ZONE})`);
      await checkPage('publish confirmation');
      await submit(page.getByRole('button', { name: 'Confirm and publish' }));
      expect(await page.locator('section.publication').textContent()).toContain('scheduled (embargo)');

      const reader = await browser.newContext({ baseURL: instance.baseUrl });
      try {
        const readerPage = await reader.newPage();
        expect((await readerPage.goto(`/en${publicPath}`))?.status()).toBe(404);
        expect((await reader.request.get(`/en${publicPath}/release.pdf`)).status()).toBe(404);
        instance.advance(embargo.getTime() - instance.now().getTime() + 1_000);
        for (const locale of ['en', 'es'] as const) {
          expect((await readerPage.goto(`/${locale}${publicPath}`))?.status()).toBe(200);
          expect(await readerPage.locator('main h1').first().textContent()).toBe(headline[locale]);
          expect(await readerPage.locator('.boilerplates').textContent()).toContain(organizations[0]![locale]);
          const pdfDownload = await reader.request.get(`/${locale}${publicPath}/release.pdf`);
          expect(pdfDownload.headers()['content-type']).toBe('application/pdf');
          const docxDownload = await reader.request.get(`/${locale}${publicPath}/release.docx`);
          expect(docxDownload.status()).toBe(200);
          expect(docxDownload.headers()['content-type']).toContain('wordprocessingml');
        }
        expect((await readerPage.goto('/es/statements/protect-people-on-the-move'))?.status()).toBe(200);
      } finally {
        await reader.close();
      }
    });

    it('journey 3: two editors, one recommendation; the second save shows the first change and keeps the typed text', async () => {
      // The second editor's account is made by the accounts service (invitations need e-mail).
      await createUserWithPassword(instance.db, { email: SECOND_EDITOR, role: 'editor' });
      const other = await browser.newContext({ baseURL: instance.baseUrl, locale: 'es-ES' });
      other.setDefaultTimeout(LOCATOR_TIMEOUT_MS);
      try {
        const second = await other.newPage();
        await second.goto('/es/sign-in');
        await second.getByLabel('Correo electrónico').fill(SECOND_EDITOR);
        await second.getByLabel('Contraseña').fill('correct horse battery staple');
        await second.getByRole('button', { name: 'Entrar' }).click();
        await second.waitForLoadState();

        const statement = '/workspace/statements/protect-people-on-the-move';
        await page.goto(`/en${statement}`);
        const href = (await section('recommendations-title').locator('ol > li a').first().getAttribute('href'))!;
        const id = href.split('/').pop()!;
        await page.goto(href);
        await second.goto(`/es${statement}/recommendations/${id}`);
        await checkPage('recommendation form (Spanish)', second);

        await page.locator('#f-text_en').fill('Stop all deportations to unsafe places now');
        await submit(page.getByRole('button', { name: 'Save' }));

        const typed = 'Detener ya todas las deportaciones a lugares inseguros';
        await second.locator('#f-text_es').fill(typed);
        const [response] = await Promise.all([
          second.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/recommendations/${id}`)),
          second.getByRole('button', { name: 'Guardar' }).click(),
        ]);
        expect(response.status()).toBe(409);
        const notice = second.locator('.conflict-notice');
        expect(await notice.textContent()).toContain(ADMIN);
        expect(await notice.textContent()).toContain('Stop all deportations to unsafe places now');
        expect(await second.locator('#f-text_es').inputValue()).toBe(typed);
        await shot('editorial-conflict-es.png', second);
        await checkPage('conflict screen (Spanish)', second);

        // Saving again after reading the change keeps both: the first editor's English and this Spanish.
        await submit(second.getByRole('button', { name: 'Guardar' }), second);
        await second.goto(`/es${statement}/recommendations/${id}`);
        expect(await second.locator('#f-text_en').inputValue()).toBe('Stop all deportations to unsafe places now');
        expect(await second.locator('#f-text_es').inputValue()).toBe(typed);
        await second.goto(`/es${statement}`);
        await shot('editorial-statement-es.png', second);
        await checkPage('statement page (Spanish)', second);
        await second.goto('/es/workspace/releases/coalition-asks-the-vice-president-to-protect-migrants?preview=es');
        await shot('editorial-release-editor-es.png', second, { width: 1280, height: 1500 });
        await checkPage('release editor (Spanish)', second);
      } finally {
        await other.close();
      }
      expect(checked.length).toBeGreaterThanOrEqual(12);
    }, 120_000);
  });
}
