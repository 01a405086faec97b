/**
 * Issue 18's browser journey (Debian's Chromium, axe-core on every page, each checked at 1280 and
 * 360 px): an editor imports a CSV of contacts, builds a list, schedules a release send at the embargo
 * lift, and after the lift (the app's clock moved; the outbox sender run against a real SMTP server)
 * sees each recipient's status. PGlite only: the engines are covered by src/features/press's tests.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import type { DbHandle } from '../src/platform/db/client.js';
import { createMailer } from '../src/platform/mail.js';
import { sendDueMail } from '../src/platform/outbox/index.js';
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { createTestDb } from '../test/support/db.js';
import { CONTACTS_CSV, embargoedRelease, pressThemes } from '../test/support/press.js';
import { captureSmtp } from '../test/support/smtp.js';
import { createUserWithPassword, PASSWORD } from '../test/support/visitors.js';
import { formatViolations, runAxe } from './axe.js';
import { launchChromium } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';

const START = new Date('2026-06-01T11:50:00Z');
const LIFT = new Date('2026-06-01T12:00:00Z');

let browser: Browser;
let handle: DbHandle;
let app: FastifyTypeBox;
let baseUrl: string;
let now = START;
const smtp = captureSmtp();

beforeAll(async () => {
  browser = await launchChromium();
  handle = await createTestDb('pglite');
  await pressThemes(handle.db);
  await embargoedRelease(handle.db, 'safe-passage', LIFT);
  await createUserWithPassword(handle.db, { email: 'editor@example.org', role: 'editor' }, START);
  app = await buildApp({ db: handle.db, now: () => now, baseUrl: 'https://puente.example.org' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await handle?.close();
  await smtp.close();
});

describe('press journey in a browser', () => {
  let context: BrowserContext;
  let page: Page;

  async function checkPage(label: string) {
    const violations = await runAxe(page);
    expect(violations, formatViolations(page.url(), violations)).toEqual([]);
    await expectDesignedAtEachWidth(page, label);
  }

  beforeAll(async () => {
    context = await browser.newContext({ baseURL: baseUrl, locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    await page.goto('/en/sign-in');
    await page.getByLabel('Email').fill('editor@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  });

  afterAll(async () => {
    await context?.close();
  });

  it('imports a CSV of contacts: the check first, then the confirmation', async () => {
    await page.getByRole('link', { name: 'Workspace', exact: true }).click();
    await page.getByRole('link', { name: 'Press', exact: true }).first().click();
    await page.getByRole('link', { name: 'Import contacts' }).first().click();
    await checkPage('press import');
    await page
      .getByLabel('CSV or XLSX file')
      .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(CONTACTS_CSV) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('6 rows: 6 new').waitFor();
    await checkPage('press import report');
    await page.getByRole('button', { name: 'Save all contacts' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect(page.getByRole('link', { name: 'Carla Paz' }).count()).resolves.toBe(1);
    await checkPage('press contacts');
  });

  it('builds a list of Spanish readers', async () => {
    await page.getByRole('link', { name: 'Press lists' }).first().click();
    await page.getByRole('link', { name: 'New list' }).click();
    await checkPage('press list form');
    await page.getByLabel('Name').fill('Spanish desk');
    await page.getByLabel('A saved filter: languages, countries and beats').check();
    await page.getByRole('group', { name: 'Languages' }).getByLabel('Spanish (es)').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect(page.getByRole('row', { name: /Spanish desk/ }).textContent()).resolves.toContain('2');
    await checkPage('press lists');
  });

  it('schedules the release at the embargo lift and sees each recipient’s status after it', async () => {
    await page.goto('/en/workspace/press/sends/new?release=safe-passage');
    await checkPage('press send form');
    expect(await page.getByLabel(/At the embargo lift/).isChecked()).toBe(true);
    await page.getByLabel('Personal note').fill('Ahead of Monday, under embargo until the lift.');
    await page.getByLabel(/Spanish desk/).check();
    await page.getByRole('button', { name: 'Schedule the send' }).click();
    await page.getByRole('heading', { name: 'Send of safe-passage' }).waitFor();
    expect(await page.getByRole('row', { name: /ana@diario\.example/ }).textContent()).toContain('Waiting');
    await checkPage('press send status');

    const mailer = createMailer(`smtp://127.0.0.1:${await smtp.listen()}`, 'Puente <no-reply@puente.example.org>');
    try {
      await sendDueMail(handle.db, { mailer, now: () => START });
      expect(smtp.received).toHaveLength(0);
      now = LIFT;
      await sendDueMail(handle.db, { mailer, now: () => LIFT });
    } finally {
      mailer.close();
    }
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(['ana@diario.example', 'carla@radio.example']);
    await page.reload();
    for (const address of ['ana@diario\\.example', 'carla@radio\\.example']) {
      expect(await page.getByRole('row', { name: new RegExp(address) }).textContent()).toContain('Sent');
    }
    // After the lift the send can no longer change.
    await expect(page.getByRole('button', { name: 'Cancel this send' }).count()).resolves.toBe(0);
    await checkPage('press send delivered');
  });
});
