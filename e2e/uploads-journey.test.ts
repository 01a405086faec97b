/**
 * Uploads in a real browser (Debian's Chromium): the coalition admin uploads through the forms as
 * a person would, over real HTTP (multipart streaming, the oversized file drained so the browser
 * shows our explanation rather than a reset connection); the logos actually render where the public
 * sees them, including a sanitized SVG served under its sandboxing CSP; axe-core on the forms, with
 * and without an error; the forms fit a 360 px screen. PGlite only: the engines are covered over
 * HTTP by src/features/files/files.test.ts.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import { loadDemo } from '../src/features/demo/index.js';
import type { DbHandle } from '../src/platform/db/client.js';
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { createTestDb } from '../test/support/db.js';
import { cleanSvg, tinyPdf, tinyPng } from '../test/support/files.js';
import { createUserWithPassword, PASSWORD } from '../test/support/visitors.js';
import { formatViolations, runAxe } from './axe.js';
import { launchChromium } from './browser.js';

const LOGO_LIMIT = 32 * 1024;

let browser: Browser;
let handle: DbHandle;
let app: FastifyTypeBox;
let baseUrl: string;

beforeAll(async () => {
  browser = await launchChromium();
  handle = await createTestDb('pglite');
  await loadDemo(handle.db);
  await createUserWithPassword(handle.db, { email: 'admin@example.org', role: 'admin' }, new Date(), {
    twoFactor: false,
  });
  app = await buildApp({ db: handle.db, uploadLimits: { logoBytes: LOGO_LIMIT, documentBytes: 1024 * 1024 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await handle?.close();
});

describe('uploads in a browser', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US' });
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    await page.goto('/en/sign-in');
    await page.getByLabel('Email').fill('admin@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  });

  afterAll(async () => {
    await context?.close();
  });

  async function expectNoAxeViolations() {
    const violations = await runAxe(page);
    expect(violations, formatViolations(page.url(), violations)).toEqual([]);
  }

  it('uploads a PNG logo; it renders in the directory and on the organization page', async () => {
    await page.goto('/en/workspace/organizations/cejil/logo');
    await expectNoAxeViolations();
    await page.getByLabel('Logo file').setInputFiles({ name: 'cejil.png', mimeType: 'image/png', buffer: tinyPng(7) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.goto('/en/organizations/cejil');
    const logo = page.getByRole('img', { name: /^Logo of Center for Justice/ });
    await logo.waitFor();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
  });

  it('an SVG logo is sanitized and still renders under its CSP', async () => {
    await page.goto('/en/workspace/organizations/afsc/logo');
    const svg = cleanSvg.replace('<circle', '<script>alert(1)</script><circle onclick="alert(2)"');
    await page
      .getByLabel('Logo file')
      .setInputFiles({ name: 'afsc.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.goto('/en/organizations');
    const logo = page.getByRole('img', { name: /^Logo of American Friends/ });
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const src = await logo.getAttribute('src');
    const served = await page.request.get(src!);
    expect(await served.text()).not.toContain('alert');
  });

  it('a file over the limit gets the form back with the reason, over a real connection', async () => {
    await page.goto('/en/workspace/organizations/cejil/logo');
    const big = Buffer.concat([tinyPng(8), Buffer.alloc(LOGO_LIMIT * 8)]);
    await page.getByLabel('Logo file').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: big });
    await page.getByRole('button', { name: 'Upload' }).click();
    const error = page.locator('#f-logo-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('larger than 32 KB');
    await expectNoAxeViolations();
  });

  it('a PNG offered as the statement’s document is refused in Spanish; a PDF is accepted and linked', async () => {
    await page.goto('/es/workspace/statements/guatemala-vp-visit-2021/document');
    await expectNoAxeViolations();
    const field = page.getByLabel('Archivo del documento');
    await field.setInputFiles({ name: 'declaracion.pdf', mimeType: 'application/pdf', buffer: tinyPng(3) });
    await page.getByRole('button', { name: 'Subir' }).click();
    await page.locator('#f-document-error').waitFor();
    expect(await page.locator('#f-document-error').textContent()).toContain('Este archivo es PNG');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations();

    await field.setInputFiles({ name: 'declaracion.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Declaración') });
    await page.getByRole('button', { name: 'Subir' }).click();
    await page.getByRole('status').filter({ hasText: 'Guardado.' }).waitFor();
    await page.goto('/es/statements/guatemala-vp-visit-2021');
    const link = page.getByRole('link', { name: 'Leer el documento completo' });
    const download = await page.request.get((await link.getAttribute('href'))!);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toContain('attachment');
  });

  it('the upload form fits a 360 px wide screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/en/workspace/organizations/cejil/logo');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
