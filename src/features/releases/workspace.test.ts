/**
 * The release editor over HTTP on both engines: compose in one form, preview, embargo with an injected
 * clock, publish through the confirmation page.
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { seedRegistry, statementInput } from '../../../test/support/statements.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { createRecommendation, createStatement } from '../statements/index.js';

describeEachEngine('release editor in the workspace', (ctx) => {
  let app: FastifyTypeBox;
  let clock = new Date('2026-11-27T12:00:00Z');
  let registry: Awaited<ReturnType<typeof seedRegistry>>;
  let statementId = 0;
  const base = '/en/workspace/releases/coalition-asks';
  beforeAll(async () => {
    registry = await seedRegistry(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => clock });
    const ana = await createUserWithPassword(ctx.db, { email: 'ana@example.org', role: 'editor' });
    await createUserWithPassword(ctx.db, {
      email: 'member@rednorte.example',
      role: 'member',
      organizationId: registry.organizations[0]!.id,
    });
    const s = await createStatement(ctx.db, statementInput({ slug: 'asks' }), ana, clock);
    statementId = s.id;
    await createRecommendation(
      ctx.db,
      {
        statementSlug: 'asks',
        text: { en: 'Fund shelters', es: 'Financiar albergues' },
        themeIds: [],
        addresseeIds: [],
        originalLocale: 'en',
      },
      ana,
      clock,
    );
  });

  const page = async (visitor: Visitor, url: string) => cheerio.load((await visitor.get(url)).body);

  /**
   * What a browser would send from the editor's one form, as it stands on the page, with `changes`
   * typed over it (the test visitor sends one value per name: these pages tick at most one per list).
   */
  function editorForm($: cheerio.CheerioAPI, changes: Record<string, string> = {}): Record<string, string> {
    const sent: Record<string, string> = {};
    $('form.release-form')
      .find('input, select, textarea')
      .each((_, el) => {
        const f = $(el);
        const name = f.attr('name');
        const type = f.attr('type') ?? '';
        if (!name || name === '_csrf') return;
        if ((type === 'checkbox' || type === 'radio') && f.attr('checked') === undefined) return;
        if (name in sent) throw new Error(`${name} is sent twice`);
        if (el.tagName === 'select')
          sent[name] = f.find('option[selected]').attr('value') ?? f.find('option').first().attr('value') ?? '';
        else if (el.tagName === 'textarea') sent[name] = f.text();
        else sent[name] = f.attr('value') ?? '';
      });
    return { ...sent, ...changes };
  }
  const editorVersion = ($: cheerio.CheerioAPI) => $('form.release-form input[name=version]').val() as string;
  const audits = async (id: number) =>
    (
      await ctx.db
        .select()
        .from(t.auditLog)
        .where(eq(t.auditLog.entityId, String(id)))
    ).filter((a) => a.entityType === 'release');

  it('creates a release with an embargo typed in Guatemala’s zone; the preview shows its release line', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const created = await ana.post(
      '/en/workspace/releases',
      {
        slug: 'coalition-asks',
        originalLocale: 'en',
        statementId: String(statementId),
        releaseDate: '2026-11-27',
        headline_en: 'Coalition asks for shelters',
        headline_es: 'La coalición pide albergues',
        lead_en: 'Ten groups **ask** today.',
        lead_es: 'Diez grupos **piden** hoy.',
        datelinePlace_en: 'Guatemala City',
        datelinePlace_es: 'Ciudad de Guatemala',
        endMark: '###',
        timing: 'embargoed',
        embargoLocal: '2026-11-27T06:02',
        timeZone: 'America/Guatemala',
      },
      '/en/workspace/releases/new',
    );
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(`${base}?saved=1`);
    expect((await page(ana, created.headers.location!))('main > [role=status]').text()).toBe('Saved.');
    const $ = await page(ana, base);
    expect($('main > [role=status]').length).toBe(0);
    // The subheadline was left empty in both languages: optional, so shown neutrally, never as an error.
    expect($('#f-subheadline .state').first().text()).toBe('not translated');
    expect($('#f-subheadline .state-untranslated').length).toBe(2);
    expect($('main .state-missing').length).toBe(0);
    expect($('.release-preview .release-line').text()).toContain('EMBARGOED');
    expect($('.release-preview .release-line').text()).toContain('(America/Guatemala)');
    expect($('#f-embargoLocal').val()).toBe('2026-11-27T06:02');
    expect($('#f-timeZone').val()).toBe('America/Guatemala');
    const es = await page(ana, `${base}?preview=es`);
    expect(es('.release-preview h1').text()).toBe('La coalición pide albergues');
    expect(es('.release-preview article').attr('lang')).toBe('es');
    expect(es('.release-checks').text()).toContain('The linter found nothing.');
    // The release's own full-document address says when it is not the one linked.
    const hint = $(`#${$('#f-fullDocumentUrl').attr('aria-describedby')}`).text();
    expect(hint).toContain('Used only when the statement has no uploaded full document');
    const spanish = await page(ana, '/es/workspace/releases/coalition-asks');
    expect(spanish(`#${spanish('#f-fullDocumentUrl').attr('aria-describedby')}`).text()).toContain(
      'Solo se usa si la declaración no tiene un documento completo subido',
    );
  });

  it('one Save stores fields, contacts, highlights, blocks and embargo together; ticked highlights get their block', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    let $ = await page(ana, base);
    const [anaLopez, benOrtiz] = registry.people;
    // "Add a block" is its own small form: a quote with no one to say it is refused next to its field.
    const quote = await ana.post(
      `${base}/blocks/add`,
      { version: editorVersion($), kind: 'quote', person: '', text_en: 'No more.' },
      base,
    );
    expect(quote.statusCode).toBe(400);
    expect(cheerio.load(quote.body)('#f-person').closest('.field').find('.field-error').text()).toContain(
      'Fill this in',
    );
    expect(cheerio.load(quote.body)('#f-text_en').text()).toBe('No more.');
    const added = await ana.post(
      `${base}/blocks/add`,
      {
        version: editorVersion($),
        kind: 'quote',
        person: String(anaLopez!.id),
        text_en: 'No more.',
        text_es: 'Nunca más.',
      },
      base,
    );
    expect(added.statusCode).toBe(303);
    $ = await page(ana, added.headers.location!);
    expect($('main > [role=status]').text()).toBe('Saved.');
    expect($('form.release-form')).toHaveLength(1);
    // One Save (the pickers' Find buttons post the form as a search, `_action=find`, which saves nothing).
    expect($('form.release-form button[type=submit]:not([name=_action])')).toHaveLength(1);

    const [rec] = await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.statementId, statementId));
    const before = await releaseRow();
    const auditsBefore = (await audits(before.id)).length;
    const sent = editorForm($, {
      headline_en: 'Coalition asks for shelters now',
      contacts: String(benOrtiz!.id),
      [`contacts_order_${benOrtiz!.id}`]: '1',
      highlights: String(rec!.id),
      block_0_text_en: 'No more, ever.',
      embargoLocal: '2026-11-27T06:01',
    });
    const saved = await ana.post(base, sent, base);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${base}?saved=1`);
    $ = await page(ana, saved.headers.location!);
    expect($('main > [role=status]').text()).toBe('Saved.');
    const after = await releaseRow();
    expect(after.version).toBe(before.version + 1);
    expect(after.headline.en?.text).toBe('Coalition asks for shelters now');
    expect(after.embargoedUntil?.toISOString()).toBe('2026-11-27T12:01:00.000Z');
    const contacts = await ctx.db.select().from(t.releaseContacts).where(eq(t.releaseContacts.releaseId, after.id));
    expect(contacts.map((c) => c.personId)).toEqual([benOrtiz!.id]);
    const highlights = await ctx.db
      .select()
      .from(t.releaseHighlights)
      .where(eq(t.releaseHighlights.releaseId, after.id));
    expect(highlights.map((h) => h.recommendationId)).toEqual([rec!.id]);
    // Highlights were ticked and the body had no "Highlights list": the save added one at its end.
    const blocks = await ctx.db.select().from(t.releaseBlocks).orderBy(t.releaseBlocks.position);
    expect(blocks.map((b) => b.kind)).toEqual(['quote', 'highlights']);
    expect(blocks[0]!.text.en?.text).toBe('No more, ever.');
    // One change, one audit row, holding every part of it.
    const written = (await audits(after.id)).slice(auditsBefore);
    expect(written.map((a) => a.action)).toEqual(['update']);
    expect(written[0]!.after).toMatchObject({ contacts: [benOrtiz!.id], highlights: [rec!.id] });
    expect($('.release-preview .press-contacts').text()).toContain('Ben Ortiz');
    expect($('.release-preview blockquote').text()).toContain('No more, ever.');
    expect($('.release-preview ul').last().text()).toContain('Fund shelters');
    // Ben has no phone; Casa Sur has no English "About".
    expect($('.release-checks .gaps').text()).toContain('Ben Ortiz');

    // Reordered: the list before the quote, in the same one form.
    const reordered = await ana.post(base, editorForm($, { block_0_order: '2', block_1_order: '1' }), base);
    expect(reordered.statusCode).toBe(303);
    const again = await ctx.db.select().from(t.releaseBlocks).orderBy(t.releaseBlocks.position);
    expect(again.map((b) => b.kind)).toEqual(['highlights', 'quote']);
    expect(again[1]!.text.es?.origin).toBe('translation');
  });

  it('a save from a stale page is a 409 with the other change, keeps what was typed, and changes nothing', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const stalePage = await page(ana, base);
    const first = await ana.post(base, editorForm(stalePage, { subheadline_en: 'Saved first' }), base);
    expect(first.statusCode).toBe(303);
    const before = await releaseRow();
    const contactsBefore = await ctx.db
      .select()
      .from(t.releaseContacts)
      .where(eq(t.releaseContacts.releaseId, before.id));
    const auditsBefore = (await audits(before.id)).length;
    const [anaLopez] = registry.people;
    const stale = await ana.post(
      base,
      editorForm(stalePage, { headline_en: 'Typed on a stale page', contacts: String(anaLopez!.id) }),
      base,
    );
    expect(stale.statusCode).toBe(409);
    const $ = cheerio.load(stale.body);
    expect($('.conflict-notice').text()).toContain('Saved first');
    expect($('#f-headline_en').val()).toBe('Typed on a stale page');
    expect($(`#contacts-${anaLopez!.id}`).attr('checked')).toBeDefined();
    expect(await releaseRow()).toEqual(before);
    expect(await ctx.db.select().from(t.releaseContacts).where(eq(t.releaseContacts.releaseId, before.id))).toEqual(
      contactsBefore,
    );
    expect((await audits(before.id)).length).toBe(auditsBefore);
  });

  it('previews the draft as PDF and Word for editors only; the public sees nothing of it', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const pdf = await ana.get(`${base}/preview.pdf?lang=es`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await ana.get(`${base}/preview.docx`);
    expect(docx.headers['content-disposition']).toContain('coalition-asks-en-draft.docx');
    const member = await signedIn(app, 'member@rednorte.example');
    expect((await member.get(`${base}/preview.pdf`)).statusCode).toBe(403);
    expect((await new Visitor(app).get(`${base}/preview.pdf`)).statusCode).toBe(303);
    expect((await new Visitor(app).get('/en/releases/coalition-asks')).statusCode).toBe(404);
    expect((await new Visitor(app).get('/en/releases/coalition-asks/release.pdf')).statusCode).toBe(404);
  });

  const releaseRow = async () =>
    (await ctx.db.select().from(t.releases).where(eq(t.releases.slug, 'coalition-asks')))[0]!;
  const publishAudits = async (id: number) =>
    (
      await ctx.db
        .select()
        .from(t.auditLog)
        .where(eq(t.auditLog.entityId, String(id)))
    ).filter((a) => a.entityType === 'release' && a.action === 'publish');

  it('while its statement is a draft: the editor is warned first, publishing is refused with the reason in both languages, nothing changes', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const before = await releaseRow();
    const $ = await page(ana, base);
    expect($('.publication .notice-warning').text()).toBe(
      'The statement it presents, “Protect people on the move”, is not public (draft): the public sees this release only once that statement is public, and it cannot be published before.',
    );
    const es = await page(ana, '/es/workspace/releases/coalition-asks');
    expect(es('.publication .notice-warning').text()).toBe(
      'La declaración que presenta, «Proteger a las personas en movimiento», no es pública (borrador): el público verá este comunicado solo cuando esa declaración sea pública, y no puede publicarse antes.',
    );
    // "Publish" is a link to the confirmation page, which says what stands in the way.
    expect($('.publication a.button').attr('href')).toBe(`${base}/publish`);
    const confirm = await page(ana, `${base}/publish`);
    expect(confirm('.release-checks .notice-warning').text()).toContain('is not public (draft)');
    const version = editorVersion($);
    const refused = await ana.post(`${base}/publish`, { version, confirmed: '1' }, base);
    expect(refused.statusCode).toBe(400);
    expect(cheerio.load(refused.body)('.error-summary').text()).toContain(
      'The statement it presents is not public (a draft, or withdrawn): publish the statement first. A release never goes public before its statement.',
    );
    const refusedEs = await ana.post(
      '/es/workspace/releases/coalition-asks/publish',
      { version, confirmed: '1' },
      '/es/workspace/releases/coalition-asks',
    );
    expect(refusedEs.statusCode).toBe(400);
    expect(cheerio.load(refusedEs.body)('.error-summary').text()).toContain(
      'La declaración que presenta no es pública (es un borrador o se retiró): publica primero la declaración.',
    );
    expect(await releaseRow()).toEqual(before);
    expect(await publishAudits(before.id)).toEqual([]);
    expect((await new Visitor(app).get('/en/releases/coalition-asks')).statusCode).toBe(404);
  });

  it('a publish post without the confirmation goes to the confirmation page, whatever characters its slug has', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    // The slug came back into the Location header undecoded: a control character made it a 500 (fuzz seed 1024323104).
    const odd = '/en/workspace/releases/caf%C3%A9%01/publish';
    const response = await ana.post(odd, { version: '1' }, base);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(odd);
  });

  it('an embargo time already past is refused, in both languages, and nothing changes', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const before = await releaseRow();
    const $ = await page(ana, base);
    const details = {
      version: editorVersion($),
      originalLocale: 'en',
      statementId: String(statementId),
      releaseDate: '2026-11-27',
      headline_en: 'Coalition asks for shelters',
      lead_en: 'Ten groups **ask** today.',
      endMark: '###',
      timing: 'embargoed',
      // 05:00 in Guatemala is 11:00 UTC: an hour before the clock.
      embargoLocal: '2026-11-27T05:00',
      timeZone: 'America/Guatemala',
    };
    const refused = await ana.post(base, details, base);
    expect(refused.statusCode).toBe(400);
    const field = cheerio.load(refused.body)('#f-embargoLocal').closest('.field').find('.field-error').text();
    expect(field).toContain('This time has already passed: choose a later one, or “For immediate release”.');
    const refusedEs = await ana.post(
      '/es/workspace/releases/coalition-asks',
      details,
      '/es/workspace/releases/coalition-asks',
    );
    expect(cheerio.load(refusedEs.body)('#f-embargoLocal').closest('.field').find('.field-error').text()).toContain(
      'Esa hora ya pasó: elige una posterior, o «Para difusión inmediata».',
    );
    expect(await releaseRow()).toEqual(before);
  });

  it('publish under embargo: 404 before the instant, the release in both languages after; withdraw hides it', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    // The statement goes first (the test above: a release never goes public before it).
    const [statement] = await ctx.db.select().from(t.statements).where(eq(t.statements.id, statementId));
    const statementPage = '/en/workspace/statements/asks';
    const published = await ana.post(
      '/en/statements/asks/publish',
      { version: String(statement!.version) },
      statementPage,
    );
    expect(published.statusCode).toBe(303);
    const $ = await page(ana, base);
    expect($('.publication .notice-warning').length).toBe(0);
    const version = editorVersion($);
    // Publishing without the confirmation step is not possible: the post is sent to it, nothing changes.
    const before = await releaseRow();
    const unconfirmed = await ana.post(`${base}/publish`, { version }, base);
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(`${base}/publish`);
    expect(await releaseRow()).toEqual(before);
    expect(await publishAudits(before.id)).toEqual([]);
    // The confirmation says what becomes public and when: the embargo in the release's zone, in the reader's language.
    const confirm = await page(ana, `${base}/publish`);
    expect(confirm('h1').text()).toBe('Publish this press release?');
    expect(confirm('.publish-summary').text()).toContain('Coalition asks for shelters now');
    expect(confirm('.publish-summary').text()).toContain('English, Español');
    expect(confirm('.publish-when').text()).toBe(
      'Under embargo: public from November 27, 2026 at 6:01 AM CST (America/Guatemala). Until then only editors see it.',
    );
    expect(confirm('.release-checks .notice-warning').length).toBe(0);
    expect(confirm('form input[name=confirmed]').val()).toBe('1');
    expect(confirm(`form[action="${base}/publish"] input[name=_csrf]`).length).toBe(1);
    expect(confirm(`a[href="${base}"]`).last().text()).toBe('Cancel');
    const confirmEs = await page(ana, '/es/workspace/releases/coalition-asks/publish');
    expect(confirmEs('.publish-when').text()).toBe(
      'Con embargo: será público desde el 27 de noviembre de 2026 a las 6:01 GMT-6 (America/Guatemala). Hasta entonces, solo lo ve el equipo editor.',
    );
    // A confirmation from a page older than the release is a conflict, and nothing changes.
    const stale = await ana.post(`${base}/publish`, { version: String(Number(version) - 1), confirmed: '1' }, base);
    expect(stale.statusCode).toBe(409);
    expect(await releaseRow()).toEqual(before);
    const confirmed = await ana.post(
      `${base}/publish`,
      { version: confirm('form input[name=version]').val() as string, confirmed: '1' },
      `${base}/publish`,
    );
    expect(confirmed.statusCode).toBe(303);
    expect((await publishAudits(before.id)).length).toBe(1);
    const anonymous = new Visitor(app);
    expect((await anonymous.get('/en/releases/coalition-asks')).statusCode).toBe(404);
    expect((await page(ana, base))('.publication').text()).toContain('scheduled (embargo)');
    clock = new Date('2026-11-27T12:02:00Z');
    const en = await anonymous.get('/en/releases/coalition-asks');
    expect(en.statusCode).toBe(200);
    expect(cheerio.load(en.body)('h1').text()).toBe('Coalition asks for shelters now');
    const es = await anonymous.get('/es/releases/coalition-asks');
    expect(cheerio.load(es.body)('h1').text()).toBe('La coalición pide albergues');
    expect((await anonymous.get('/es/releases/coalition-asks/release.docx')).statusCode).toBe(200);
    const again = await page(ana, base);
    const v2 = again('.publication input[name=version]').first().val() as string;
    expect((await ana.post(`${base}/withdraw`, { version: v2 }, base)).statusCode).toBe(303);
    expect((await anonymous.get('/en/releases/coalition-asks')).statusCode).toBe(404);
    // Published again with the embargo that has since passed: refused, rather than out at once unasked.
    const withdrawn = await releaseRow();
    const v3 = (await page(ana, base))('.publication input[name=version]').first().val() as string;
    const again2 = await ana.post(`${base}/publish`, { version: v3, confirmed: '1' }, base);
    expect(again2.statusCode).toBe(400);
    expect(cheerio.load(again2.body)('.error-summary').text()).toContain('This time has already passed');
    expect(await releaseRow()).toEqual(withdrawn);
    expect((await anonymous.get('/en/releases/coalition-asks')).statusCode).toBe(404);
  });
});
