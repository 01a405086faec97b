/**
 * Issue 14, "a coordinator's first week": the ways on from the account pages. A workspace link in the
 * public header and on the account page, a confirmation after setting a password, recovery codes that
 * say what to do and lead on, and a QR code to scan on the two-step setup page.
 */
import * as cheerio from 'cheerio';
import QRCode from 'qrcode';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { issueToken } from './service.js';
import { totpCode } from './two-factor.js';

describeEachEngine('a first week with an account', (ctx) => {
  const clock = new Date('2026-12-01T12:00:00Z');
  let app: FastifyTypeBox;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, now: () => clock });
    await createUserWithPassword(ctx.db, { email: 'coordinator@example.org', role: 'editor' }, clock);
  });

  it('the public header and the account page link to the workspace, in both languages; not for the public', async () => {
    const visitor = await signedIn(app, 'coordinator@example.org');
    for (const [locale, name] of [
      ['en', 'Workspace'],
      ['es', 'Espacio de trabajo'],
    ] as const) {
      const $ = cheerio.load((await visitor.get(`/${locale}/organizations`)).body);
      const link = $(`.session-nav a[href="/${locale}/workspace"]`);
      expect(link.text()).toBe(name);
      const account = cheerio.load((await visitor.get(`/${locale}/account`)).body);
      expect(account(`main a[href="/${locale}/workspace"]`).length).toBe(1);
    }
    expect((await visitor.get('/en/workspace')).statusCode).toBe(200);
    const anonymous = cheerio.load((await new Visitor(app).get('/en/organizations')).body);
    expect(anonymous('a[href="/en/workspace"]').length).toBe(0);
  });

  it('after a new password is saved, the sign-in page says so (role="status") and where to go', async () => {
    const user = await createUserWithPassword(ctx.db, { email: 'new@example.org', role: 'editor' }, clock);
    const token = await issueToken(ctx.db, user.id, 'password_reset', clock);
    const visitor = new Visitor(app);
    const url = `/es/set-password/${token}`;
    const done = await visitor.post(url, { password: 'una contraseña nueva y larga' }, url);
    expect(done.statusCode).toBe(303);
    const next = await visitor.get(done.headers.location as string);
    expect(next.statusCode).toBe(200);
    const $ = cheerio.load(next.body);
    const status = $('main [role=status]');
    expect(status.text()).toContain('Tu contraseña quedó guardada');
    expect(status.text()).toContain('Inicia sesión');
    expect($('main form[action="/es/sign-in"]').length).toBe(1);
    // The plain sign-in page says nothing of the kind.
    expect(cheerio.load((await new Visitor(app).get('/es/sign-in')).body)('main [role=status]').length).toBe(0);
    expect((await visitor.signIn('new@example.org', 'una contraseña nueva y larga')).headers.location).toBe(
      '/en/account',
    );
  });

  it('two-step setup shows the key as an SVG QR code (an image with a name) and still typed out', async () => {
    await createUserWithPassword(ctx.db, { email: 'qr@example.org', role: 'editor' }, clock);
    const visitor = await signedIn(app, 'qr@example.org');
    for (const locale of ['en', 'es']) {
      const page = await visitor.get(`/${locale}/account/two-factor`);
      const $ = cheerio.load(page.body);
      const svg = $('main svg');
      expect(svg.length).toBe(1);
      expect(svg.attr('role')).toBe('img');
      expect(svg.attr('aria-label')).toMatch(locale === 'en' ? /^QR code/ : /^Código QR/);
      expect(svg.attr('style')).toBeUndefined();
      expect(svg.find('[style], script, style').length).toBe(0);
      const secret = $('input[name=secret]').attr('value')!;
      expect($('.totp-secret').text()).toBe(secret);
      // The picture is the otpauth URI of the link beside it, drawn by the qrcode package.
      const uri = $('a[href^="otpauth://totp/"]').attr('href')!;
      const expected = await QRCode.toString(uri, { type: 'svg', margin: 2, width: 192, errorCorrectionLevel: 'M' });
      expect(svg.find('path').last().attr('d')).toBe(cheerio.load(expected, { xml: true })('path').last().attr('d'));
      expect(String(page.headers['content-security-policy'])).not.toContain('unsafe-inline');
    }
  });

  it('the recovery codes page says what to do, leads on, and a reload does not show the codes again', async () => {
    await createUserWithPassword(ctx.db, { email: 'codes@example.org', role: 'editor' }, clock);
    const visitor = await signedIn(app, 'codes@example.org');
    const setup = cheerio.load((await visitor.get('/en/account/two-factor')).body);
    const secret = setup('input[name=secret]').attr('value')!;
    const form = { secret, code: totpCode(secret, clock) };
    const done = await visitor.post('/en/account/two-factor', form, '/en/account/two-factor');
    expect(done.statusCode).toBe(200);
    const $ = cheerio.load(done.body);
    const codes = $('.recovery-codes code')
      .map((_, el) => $(el).text())
      .get();
    expect(codes.length).toBe(10);
    const status = $('main [role=status]').text();
    expect(status).toContain('print this page');
    expect(status).toContain('Each code works only once');
    expect($('main a[href="/en/workspace"]').text()).toBe('I have saved them — continue to the workspace');
    expect($('main a[href="/en/account"]').length).toBe(1);

    // A reload sends the form again: no codes, and a notice saying why.
    const again = await visitor.post('/en/account/two-factor', form, '/en/account');
    expect(again.statusCode).toBe(409);
    expect(again.body).not.toContain(codes[0]!);
    expect(cheerio.load(again.body)('main [role=status]').text()).toContain('shown only once');
    const later = await visitor.get('/en/account/two-factor');
    for (const code of codes) expect(later.body).not.toContain(code);
  });
});
