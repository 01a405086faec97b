/**
 * Issue 15: a form never lists a whole registry table. With more organizations, people and
 * statements than a picker offers (CHOICES_LIMIT), the statement and release editors stay small, and
 * a row found by the picker's search can be chosen and saved. Find posts the form being edited
 * (`_action=find`): the form comes back with what was typed and what was found, and nothing is written
 * (no row, no version, no audit). Both engines.
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { seedRegistry } from '../../../test/support/statements.js';
import { createUserWithPassword, signedIn, type Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { CHOICES_FIRST, CHOICES_LIMIT } from '../../platform/db/choices.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { EDITOR_RECOMMENDATIONS_PAGE } from '../statements/index.js';

const NOW = new Date('2026-11-27T12:00:00Z');
/** Rows of each kind beyond what a picker offers, so only a search can find the last ones. */
const MANY = CHOICES_LIMIT * 3;

describeEachEngine('bounded pickers', (ctx) => {
  let app: FastifyTypeBox;
  let ana: Visitor;
  const page = async (url: string) => {
    const response = await ana.get(url);
    expect(response.statusCode).toBe(200);
    return { $: cheerio.load(response.body), bytes: response.rawPayload.length };
  };
  const auditRows = async () => (await ctx.db.select({ id: t.auditLog.id }).from(t.auditLog)).length;
  const idOf = async (table: typeof t.organizations | typeof t.people, slug: string) =>
    (await ctx.db.select({ id: table.id }).from(table).where(eq(table.slug, slug)))[0]!.id;

  beforeAll(async () => {
    await seedRegistry(ctx.db);
    const n = Array.from({ length: MANY }, (_, i) => String(i).padStart(3, '0'));
    // Names sort "Bulk …" first, so the "Zeta needle" rows are never among the first offered.
    await ctx.db
      .insert(t.organizations)
      .values([
        ...n.map((i) => ({ slug: `bulk-org-${i}`, name: `Bulk organization ${i}` })),
        { slug: 'zeta-needle', name: 'Zeta Needle Collective' },
      ]);
    await ctx.db
      .insert(t.people)
      .values([
        ...n.map((i) => ({ slug: `bulk-person-${i}`, name: `Bulk person ${i}` })),
        { slug: 'zeta-needle-person', name: 'Zeta Needlewoman' },
      ]);
    await ctx.db.insert(t.statements).values([
      // Older than every other statement, so never among the newest offered.
      { slug: 'old-needle', date: '2001-01-01', title: localized('en', 'The old needle statement') },
      ...n.map((i) => ({ slug: `bulk-statement-${i}`, date: '2026-01-01', title: localized('en', `Bulk ${i}`) })),
    ]);
    app = await buildApp({ db: ctx.db, now: () => NOW });
    await createUserWithPassword(ctx.db, { email: 'ana@example.org', role: 'editor' });
    ana = await signedIn(app, 'ana@example.org');
  });

  it('signatories: the statement page offers a bounded list; a searched organization is signed on', async () => {
    const base = '/en/workspace/statements/bulk-statement-001';
    const { $, bytes } = await page(base);
    const offered = $('input[type=checkbox][name=signatories]');
    expect(offered.length).toBe(CHOICES_FIRST);
    expect(bytes).toBeLessThan(40 * 1024);
    // The search is part of the signatories' form: Find posts it, with its CSRF token.
    const form = $('form[action$="/signatories"]');
    expect(form.find('#find-signatories-words').attr('form')).toBeUndefined();
    expect(form.find('button[name=_action][value=find]').attr('formaction')).toBe(
      `${base}/signatories#signatories-title`,
    );
    expect($('form[method=get]').length).toBe(0);
    const needle = await idOf(t.organizations, 'zeta-needle');
    expect($(`#signatories-${needle}`).length).toBe(0);

    // Tick an organization, give it a role, search: the tick and the role stay, nothing is written.
    const ticked = Number(offered.first().val());
    const version = form.find('input[name=version]').val() as string;
    const [before] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, 'bulk-statement-001'));
    const audited = await auditRows();
    const search = await ana.post(
      `${base}/signatories`,
      {
        _action: 'find',
        'find-signatories': 'needle',
        version,
        signatories: String(ticked),
        [`signatories_order_${ticked}`]: '1',
        [`signatories_role_${ticked}`]: 'convener',
      },
      base,
    );
    expect(search.statusCode).toBe(200);
    const found = cheerio.load(search.body);
    expect(found(`#signatories-${needle}`).length).toBe(1);
    expect(found(`#signatories-${needle}`).attr('checked')).toBeUndefined();
    expect(found(`#signatories-${ticked}`).attr('checked')).toBeDefined();
    expect(found(`select[name=signatories_role_${ticked}]`).val()).toBe('convener');
    expect(found('#find-signatories-words').val()).toBe('needle');
    expect(found('.choice-search [role=status]').text()).toContain('Nothing is saved yet');
    const [unchanged] = await ctx.db.select().from(t.statements).where(eq(t.statements.id, before!.id));
    expect(unchanged!.version).toBe(before!.version);
    expect(await ctx.db.select().from(t.signatories).where(eq(t.signatories.statementId, before!.id))).toEqual([]);
    expect(await auditRows()).toBe(audited);

    const saved = await ana.post(
      `${base}/signatories`,
      { version, signatories: String(needle), [`signatories_order_${needle}`]: '1' },
      base,
    );
    expect(saved.statusCode).toBe(303);
    const [statement] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, 'bulk-statement-001'));
    const rows = await ctx.db.select().from(t.signatories).where(eq(t.signatories.statementId, statement!.id));
    expect(rows.map((r) => r.organizationId)).toEqual([needle]);
    // Chosen, it is listed (ticked) without a search, besides the first ones offered.
    const after = (await page(base)).$;
    expect(after(`#signatories-${needle}`).attr('checked')).toBeDefined();
    expect(after('input[name=signatories]').length).toBe(CHOICES_FIRST + 1);
    // A search lists up to CHOICES_LIMIT matches, and says when there are more.
    const latest = after('form[action$="/signatories"] input[name=version]').val() as string;
    const many = cheerio.load(
      (await ana.post(`${base}/signatories`, { _action: 'find', 'find-signatories': 'bulk', version: latest }, base))
        .body,
    );
    expect(many('input[name=signatories]').length).toBe(CHOICES_LIMIT + 1);
    expect(many('.choice-search [role=status]').text()).toContain(`first ${CHOICES_LIMIT} matches`);
  });

  it('a quote’s person: a bounded select; a searched person is saved', async () => {
    const base = '/en/workspace/statements/bulk-statement-002/quotes';
    const { $, bytes } = await page(`${base}/new`);
    expect($('select[name=personId] option[value!=""]').length).toBe(CHOICES_FIRST);
    expect(bytes).toBeLessThan(40 * 1024);
    const needle = await idOf(t.people, 'zeta-needle-person');
    // Typed words survive a search of the person; no quote is made by it.
    const search = await ana.post(
      base,
      {
        _action: 'find',
        'find-person': 'needlewoman',
        originalLocale: 'en',
        personId: '',
        text_en: 'Typed, not saved.',
      },
      `${base}/new`,
    );
    expect(search.statusCode).toBe(200);
    const found = cheerio.load(search.body);
    expect(found(`select[name=personId] option[value="${needle}"]`).length).toBe(1);
    expect(found('textarea[name=text_en]').text()).toBe('Typed, not saved.');
    expect(await ctx.db.select().from(t.quotes).where(eq(t.quotes.personId, needle))).toEqual([]);
    const created = await ana.post(
      base,
      { originalLocale: 'en', personId: String(needle), text_en: 'We will not stop.' },
      `${base}/new`,
    );
    expect(created.statusCode).toBe(303);
    const [quote] = await ctx.db.select().from(t.quotes).where(eq(t.quotes.personId, needle));
    expect(quote).toBeDefined();
    // Its edit page offers the quote's person without a search.
    const edit = (await page(`${base}/${quote!.id}`)).$;
    expect(edit(`select[name=personId] option[value="${needle}"]`).attr('selected')).toBeDefined();
  });

  it('the release editor: statement, contacts and boilerplates bounded; searched rows are saved', async () => {
    const created = await ana.post(
      '/en/workspace/releases',
      {
        slug: 'bulk-release',
        originalLocale: 'en',
        statementId: '',
        releaseDate: '2026-11-27',
        headline_en: 'Bulk release',
        endMark: '###',
        timing: 'immediate',
        timeZone: 'America/Guatemala',
      },
      '/en/workspace/releases/new',
    );
    expect(created.statusCode).toBe(303);
    const base = '/en/workspace/releases/bulk-release';
    const { $, bytes } = await page(base);
    expect(bytes).toBeLessThan(100 * 1024);
    expect($('select[name=statementId] option[value!=""]').length).toBe(CHOICES_FIRST);
    expect($('input[type=checkbox][name=contacts]').length).toBe(CHOICES_FIRST);
    expect($('input[type=checkbox][name=boilerplates]').length).toBe(CHOICES_FIRST);

    const person = await idOf(t.people, 'zeta-needle-person');
    const organization = await idOf(t.organizations, 'zeta-needle');
    const [statement] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, 'old-needle'));
    // Every search posts the one form: a typed headline, the other searches' words and the preview's
    // language are kept, and the release is not saved (same version, no audit row).
    const version = $('form.release-form input[name=version]').val() as string;
    const audited = await auditRows();
    const search = await ana.post(
      base,
      {
        _action: 'find',
        version,
        originalLocale: 'en',
        preview: 'es',
        statementId: '',
        releaseDate: '2026-11-27',
        headline_en: 'A headline typed, not saved',
        endMark: '###',
        timing: 'immediate',
        timeZone: 'America/Guatemala',
        blockCount: '0',
        'find-contacts': 'needle',
        'find-boilerplates': 'needle',
        'find-statement': 'old needle',
      },
      base,
    );
    expect(search.statusCode).toBe(200);
    const searched = cheerio.load(search.body);
    expect(searched(`#contacts-${person}`).length).toBe(1);
    expect(searched(`#boilerplates-${organization}`).length).toBe(1);
    expect(searched(`select[name=statementId] option[value="${statement!.id}"]`).length).toBe(1);
    expect(searched('input[name=headline_en]').val()).toBe('A headline typed, not saved');
    expect(searched('form.release-form input[name=preview]').val()).toBe('es');
    expect(searched('#find-boilerplates-words').val()).toBe('needle');
    const [unsaved] = await ctx.db.select().from(t.releases).where(eq(t.releases.slug, 'bulk-release'));
    expect(String(unsaved!.version)).toBe(version);
    expect(unsaved!.headline.en?.text).toBe('Bulk release');
    expect(await auditRows()).toBe(audited);

    const saved = await ana.post(
      base,
      {
        version,
        originalLocale: 'en',
        statementId: String(statement!.id),
        releaseDate: '2026-11-27',
        headline_en: 'Bulk release',
        endMark: '###',
        timing: 'immediate',
        timeZone: 'America/Guatemala',
        blockCount: '0',
        contacts: String(person),
        [`contacts_order_${person}`]: '1',
        boilerplates: String(organization),
        [`boilerplates_order_${organization}`]: '1',
      },
      base,
    );
    expect(saved.statusCode).toBe(303);
    const [release] = await ctx.db.select().from(t.releases).where(eq(t.releases.slug, 'bulk-release'));
    expect(release!.statementId).toBe(statement!.id);
    const contacts = await ctx.db.select().from(t.releaseContacts).where(eq(t.releaseContacts.releaseId, release!.id));
    expect(contacts.map((c) => c.personId)).toEqual([person]);
    const after = (await page(base)).$;
    expect(after(`#contacts-${person}`).attr('checked')).toBeDefined();
    expect(after(`#boilerplates-${organization}`).attr('checked')).toBeDefined();
    expect(after(`select[name=statementId] option[value="${statement!.id}"]`).attr('selected')).toBeDefined();
  });

  it('the statement editor lists its recommendations a page at a time; a move comes back to its page', async () => {
    const [statement] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, 'bulk-statement-003'));
    const count = EDITOR_RECOMMENDATIONS_PAGE + 5;
    await ctx.db.insert(t.recommendations).values(
      Array.from({ length: count }, (_, i) => ({
        statementId: statement!.id,
        slug: `r${i + 1}`,
        position: i,
        text: localized('en', `Numbered ${i + 1}: ${'long words '.repeat(60)}`),
      })),
    );
    const base = '/en/workspace/statements/bulk-statement-003';
    const { $ } = await page(base);
    const items = $('#recommendations-title').parent().find('ol.workspace-items > li');
    expect(items.length).toBe(EDITOR_RECOMMENDATIONS_PAGE);
    // Each is listed by the start of its text; its own page has the rest.
    expect(items.first().find('a').first().text().length).toBeLessThan(300);
    expect($('#recommendations-title').parent().find('.meta').text()).toBe(
      `Recommendations 1 to ${EDITOR_RECOMMENDATIONS_PAGE} of ${count}.`,
    );
    const next = $('#recommendations-title').parent().find('.pager a[rel=next]').attr('href')!;
    const second = (await page(next)).$;
    const rest = second('ol.workspace-items > li');
    expect(rest.length).toBe(5);
    expect(rest.first().attr('value')).toBe(String(EDITOR_RECOMMENDATIONS_PAGE + 1));
    expect(rest.first().text()).toContain(`Numbered ${EDITOR_RECOMMENDATIONS_PAGE + 1}:`);
    // Moving the last one up: it swaps with the one before, and the editor is back on its page, at it.
    const move = rest.last().find('form.row-actions');
    const moved = await ana.post(
      move.attr('action')!,
      { version: move.find('input[name=version]').val() as string, direction: 'up' },
      next,
    );
    expect(moved.statusCode).toBe(303);
    const id = move.attr('action')!.split('/').at(-2);
    expect(moved.headers.location).toMatch(new RegExp(`\\?after=[\\w-]+&saved=1#recommendation-${id}$`));
    const back = (await page(moved.headers.location!)).$;
    expect(back('ol.workspace-items > li').length).toBe(5);
    expect(back('ol.workspace-items > li').eq(3).text()).toContain(`Numbered ${count}:`);
    expect(back('ol.workspace-items > li').eq(3).attr('value')).toBe(String(count - 1));
  });
});
