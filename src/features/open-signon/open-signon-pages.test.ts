/** Open sign-on over HTTP on both engines: the public form without JavaScript, its refusals, the links, moderation and export. */

import { createHash } from 'node:crypto';
import * as cheerio from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { multipartBody, tinyPdf, tinyPng } from '../../../test/support/files.js';
import { queuedMail } from '../../../test/support/outbox.js';
import { POLICY_ACCOUNTS, type Visitor, visitorsAs } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { RATE_LIMITS } from '../../platform/web/rate-limit.js';
import { loadDemo } from '../demo/index.js';

const linkIn = (text: string, kind: 'verify' | 'withdraw') =>
  new URL(new RegExp(`https?://\\S+/open-sign-on/${kind}/\\S+`).exec(text)![0]).pathname;

describeEachEngine('open sign-on pages', (ctx) => {
  let app: FastifyTypeBox;
  const visitors = new Map<keyof typeof POLICY_ACCOUNTS, Visitor>();
  const as = (who: keyof typeof POLICY_ACCOUNTS) => visitors.get(who)!;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, baseUrl: 'https://puente.example', sendsMail: true });
    for (const [who, v] of await visitorsAs(app, ctx.db, POLICY_ACCOUNTS)) visitors.set(who, v);
    for (const [slug, status] of [
      ['open-public', 'published'],
      ['open-draft', 'draft'],
    ] as const) {
      await openForSignOn(slug, [`Statement ${slug}`, `Declaración ${slug}`], { fields: 'country' }, status);
    }
  });

  /** A statement opened for public sign-on by an editor, through the settings form. */
  async function openForSignOn(
    slug: string,
    [en, es]: [string, string],
    settings: Record<string, string>,
    status: 'published' | 'draft' = 'published',
  ) {
    await ctx.db.insert(t.statements).values({
      slug,
      title: localized('en', en, { es }),
      summary: localized('en', `Summary of ${slug}`),
      date: '2026-11-01',
      status,
    });
    const settingsPage = `/en/workspace/open-sign-on/${slug}`;
    const form = { version: 0, open: '1', deadlineLocal: '', timeZone: 'UTC', ...settings };
    expect((await as('editor').post(`${settingsPage}/settings`, form, settingsPage)).statusCode).toBe(303);
  }

  async function signForm(visitor: Visitor, slug: string, form: Record<string, string>, locale = 'en') {
    const csrf = await visitor.csrfFrom(`/${locale}/statements/${slug}/sign`);
    return visitor.request('POST', `/${locale}/statements/${slug}/sign`, {
      _csrf: csrf,
      kind: 'organization',
      ...form,
    });
  }

  it('a settings save from a stale page is a 409 page with its title, and changes nothing', async () => {
    const settingsPage = '/es/workspace/open-sign-on/open-public';
    const stale = await as('editor').post(
      `${settingsPage}/settings`,
      { version: 0, open: '', deadlineLocal: '', timeZone: 'UTC' },
      settingsPage,
    );
    expect(stale.statusCode).toBe(409);
    const $ = cheerio.load(stale.body);
    expect($('html').attr('lang')).toBe('es');
    expect($('h1').text()).toBe('Adhesión abierta: Declaración open-public');
    const page = cheerio.load((await as('anonymous').get('/en/statements/open-public/sign')).body);
    expect(page('form[action="/en/statements/open-public/sign"]')).toHaveLength(1);
  });

  it('shows the public statement and its form; a statement that is not public has no sign-on page', async () => {
    const page = await as('anonymous').get('/es/statements/open-public/sign');
    expect(page.statusCode).toBe(200);
    const $ = cheerio.load(page.body);
    expect($('h1').text()).toBe('Declaración open-public');
    expect($('form[action="/es/statements/open-public/sign"] select[name=country]')).toHaveLength(1);
    expect($('script')).toHaveLength(0);
    for (const who of ['anonymous', 'editor'] as const) {
      expect((await as(who).get('/en/statements/open-draft/sign')).statusCode).toBe(404);
    }
    // The statement's own page links to the form while it is open.
    const statement = cheerio.load((await as('anonymous').get('/en/statements/open-public')).body);
    expect(statement('a[href="/en/statements/open-public/sign"]').text()).toBe('Sign this statement');
  });

  it('takes a signature, mails the links, verifies and withdraws through them', async () => {
    const signer = as('anonymous');
    const sent = await signForm(
      signer,
      'open-public',
      { name: 'Red Sur', email: 'red@sur.example', country: 'GT' },
      'es',
    );
    expect(sent.statusCode).toBe(200);
    expect(cheerio.load(sent.body)('[role=status]').text()).toContain('red@sur.example');
    const [mail] = await queuedMail(ctx.db, 'red@sur.example');
    const verify = linkIn(mail!.text, 'verify');
    expect(verify).toMatch(/^\/es\/open-sign-on\/verify\//);
    // Opening the link changes nothing: its page has the button that does.
    const confirm = cheerio.load((await signer.get(verify)).body);
    expect(confirm('h1').text()).toBe('Confirma tu firma');
    const [before] = await ctx.db
      .select()
      .from(t.openSignOnSubmissions)
      .where(eq(t.openSignOnSubmissions.emailKey, 'red@sur.example'));
    expect(before!.status).toBe('unverified');
    const done = await signer.request('POST', verify, { _csrf: confirm('input[name=_csrf]').attr('value')! });
    expect(cheerio.load(done.body)('h1').text()).toBe('Gracias por firmar');
    const again = await signer.get(verify);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Este enlace ya no es válido');
    const withdraw = linkIn(mail!.text, 'withdraw');
    const csrf = cheerio
      .load((await signer.get(withdraw)).body)('input[name=_csrf]')
      .attr('value')!;
    const withdrawn = await signer.request('POST', withdraw, { _csrf: csrf });
    expect(cheerio.load(withdrawn.body)('h1').text()).toBe('Firma retirada');
  });

  it('answers bad input with the form and its messages, and refusals with a page that says why', async () => {
    const bad = await signForm(as('anonymous'), 'open-public', { name: '', email: 'nope', country: 'ZZ' });
    expect(bad.statusCode).toBe(400);
    const $ = cheerio.load(bad.body);
    expect($('#f-name-error').text()).toContain('Fill this in.');
    expect($('#f-email-error').text()).not.toBe('');
    expect($('input[name=email]').attr('value')).toBe('nope');
    const trap = await signForm(as('anonymous'), 'open-public', { name: 'Bot', email: 'bot@x.example', homepage: 'x' });
    expect(trap.statusCode).toBe(400);
    expect(trap.body).toContain('a field meant to stay empty was filled in');
    const draft = await as('anonymous').request('POST', '/en/statements/open-draft/sign', {
      _csrf: await as('anonymous').csrfFrom('/en/statements/open-public/sign'),
      name: 'X',
      email: 'x@x.example',
    });
    expect(draft.statusCode).toBe(404);
    expect(await queuedMail(ctx.db, 'bot@x.example')).toEqual([]);
  });

  it('offers no form on a server that sends no email, and refuses a post with a page that says why', async () => {
    const mailless = await buildApp({ db: ctx.db });
    const visitor = new (as('anonymous').constructor as typeof Visitor)(mailless);
    const $ = cheerio.load((await visitor.get('/en/statements/open-public/sign')).body);
    expect($('h1').text()).toBe('Statement open-public');
    expect($('form[action="/en/statements/open-public/sign"]')).toHaveLength(0);
    expect($('.open-signon-form .notice').text()).toContain('cannot send the confirmation email');
    const refused = await visitor.request('POST', '/en/statements/open-public/sign', {
      _csrf: await visitor.csrfFrom('/en/sign-in'),
      name: 'No Mail Org',
      email: 'nomail@x.example',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('cannot send the confirmation email');
    expect(await queuedMail(ctx.db, 'nomail@x.example')).toEqual([]);
  });

  it('refuses a burst from one address with 429 pages in the reader’s language', async () => {
    const burst = new (as('anonymous').constructor as typeof Visitor)(app, '10.250.0.1');
    const answers: number[] = [];
    for (let i = 0; i < RATE_LIMITS.openSignOn.limit + 2; i++) {
      const r = await signForm(burst, 'open-public', { name: `Burst ${i}`, email: `burst${i}@x.example` }, 'es');
      answers.push(r.statusCode);
      if (r.statusCode === 429) {
        expect(r.headers['retry-after']).toMatch(/^\d+$/);
        expect(r.body).toContain('Llegaron demasiadas firmas');
      }
    }
    expect(answers.filter((s) => s === 200)).toHaveLength(RATE_LIMITS.openSignOn.limit);
    expect(answers.slice(-2)).toEqual([429, 429]);
  });

  it('lets editors moderate, lists the approved publicly and exports them; others may not', async () => {
    const signer = as('anonymous');
    for (const [name, email] of [
      ['Colectivo Norte', 'a@norte.example'],
      ['Colectivo del Norte', 'b@norte.example'],
    ]) {
      await signForm(signer, 'open-public', { name: name!, email: email!, country: 'MX' });
      const [mail] = await queuedMail(ctx.db, email);
      const verify = linkIn(mail!.text, 'verify');
      const csrf = cheerio
        .load((await signer.get(verify)).body)('input[name=_csrf]')
        .attr('value')!;
      await signer.request('POST', verify, { _csrf: csrf });
    }
    const page = '/en/workspace/open-sign-on/open-public';
    for (const who of ['anonymous', 'memberOwn'] as const) {
      expect((await as(who).get(page)).statusCode).toBe(who === 'anonymous' ? 303 : 403);
    }
    const $ = cheerio.load((await as('editor').get(page)).body);
    const entries = $('.open-signon-entry');
    expect(entries).toHaveLength(2);
    const second = entries.eq(1);
    const secondId = second.attr('data-signature')!;
    const firstId = entries.eq(0).attr('data-signature')!;
    expect(second.find('[data-duplicate]').attr('data-duplicate')).toBe(firstId);
    const version = (id: string) => $(`[data-signature="${id}"] input[name=version]`).first().attr('value')!;
    expect(
      (
        await as('editor').post(
          `${page}/submissions/${secondId}/merge`,
          { version: version(secondId), mergeInto: firstId },
          page,
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (await as('editor').post(`${page}/submissions/${firstId}/approve`, { version: version(firstId) }, page))
        .statusCode,
    ).toBe(303);
    const members = await as('memberOwn').post(`${page}/submissions/${firstId}/reject`, { version: 3 });
    expect(members.statusCode).toBe(403);
    const statement = cheerio.load((await as('anonymous').get('/en/statements/open-public')).body);
    expect(statement('.open-signatories-count').text()).toBe('1 signatory so far.');
    expect(statement('.open-signatories-names li').text()).toContain('Colectivo Norte');
    expect(statement('.open-signatories-countries li[data-country=MX]').text()).toBe('Mexico: 1');
    const csv = await as('editor').get(`${page}/signatories.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(
      csv.body
        .split('\r\n')
        .filter(Boolean)
        .map((l) => l.split(',')[1]),
    ).toEqual(['name', 'Colectivo Norte']);
    const xlsx = await as('editor').get(`${page}/signatories.xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await as('memberOwn').get(`${page}/signatories.csv`)).statusCode).toBe(403);
  });

  it('lists approved individuals apart from organizations, exports them, and says they stay off the release', async () => {
    const slug = 'open-individuals';
    await openForSignOn(slug, ['Statement open to individuals', 'Declaración abierta a personas'], {
      individualsAllowed: '1',
    });
    const page = `/en/workspace/open-sign-on/${slug}`;
    const signer = as('anonymous');
    for (const [kind, name, email] of [
      ['organization', 'Red Andina', 'red@andina.example'],
      ['individual', 'Ana Pérez', 'ana@perez.example'],
    ] as const) {
      expect((await signForm(signer, slug, { kind, name, email })).statusCode).toBe(200);
      const [mail] = await queuedMail(ctx.db, email);
      const verify = linkIn(mail!.text, 'verify');
      const csrf = cheerio
        .load((await signer.get(verify)).body)('input[name=_csrf]')
        .attr('value')!;
      await signer.request('POST', verify, { _csrf: csrf });
    }
    for (const locale of ['en', 'es']) {
      const $ = cheerio.load((await as('editor').get(`/${locale}/workspace/open-sign-on/${slug}`)).body);
      const person = $('.open-signon-entry').filter((_, e) => $(e).text().includes('Ana Pérez'));
      expect(person.find('.open-signon-individual-note').text()).toContain(
        locale === 'en' ? 'not among the press release’s signatories' : 'no entre las firmantes del comunicado',
      );
      expect(person.find('input[name=addToSignatories]')).toHaveLength(0);
    }
    const $ = cheerio.load((await as('editor').get(page)).body);
    for (const entry of $('.open-signon-entry').toArray()) {
      const id = $(entry).attr('data-signature')!;
      const version = $(entry).find('input[name=version]').first().attr('value')!;
      const approve = { version, addToSignatories: '1' };
      expect((await as('editor').post(`${page}/submissions/${id}/approve`, approve, page)).statusCode).toBe(303);
    }
    const [person] = await ctx.db
      .select()
      .from(t.openSignOnSubmissions)
      .where(eq(t.openSignOnSubmissions.name, 'Ana Pérez'));
    expect(person).toMatchObject({ status: 'approved', organizationId: null });
    for (const [locale, count] of [
      ['en', '2 signatories so far: 1 organization and 1 individual.'],
      ['es', 'Hasta ahora, 2 firmantes: 1 organización y 1 persona a título personal.'],
    ] as const) {
      const statement = cheerio.load((await as('anonymous').get(`/${locale}/statements/${slug}`)).body);
      expect(statement('.open-signatories-count').text()).toBe(count);
      const lists = statement('.open-signatories-names');
      expect(lists.eq(0).text()).toContain('Red Andina');
      expect(lists.eq(0).text()).not.toContain('Ana Pérez');
      expect(statement('.open-signatories-individuals .open-signatories-names').text()).toContain('Ana Pérez');
    }
    const csv = await as('editor').get(`${page}/signatories.csv`);
    expect(
      csv.body
        .split('\r\n')
        .filter(Boolean)
        .slice(1)
        .map((l) => l.split(',').slice(0, 2).join(',')),
    ).toEqual(['organization,Red Andina', 'individual,Ana Pérez']);
  });

  it('takes an optional logo when asked, shows it to editors only, refuses a bad one, and carries it to the registry', async () => {
    const slug = 'open-logo';
    await openForSignOn(slug, ['Statement asking for logos', 'Declaración que pide logos'], { fields: 'logo' });
    const settingsPage = `/en/workspace/open-sign-on/${slug}`;
    const signer = new (as('anonymous').constructor as typeof Visitor)(app, '10.250.0.9');
    // The form is multipart, its file field last, and works without script.
    const form = cheerio.load((await signer.get(`/es/statements/${slug}/sign`)).body);
    const $form = form(`form[action="/es/statements/${slug}/sign"]`);
    expect($form.attr('enctype')).toBe('multipart/form-data');
    expect($form.find('input').last().attr('name')).toBe('logo');
    expect(form('label[for=f-logo]').text()).toBe('Logotipo (opcional)');
    const send = async (
      fields: Record<string, string>,
      logo: { bytes: Buffer; filename: string } | null,
      through = app,
    ) => {
      const csrf = await signer.csrfFrom(`/es/statements/${slug}/sign`);
      const body = { _csrf: csrf, kind: 'organization', homepage: '', ...fields };
      const file = logo ? { field: 'logo', contentType: 'application/octet-stream', ...logo } : undefined;
      const { payload, contentType } = multipartBody(body, file);
      return through.inject({
        method: 'POST',
        url: `/es/statements/${slug}/sign`,
        payload,
        remoteAddress: signer.remoteAddress,
        headers: { cookie: signer.cookieHeader(), 'content-type': contentType },
      });
    };
    const submissionOf = async (email: string) =>
      ctx.db.select().from(t.openSignOnSubmissions).where(eq(t.openSignOnSubmissions.emailKey, email));

    // A PDF named .png: refused in the reader's language, with what was typed kept, and nothing written.
    const pdf = await tinyPdf();
    const refused = await send({ name: 'Red Logo', email: 'bad@logo.example' }, { bytes: pdf, filename: 'logo.png' });
    expect(refused.statusCode).toBe(415);
    const $refused = cheerio.load(refused.body);
    expect($refused('html').attr('lang')).toBe('es');
    expect($refused('#f-logo-error').text()).toContain('Este archivo es PDF, no una imagen PNG, JPEG o SVG');
    expect($refused('input[name=name]').attr('value')).toBe('Red Logo');
    expect(await submissionOf('bad@logo.example')).toEqual([]);
    expect(await queuedMail(ctx.db, 'bad@logo.example')).toEqual([]);
    const pdfHash = createHash('sha256').update(pdf).digest('hex');
    expect(await ctx.db.select().from(t.files).where(eq(t.files.sha256, pdfHash))).toEqual([]);
    // An SVG with a DOCTYPE (how entity bombs and external entities come in), and a file over the limit.
    const doctype = Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "x">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    );
    const svgRefused = await send(
      { name: 'Red Logo', email: 'bad@logo.example' },
      { bytes: doctype, filename: 'l.svg' },
    );
    expect(svgRefused.statusCode).toBe(400);
    expect(cheerio.load(svgRefused.body)('#f-logo-error').text()).toContain('Este SVG contiene un DOCTYPE');
    const small = await buildApp({
      db: ctx.db,
      baseUrl: 'https://puente.example',
      sendsMail: true,
      uploadLimits: { logoBytes: 100, documentBytes: 1000 },
    });
    const big = Buffer.concat([tinyPng(3), Buffer.alloc(200)]);
    const tooLarge = await send(
      { name: 'Red Logo', email: 'bad@logo.example' },
      { bytes: big, filename: 'l.png' },
      small,
    );
    expect(tooLarge.statusCode).toBe(413);
    expect(cheerio.load(tooLarge.body)('#f-logo-error').text()).toContain('100');
    expect(await submissionOf('bad@logo.example')).toEqual([]);
    expect(await queuedMail(ctx.db, 'bad@logo.example')).toEqual([]);
    // The CSRF field is checked before the file is read: without it, a 403 and nothing written.
    const forged = multipartBody(
      { _csrf: 'forged', name: 'X', email: 'forged@logo.example' },
      {
        field: 'logo',
        filename: 'l.png',
        contentType: 'image/png',
        bytes: tinyPng(7),
      },
    );
    const forgedAnswer = await app.inject({
      method: 'POST',
      url: `/es/statements/${slug}/sign`,
      payload: forged.payload,
      remoteAddress: signer.remoteAddress,
      headers: { cookie: signer.cookieHeader(), 'content-type': forged.contentType },
    });
    expect(forgedAnswer.statusCode).toBe(403);
    expect(await submissionOf('forged@logo.example')).toEqual([]);

    // No file chosen (the browser's empty file part) is a signature without a logo.
    const none = await send({ name: 'Sin Logo', email: 'none@logo.example' }, { bytes: Buffer.alloc(0), filename: '' });
    expect(none.statusCode).toBe(200);
    expect((await submissionOf('none@logo.example'))[0]!.logoSha256).toBeNull();

    // A good PNG: kept with the signature, not public.
    const png = tinyPng(42);
    const sha256 = createHash('sha256').update(png).digest('hex');
    const good = await send({ name: 'Red Logo', email: 'good@logo.example' }, { bytes: png, filename: 'red.png' });
    expect(good.statusCode).toBe(200);
    const [submitted] = await submissionOf('good@logo.example');
    expect(submitted!.logoSha256).toBe(sha256);
    expect((await as('anonymous').get(`/files/${sha256}`)).statusCode).toBe(404);
    const [mail] = await queuedMail(ctx.db, 'good@logo.example');
    const verify = linkIn(mail!.text, 'verify');
    const csrf = cheerio
      .load((await signer.get(verify)).body)('input[name=_csrf]')
      .attr('value')!;
    await signer.request('POST', verify, { _csrf: csrf });

    // Editors see it in the queue, through a route only they may use.
    const queue = cheerio.load((await as('admin').get(settingsPage)).body);
    const entry = queue(`[data-signature="${submitted!.id}"]`);
    const logoPath = `${settingsPage}/submissions/${submitted!.id}/logo`;
    expect(entry.find('img.open-signon-logo').attr('src')).toBe(logoPath);
    expect(entry.find('img.open-signon-logo').attr('alt')).toBe('Logo sent by Red Logo');
    const served = await as('editor').get(logoPath);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('private, no-store');
    expect(served.rawPayload.equals(png)).toBe(true);
    expect((await as('anonymous').get(logoPath)).statusCode).toBe(303);
    expect((await as('memberOwn').get(logoPath)).statusCode).toBe(403);
    const noLogo = (await submissionOf('none@logo.example'))[0]!;
    expect((await as('editor').get(`${settingsPage}/submissions/${noLogo.id}/logo`)).statusCode).toBe(404);

    // Approved into the registry, the logo becomes the new organization's (and so public).
    const version = entry.find('input[name=version]').first().attr('value')!;
    const approve = { version, addToRegistry: '1', addToSignatories: '1' };
    const approved = await as('admin').post(
      `${settingsPage}/submissions/${submitted!.id}/approve`,
      approve,
      settingsPage,
    );
    expect(approved.statusCode).toBe(303);
    const [after] = await submissionOf('good@logo.example');
    const [link] = await ctx.db
      .select()
      .from(t.organizationLogos)
      .where(eq(t.organizationLogos.organizationId, after!.organizationId!));
    expect(link!.fileSha256).toBe(sha256);
    const [audit] = await ctx.db
      .select()
      .from(t.auditLog)
      .where(
        and(
          eq(t.auditLog.entityType, 'organization'),
          eq(t.auditLog.action, 'set_logo'),
          eq(t.auditLog.entityId, String(after!.organizationId)),
        ),
      );
    expect(audit).toBeDefined();
    expect((await as('anonymous').get(`/files/${sha256}`)).statusCode).toBe(200);
  });
});
