/** The release editor over HTTP on both engines: compose, preview, embargo with an injected clock, publish. */
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
    expect(created.headers.location).toBe(base);
    const $ = await page(ana, base);
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

  it('picks contacts and highlights in order, adds blocks; gaps are listed beside the preview', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    let $ = await page(ana, base);
    const version = () => $('section[aria-labelledby=details-title] input[name=version]').val() as string;
    const [anaLopez, benOrtiz] = registry.people;
    const contacts = await ana.post(
      `${base}/contacts`,
      {
        version: version(),
        contacts: String(benOrtiz!.id),
        [`contacts_order_${benOrtiz!.id}`]: '1',
      },
      base,
    );
    expect(contacts.statusCode).toBe(303);
    $ = await page(ana, base);
    const [rec] = await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.statementId, statementId));
    expect(
      (await ana.post(`${base}/highlights`, { version: version(), highlights: String(rec!.id) }, base)).statusCode,
    ).toBe(303);
    $ = await page(ana, base);
    const quote = await ana.post(
      `${base}/blocks/add`,
      { version: version(), kind: 'quote', person: '', text_en: 'No more.' },
      base,
    );
    expect(quote.statusCode).toBe(400);
    expect(cheerio.load(quote.body)('#f-person').closest('.field').find('.field-error').text()).toContain(
      'Fill this in',
    );
    expect(cheerio.load(quote.body)('#f-text_en').text()).toBe('No more.');
    for (const block of <Record<string, string>[]>[
      { kind: 'quote', person: String(anaLopez!.id), text_en: 'No more.', text_es: 'Nunca más.' },
      { kind: 'highlights', text_en: 'The coalition asks:' },
    ]) {
      $ = await page(ana, base);
      expect((await ana.post(`${base}/blocks/add`, { version: version(), ...block }, base)).statusCode).toBe(303);
    }
    $ = await page(ana, base);
    expect($('.release-preview .press-contacts').text()).toContain('Ben Ortiz');
    expect($('.release-preview blockquote').text()).toContain('No more.');
    expect($('.release-preview ul').last().text()).toContain('Fund shelters');
    // Ben has no phone; Casa Sur has no English "About".
    expect($('.release-checks .gaps').text()).toContain('Ben Ortiz');
    // Reorder: the list before the quote.
    const reordered = await ana.post(
      `${base}/blocks`,
      {
        version: version(),
        blockCount: '2',
        block_0_id: $('input[name=block_0_id]').val() as string,
        block_0_kind: 'quote',
        block_0_person: String(anaLopez!.id),
        block_0_text_en: 'No more.',
        block_0_text_es: 'Nunca más.',
        block_0_order: '2',
        block_1_id: $('input[name=block_1_id]').val() as string,
        block_1_kind: 'highlights',
        block_1_text_en: 'The coalition asks:',
        block_1_order: '1',
      },
      base,
    );
    expect(reordered.statusCode).toBe(303);
    const blocks = await ctx.db.select().from(t.releaseBlocks).orderBy(t.releaseBlocks.position);
    expect(blocks.map((b) => b.kind)).toEqual(['highlights', 'quote']);
    expect(blocks[1]!.text.es?.origin).toBe('translation');
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
    const version = $('.publication input[name=version]').first().val() as string;
    const refused = await ana.post(`${base}/publish`, { version }, base);
    expect(refused.statusCode).toBe(400);
    expect(cheerio.load(refused.body)('.error-summary').text()).toContain(
      'The statement it presents is not public (a draft, or withdrawn): publish the statement first. A release never goes public before its statement.',
    );
    const refusedEs = await ana.post(
      '/es/workspace/releases/coalition-asks/publish',
      { version },
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

  it('an embargo time already past is refused, in both languages, and nothing changes', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const before = await releaseRow();
    const $ = await page(ana, base);
    const details = {
      version: $('section[aria-labelledby=details-title] input[name=version]').val() as string,
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
    const version = $('.publication input[name=version]').first().val() as string;
    expect((await ana.post(`${base}/publish`, { version }, base)).statusCode).toBe(303);
    const anonymous = new Visitor(app);
    expect((await anonymous.get('/en/releases/coalition-asks')).statusCode).toBe(404);
    expect((await page(ana, base))('.publication').text()).toContain('scheduled (embargo)');
    clock = new Date('2026-11-27T12:02:00Z');
    const en = await anonymous.get('/en/releases/coalition-asks');
    expect(en.statusCode).toBe(200);
    expect(cheerio.load(en.body)('h1').text()).toBe('Coalition asks for shelters');
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
    const again2 = await ana.post(`${base}/publish`, { version: v3 }, base);
    expect(again2.statusCode).toBe(400);
    expect(cheerio.load(again2.body)('.error-summary').text()).toContain('This time has already passed');
    expect(await releaseRow()).toEqual(withdrawn);
    expect((await anonymous.get('/en/releases/coalition-asks')).statusCode).toBe(404);
  });
});
