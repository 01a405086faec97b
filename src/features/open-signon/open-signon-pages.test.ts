/** Open sign-on over HTTP on both engines: the public form without JavaScript, its refusals, the links, moderation and export. */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
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
      await ctx.db.insert(t.statements).values({
        slug,
        title: localized('en', `Statement ${slug}`, { es: `Declaración ${slug}` }),
        summary: localized('en', `Summary of ${slug}`),
        date: '2026-11-01',
        status,
      });
      const settingsPage = `/en/workspace/open-sign-on/${slug}`;
      const saved = await as('editor').post(
        `${settingsPage}/settings`,
        { version: 0, open: '1', deadlineLocal: '', timeZone: 'UTC', fields: 'country' },
        settingsPage,
      );
      expect(saved.statusCode).toBe(303);
    }
  });

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
    await ctx.db.insert(t.statements).values({
      slug,
      title: localized('en', 'Statement open to individuals', { es: 'Declaración abierta a personas' }),
      date: '2026-11-01',
      status: 'published',
    });
    const page = `/en/workspace/open-sign-on/${slug}`;
    const settings = { version: 0, open: '1', deadlineLocal: '', timeZone: 'UTC', individualsAllowed: '1' };
    expect((await as('editor').post(`${page}/settings`, settings, page)).statusCode).toBe(303);
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
});
