/**
 * People, themes, addressees and the translations view over HTTP, per role, on both engines:
 * allowed and forbidden, messages in both languages with values kept, phone normalization,
 * reordering, archiving and the version check.
 */
import * as cheerio from 'cheerio';
import { and, asc, eq, gt, max, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { type Visitor, visitorsAs } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';

type Who = 'anonymous' | 'member' | 'editor' | 'admin';

describeEachEngine('workspace: people, themes, addressees, translations', (ctx) => {
  let app: FastifyTypeBox;
  const visitors = new Map<Who, Visitor>();
  const as = (who: Who) => visitors.get(who)!;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db });
    const signedInAs = await visitorsAs(app, ctx.db, {
      anonymous: null,
      member: { email: 'm@cejil.org', role: 'member', organization: 'cejil' },
      editor: { email: 'editor@example.org', role: 'editor' },
      admin: { email: 'admin@example.org', role: 'admin' },
    });
    for (const [who, visitor] of signedInAs) visitors.set(who, visitor);
  });

  describe('who may open what', () => {
    const pages: { path: string; allowed: Who[] }[] = [
      { path: '/en/workspace/people', allowed: ['editor', 'admin'] },
      { path: '/en/workspace/people/new', allowed: ['member', 'editor', 'admin'] },
      // A contact of another organization (Alianza Américas): not the CEJIL member's to edit.
      { path: '/en/workspace/people/fernanda-durand/edit', allowed: ['editor', 'admin'] },
      { path: '/en/workspace/themes', allowed: ['editor', 'admin'] },
      { path: '/en/workspace/themes/new', allowed: ['editor', 'admin'] },
      { path: '/en/workspace/themes/governance-rule-of-law/edit', allowed: ['editor', 'admin'] },
      { path: '/en/workspace/addressees', allowed: ['editor', 'admin'] },
      { path: '/en/workspace/addressees/new', allowed: ['editor', 'admin'] },
      { path: '/en/workspace/addressees/us-government/edit', allowed: ['editor', 'admin'] },
      { path: '/en/workspace/translations', allowed: ['editor', 'admin'] },
    ];
    for (const { path, allowed } of pages) {
      it(path, async () => {
        for (const who of ['anonymous', 'member', 'editor', 'admin'] as Who[]) {
          const response = await as(who).get(path);
          const expected = who === 'anonymous' ? 303 : allowed.includes(who) ? 200 : 403;
          expect(response.statusCode, `${who} ${path}`).toBe(expected);
        }
      });
    }

    it('shows each role only the navigation it may use', async () => {
      const links = async (who: Who) =>
        cheerio
          .load((await as(who).get('/en/workspace')).body)('nav[aria-label=Workspace] a')
          .toArray()
          .map((a) => a.attribs.href);
      expect(await links('member')).toEqual(['/en/workspace', '/en/workspace/my-organization', '/en/']);
      expect(await links('editor')).toContain('/en/workspace/themes');
      expect(await links('editor')).not.toContain('/en/workspace/my-organization');
    });
  });

  it('a member adds a contact to their own organization, phone normalized, and cannot file one elsewhere', async () => {
    const created = await as('member').post(
      '/en/workspace/people',
      {
        name: 'Ana Pérez',
        role_es: 'Coordinadora de prensa',
        organization: 'cejil',
        phone: '+502 2414 7444',
        isPressContact: '1',
      },
      '/en/workspace',
    );
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/en/workspace/organizations/cejil?saved=1');
    const [ana] = await ctx.db.select().from(t.people).where(eq(t.people.slug, 'ana-perez'));
    expect(ana?.phone).toBe('+50224147444');
    expect(ana?.role.es?.origin).toBe('original');
    const overview = cheerio.load((await as('member').get('/en/workspace/organizations/cejil')).body);
    expect(overview('main').text()).toContain('Ana Pérez');
    const elsewhere = await as('member').post(
      '/en/workspace/people',
      { name: 'Intruder', organization: 'afsc' },
      '/en/workspace',
    );
    expect(elsewhere.statusCode).toBe(403);
    expect(await ctx.db.select().from(t.people).where(eq(t.people.name, 'Intruder'))).toEqual([]);
  });

  for (const [locale, phoneMessage, emailMessage] of [
    ['en', 'This is not a valid phone number', 'Write an email address'],
    ['es', 'Este número de teléfono no es válido', 'Escribe un correo electrónico'],
  ] as const) {
    it(`[${locale}] a bad phone and email are explained next to their fields, with what was typed`, async () => {
      const response = await as('editor').post(
        `/${locale}/workspace/people`,
        { name: 'Luis Gómez', phone: '12', email: 'luis-at-example', organization: '' },
        `/${locale}/workspace`,
      );
      expect(response.statusCode).toBe(400);
      const $ = cheerio.load(response.body);
      expect($('#f-phone-error').text()).toContain(phoneMessage);
      expect($('#f-email-error').text()).toContain(emailMessage);
      expect($('#f-phone').attr('aria-invalid')).toBe('true');
      expect($('#f-name').attr('value')).toBe('Luis Gómez');
      expect($('#f-email').attr('value')).toBe('luis-at-example');
    });
  }

  it('reads a national number with the organization’s country', async () => {
    const response = await as('editor').post(
      '/en/workspace/people',
      { name: 'Local Number', organization: 'flacso-guatemala', phone: '2414 7444' },
      '/en/workspace',
    );
    expect(response.statusCode).toBe(303);
    const [row] = await ctx.db.select().from(t.people).where(eq(t.people.slug, 'local-number'));
    expect(row?.phone).toBe('+50224147444');
  });

  it('creates a theme at the end and moves it up; both swapped themes are versioned and audited', async () => {
    const [es] = [await as('editor').post('/es/workspace/themes', { label_es: '', label_en: '' }, '/es/workspace')];
    expect(es.statusCode).toBe(400);
    expect(cheerio.load(es.body)('.field-error').text()).toContain('Escríbelo al menos en un idioma.');
    const created = await as('editor').post(
      '/en/workspace/themes',
      { label_en: 'Climate migration', label_es: 'Migración climática' },
      '/en/workspace',
    );
    expect(created.statusCode).toBe(303);
    const order = async () => (await ctx.db.select().from(t.themes).orderBy(t.themes.position)).map((r) => r.slug);
    const before = await order();
    expect(before.at(-1)).toBe('climate-migration');
    const [theme] = await ctx.db.select().from(t.themes).where(eq(t.themes.slug, 'climate-migration'));
    const moved = await as('editor').post(
      '/en/workspace/themes/climate-migration/move',
      { direction: 'up', version: theme!.version },
      '/en/workspace',
    );
    expect(moved.statusCode).toBe(303);
    const after = await order();
    expect(after.at(-2)).toBe('climate-migration');
    expect(after.at(-1)).toBe(before.at(-2));
    const moves = await ctx.db.select().from(t.auditLog).where(eq(t.auditLog.action, 'move'));
    expect(moves.length).toBe(2);
    // The same stale button again: refused, nothing moves.
    const stale = await as('editor').post(
      '/en/workspace/themes/climate-migration/move',
      { direction: 'up', version: theme!.version },
      '/en/workspace',
    );
    expect(stale.statusCode).toBe(409);
    expect(await order()).toEqual(after);
  });

  it('an addressee cannot be part of itself; a stale edit shows the conflict and keeps the typed name', async () => {
    const [row] = await ctx.db.select().from(t.addressees).where(eq(t.addressees.slug, 'us-government'));
    const form = {
      version: row!.version,
      name_en: row!.name.en?.text ?? '',
      name_es: row!.name.es?.text ?? '',
      kind: row!.kind,
      country: row!.country ?? '',
    };
    const self = await as('editor').post(
      '/es/workspace/addressees/us-government/edit',
      { ...form, parent: 'us-government' },
      '/es/workspace',
    );
    expect(self.statusCode).toBe(400);
    expect(cheerio.load(self.body)('#f-parent-error').text()).toContain('no puede formar parte de sí mismo');
    const first = await as('admin').post(
      '/en/workspace/addressees/us-government/edit',
      { ...form, name_es: 'Gobierno de EE. UU.' },
      '/en/workspace',
    );
    expect(first.statusCode).toBe(303);
    const second = await as('editor').post(
      '/en/workspace/addressees/us-government/edit',
      { ...form, name_en: 'The United States Government' },
      '/en/workspace',
    );
    expect(second.statusCode).toBe(409);
    const $ = cheerio.load(second.body);
    expect($('.conflict-notice').text()).toContain('admin@example.org');
    expect($('.conflict-notice').text()).toContain('Gobierno de EE. UU.');
    expect($('#f-name_en').attr('value')).toBe('The United States Government');
    // Untouched by this editor: the newer Spanish name, not the one they opened.
    expect($('#f-name_es').attr('value')).toBe('Gobierno de EE. UU.');
  });

  it('archives and restores a person, a theme and an addressee, audited, each back to where its list lives', async () => {
    const [person] = await ctx.db.select().from(t.people).where(eq(t.people.slug, 'fernanda-durand'));
    const [theme] = await ctx.db.select().from(t.themes).where(eq(t.themes.slug, 'governance-rule-of-law'));
    const [addressee] = await ctx.db.select().from(t.addressees).where(ne(t.addressees.slug, 'us-government'));
    // Other tests edit these rows too (reorder, translations): read only the records written from here on.
    const [{ lastAudit }] = (await ctx.db.select({ lastAudit: max(t.auditLog.id) }).from(t.auditLog)) as [
      { lastAudit: number | null },
    ];
    const cases = [
      { table: t.people, entityType: 'person', row: person!, list: '/en/workspace/people' },
      { table: t.themes, entityType: 'theme', row: theme!, list: '/en/workspace/themes' },
      { table: t.addressees, entityType: 'addressee', row: addressee!, list: '/en/workspace/addressees' },
    ];
    for (const { table, entityType, row, list } of cases) {
      const stored = async () => (await ctx.db.select().from(table).where(eq(table.id, row.id)))[0]!;
      const action = `${list}/${row.slug}/archive`;
      const archived = await as('editor').post(action, { archived: '1', version: row.version }, '/en/workspace');
      expect(archived.statusCode, entityType).toBe(303);
      expect(archived.headers.location).toBe(`${list}?saved=1`);
      expect((await stored()).archivedAt).not.toBeNull();
      expect((await as('editor').get(list)).body).not.toContain(`/${row.slug}/edit"`);
      // The same button again, from a page opened before: refused, still archived.
      const stale = await as('editor').post(action, { archived: '0', version: row.version }, '/en/workspace');
      expect(stale.statusCode, entityType).toBe(409);
      expect((await stored()).archivedAt).not.toBeNull();
      const restored = await as('editor').post(action, { archived: '0', version: row.version + 1 }, '/en/workspace');
      expect(restored.statusCode).toBe(303);
      expect((await stored()).archivedAt).toBeNull();
      const audit = await ctx.db
        .select()
        .from(t.auditLog)
        .where(
          and(
            eq(t.auditLog.entityType, entityType),
            eq(t.auditLog.entityId, String(row.id)),
            gt(t.auditLog.id, lastAudit ?? 0),
          ),
        )
        .orderBy(asc(t.auditLog.id));
      expect(audit.map((a) => a.action)).toEqual(['archive', 'restore']);
    }
    const memberTry = await as('member').post(
      `/en/workspace/themes/${theme!.slug}/archive`,
      { archived: '1', version: theme!.version + 2 },
      '/en/workspace',
    );
    expect(memberTry.statusCode).toBe(403);
  });

  it('lists missing and out-of-date translations per language, and filters them', async () => {
    await as('editor').post('/en/workspace/themes', { label_en: 'Only in English' }, '/en/workspace');
    // A new English original for a theme whose Spanish label was translated from the old one.
    const [theme] = await ctx.db.select().from(t.themes).where(eq(t.themes.slug, 'governance-rule-of-law'));
    const edited = await as('editor').post(
      '/en/workspace/themes/governance-rule-of-law/edit',
      { version: theme!.version, label_en: 'Governance, rule of law and justice', label_es: theme!.label.es!.text },
      '/en/workspace',
    );
    expect(edited.statusCode).toBe(303);
    const $ = cheerio.load((await as('editor').get('/en/workspace/translations')).body);
    const spanish = $('section[aria-labelledby=todo-es] tbody tr')
      .toArray()
      .map((tr) => $(tr).text());
    expect(spanish.some((row) => row.includes('Only in English') && row.includes('not translated'))).toBe(true);
    expect(
      spanish.some(
        (row) => row.includes('Governance, rule of law and justice') && row.includes('translation out of date'),
      ),
    ).toBe(true);
    const filtered = cheerio.load((await as('editor').get('/es/workspace/translations?lang=es&state=stale')).body);
    expect(filtered('section[aria-labelledby=todo-en]').length).toBe(0);
    expect(filtered('section[aria-labelledby=todo-es] .state-untranslated').length).toBe(0);
    expect(filtered('section[aria-labelledby=todo-es] .state-stale').text()).toContain('traducción desactualizada');
    // Confirming the unchanged translation clears it from the list.
    const [after] = await ctx.db.select().from(t.themes).where(eq(t.themes.slug, 'governance-rule-of-law'));
    await as('editor').post(
      '/en/workspace/themes/governance-rule-of-law/edit',
      {
        version: after!.version,
        label_en: after!.label.en!.text,
        label_es: after!.label.es!.text,
        label_es_confirmed: '1',
      },
      '/en/workspace',
    );
    const cleared = cheerio.load((await as('editor').get('/en/workspace/translations?lang=es&state=stale')).body);
    expect(cleared('section[aria-labelledby=todo-es]').text()).not.toContain('Governance, rule of law');
  });
});
