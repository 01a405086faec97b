/**
 * Organizations in the workspace over HTTP, per role, on both engines: who may open what, messages
 * next to the field in both languages with typed values kept, the version check, audit rows, archive.
 */
import * as cheerio from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { type Visitor, visitorsAs } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import { translationState } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';

type Who = 'anonymous' | 'memberOwn' | 'memberOther' | 'editor' | 'admin';

describeEachEngine('workspace: organizations', (ctx) => {
  let app: FastifyTypeBox;
  const visitors = new Map<Who, Visitor>();
  const as = (who: Who) => visitors.get(who)!;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db });
    const signedInAs = await visitorsAs(app, ctx.db, {
      anonymous: null,
      memberOwn: { email: 'm@cejil.org', role: 'member', organization: 'cejil' },
      memberOther: { email: 'm@afsc.org', role: 'member', organization: 'afsc' },
      editor: { email: 'editor@example.org', role: 'editor' },
      admin: { email: 'admin@example.org', role: 'admin' },
    });
    for (const [who, visitor] of signedInAs) visitors.set(who, visitor);
  });

  describe('who may open what', () => {
    const pages: { path: string; allowed: Who[] }[] = [
      { path: '/en/workspace/organizations', allowed: ['editor', 'admin'] },
      { path: '/en/workspace/organizations/new', allowed: ['admin'] },
      { path: '/en/workspace/organizations/cejil', allowed: ['memberOwn', 'editor', 'admin'] },
      { path: '/en/workspace/organizations/cejil/edit', allowed: ['memberOwn', 'admin'] },
    ];
    for (const { path, allowed } of pages) {
      it(path, async () => {
        for (const who of ['anonymous', 'memberOwn', 'memberOther', 'editor', 'admin'] as Who[]) {
          const response = await as(who).get(path);
          const expected = who === 'anonymous' ? 303 : allowed.includes(who) ? 200 : 403;
          expect(response.statusCode, `${who} ${path}`).toBe(expected);
        }
      });
    }

    it('sends a member to their own organization from "My organization"', async () => {
      const response = await as('memberOwn').get('/es/workspace/my-organization');
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/es/workspace/organizations/cejil');
    });

    it('refuses a member’s save on another organization and changes nothing', async () => {
      const before = await row('cejil');
      const response = await as('memberOther').post(
        '/en/workspace/organizations/cejil/edit',
        { ...formOf(before), boilerplate_en: 'Hijacked' },
        '/en/workspace',
      );
      expect(response.statusCode).toBe(403);
      expect((await row('cejil')).boilerplate.en?.text).toBe(before.boilerplate.en?.text);
    });
  });

  it('shows the member view: profile, both “About” texts with their state, contacts, statements signed', async () => {
    const $ = cheerio.load((await as('memberOwn').get('/en/workspace/organizations/cejil')).body);
    expect($('h1').text()).toBe('Center for Justice and International Law');
    expect($('section[lang=es] .state').text()).toBe('translation');
    expect($('section[lang=es] .boilerplate-text').text()).toContain('Trabaja en la defensa');
    expect($('main').text()).toContain('Statements signed');
    expect($('a[href="/en/statements/guatemala-vp-visit-2021"]').length).toBe(1);
    expect($('a[href="/en/workspace/organizations/cejil/edit"]').length).toBe(1);
    // Only the admin adds or archives members of the coalition.
    expect($('form[action$="/archive"]').length).toBe(0);
  });

  for (const [locale, messages] of [
    ['en', { name: 'Fill this in.', website: 'Write a full web address' }],
    ['es', { name: 'Completa este campo.', website: 'Escribe una dirección web completa' }],
  ] as const) {
    it(`[${locale}] bad input: messages next to each field, typed values kept, nothing created`, async () => {
      const count = (await ctx.db.select().from(t.organizations)).length;
      const response = await as('admin').post(
        `/${locale}/workspace/organizations`,
        {
          name: '  ',
          acronym: 'ÑU',
          website: 'ejemplo',
          country: 'GT',
          kind: 'ngo',
          boilerplate_es: 'Texto <b>escrito</b>',
        },
        `/${locale}/workspace`,
      );
      expect(response.statusCode).toBe(400);
      const $ = cheerio.load(response.body);
      expect($('html').attr('lang')).toBe(locale);
      expect($('#f-name').attr('aria-invalid')).toBe('true');
      expect($('#f-name').attr('aria-describedby')).toContain('f-name-error');
      expect($('#f-name-error').text()).toContain(messages.name);
      expect($('#f-website-error').text()).toContain(messages.website);
      expect($('#f-website').attr('value')).toBe('ejemplo');
      expect($('#f-acronym').attr('value')).toBe('ÑU');
      expect($('#f-country option[selected]').attr('value')).toBe('GT');
      expect($('#f-boilerplate_es').text()).toBe('Texto <b>escrito</b>');
      expect($('.error-summary a[href="#f-name"]').length).toBe(1);
      expect((await ctx.db.select().from(t.organizations)).length).toBe(count);
    });
  }

  it('[es] a text over its limit: named by its label with the limit, which the form also gives the browser', async () => {
    const response = await as('admin').post(
      '/es/workspace/organizations',
      { name: 'Red Larga', acronym: 'Ñ'.repeat(51), kind: 'ngo', boilerplate_en: 'b'.repeat(5001) },
      '/es/workspace',
    );
    expect(response.statusCode).toBe(400);
    const $ = cheerio.load(response.body);
    const label = $('label[for="f-acronym"] span').first().text();
    expect(label).not.toBe('');
    expect($('#f-acronym-error').text()).toContain('como máximo 50 caracteres; el texto tiene 51.');
    const summary = $('.error-summary a')
      .map((_, a) => $(a).text())
      .get();
    expect(summary).toContain(`${label}: como máximo 50 caracteres; el texto tiene 51.`);
    expect(summary.some((line) => line.endsWith('como máximo 5000 caracteres; el texto tiene 5001.'))).toBe(true);
    expect(summary.join(' ')).not.toMatch(/acronym|boilerplate_en/);
    expect($('#f-acronym').attr('maxlength')).toBe('50');
    expect($('#f-boilerplate_en').attr('maxlength')).toBe('5000');
    expect($('#f-acronym').attr('value')).toBe('Ñ'.repeat(51));
  });

  it('creates an organization with both “About” texts, writes the audit row, lists and finds it', async () => {
    const response = await as('admin').post(
      '/en/workspace/organizations',
      {
        name: 'Asociación Pro Niñez',
        acronym: 'APN',
        aliases: 'Pro Niñez\nAPN Guatemala',
        website: 'https://apn.example.org',
        country: 'GT',
        kind: 'ngo',
        boilerplate_es: 'Defiende los derechos de la niñez.',
        boilerplate_en: 'Defends children’s rights.',
      },
      '/en/workspace',
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/workspace/organizations/apn?saved=1');
    // The page after the save says so, once: without the flag (a later visit) it does not.
    const after = cheerio.load((await as('admin').get(response.headers.location!)).body);
    expect(after('main > [role=status]').text()).toBe('Saved.');
    const later = cheerio.load((await as('admin').get('/en/workspace/organizations/apn')).body);
    expect(later('main > [role=status]').length).toBe(0);
    const created = await row('apn');
    expect(created.aliases).toEqual(['Pro Niñez', 'APN Guatemala']);
    // The first language in the catalog with text is the original; the other is its translation.
    expect(translationState(created.boilerplate, 'en')).toBe('original');
    expect(translationState(created.boilerplate, 'es')).toBe('translation');
    const audit = await auditOf(created.id);
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([['create', 'admin@example.org']]);
    const list = cheerio.load((await as('editor').get('/en/workspace/organizations?q=ninez')).body);
    expect(list('tbody tr').length).toBe(1);
    expect(list('tbody a').text()).toBe('Asociación Pro Niñez');
  });

  it('a member edits their “About” text: saved, versioned, audited; the other language turns out of date', async () => {
    const before = await row('cejil');
    const response = await as('memberOwn').post(
      '/en/workspace/organizations/cejil/edit',
      { ...formOf(before), boilerplate_en: 'CEJIL defends human rights across the Americas.' },
      '/en/workspace',
    );
    expect(response.statusCode).toBe(303);
    const after = await row('cejil');
    expect(after.version).toBe(before.version + 1);
    expect(after.boilerplate.en?.text).toBe('CEJIL defends human rights across the Americas.');
    expect(translationState(after.boilerplate, 'es')).toBe('stale');
    const [entry] = (await auditOf(after.id)).slice(-1);
    expect(entry?.action).toBe('update');
    expect(entry?.actorLabel).toBe('m@cejil.org');
    const $ = cheerio.load((await as('memberOwn').get('/es/workspace/organizations/cejil/edit')).body);
    expect($('label[for=f-boilerplate_es] .state').text()).toBe('traducción desactualizada');
    expect($('input[name=boilerplate_es_confirmed]').length).toBe(1);
  });

  it('a stale form gets the conflict screen with the other change, and keeps what was typed', async () => {
    const opened = await row('flacso-guatemala');
    const first = await as('admin').post(
      '/en/workspace/organizations/flacso-guatemala/edit',
      { ...formOf(opened), website: 'https://flacso.edu.gt/new' },
      '/en/workspace',
    );
    expect(first.statusCode).toBe(303);
    const second = await as('admin').post(
      '/es/workspace/organizations/flacso-guatemala/edit',
      { ...formOf(opened), boilerplate_en: 'My careful rewrite that must not be lost.' },
      '/es/workspace',
    );
    expect(second.statusCode).toBe(409);
    const $ = cheerio.load(second.body);
    expect($('.conflict-notice h2').text()).toBe('Otra persona hizo un cambio antes');
    expect($('.conflict-notice').text()).toContain('https://flacso.edu.gt/new');
    expect($('#f-boilerplate_en').text()).toBe('My careful rewrite that must not be lost.');
    const current = await row('flacso-guatemala');
    expect(current.boilerplate.en?.text).toBe(opened.boilerplate.en?.text);
    expect($('input[name=version]').attr('value')).toBe(String(current.version));
    // Saving again from the conflict screen is deliberate, and works.
    const form = Object.fromEntries(
      $('form[method=post] [name]')
        .toArray()
        .filter((el) => $(el).attr('name') !== '_csrf' && $(el).attr('type') !== 'checkbox')
        .map((el) => [$(el).attr('name')!, $(el).is('textarea') ? $(el).text() : String($(el).val() ?? '')]),
    );
    const third = await as('admin').post('/es/workspace/organizations/flacso-guatemala/edit', form, '/es/workspace');
    expect(third.statusCode).toBe(303);
    const saved = await row('flacso-guatemala');
    expect(saved.boilerplate.en?.text).toBe('My careful rewrite that must not be lost.');
    expect(saved.website).toBe('https://flacso.edu.gt/new');
  });

  it('archives without deleting: out of lists and the public directory, public page and history stay', async () => {
    const o = await row('rjm');
    const response = await as('admin').post(
      '/en/workspace/organizations/rjm/archive',
      { archived: '1', version: o.version },
      '/en/workspace',
    );
    expect(response.statusCode).toBe(303);
    expect((await row('rjm')).archivedAt).not.toBeNull();
    const list = (await as('editor').get('/en/workspace/organizations')).body;
    expect(list).not.toContain('/workspace/organizations/rjm"');
    expect((await as('editor').get('/en/workspace/organizations?archived=1')).body).toContain(
      '/workspace/organizations/rjm"',
    );
    expect((await as('anonymous').get('/en/organizations')).body).not.toContain('/en/organizations/rjm"');
    expect((await as('anonymous').get('/en/organizations/rjm')).statusCode).toBe(200);
    const editorTry = await as('editor').post(
      '/en/workspace/organizations/rjm/archive',
      { archived: '0', version: o.version + 1 },
      '/en/workspace',
    );
    expect(editorTry.statusCode).toBe(403);
    expect((await auditOf(o.id)).map((a) => a.action)).toContain('archive');
  });

  async function row(slug: string) {
    const [r] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, slug));
    return r!;
  }

  async function auditOf(id: number) {
    return ctx.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, 'organization'), eq(t.auditLog.entityId, String(id))))
      .orderBy(t.auditLog.id);
  }
});

/** The edit form as the browser would send it for this row, unchanged. */
function formOf(o: typeof t.organizations.$inferSelect): Record<string, string | number> {
  return {
    version: o.version,
    name: o.name,
    acronym: o.acronym ?? '',
    aliases: o.aliases.join('\n'),
    website: o.website ?? '',
    country: o.country ?? '',
    kind: o.kind,
    localizedName_en: o.localizedName.en?.text ?? '',
    localizedName_es: o.localizedName.es?.text ?? '',
    boilerplate_en: o.boilerplate.en?.text ?? '',
    boilerplate_es: o.boilerplate.es?.text ?? '',
  };
}
