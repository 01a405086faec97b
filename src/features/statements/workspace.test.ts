/** The statement pages of the workspace over HTTP, as editors use them, on both engines. */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { seedRegistry } from '../../../test/support/statements.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';

const NOW = new Date('2026-11-27T12:00:00Z');

describeEachEngine('statement pages of the workspace', (ctx) => {
  let app: FastifyTypeBox;
  let registry: Awaited<ReturnType<typeof seedRegistry>>;
  beforeAll(async () => {
    registry = await seedRegistry(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => NOW });
    await createUserWithPassword(ctx.db, { email: 'ana@example.org', role: 'editor' });
    await createUserWithPassword(ctx.db, { email: 'ben@example.org', role: 'editor' });
    await createUserWithPassword(ctx.db, {
      email: 'member@rednorte.example',
      role: 'member',
      organizationId: registry.organizations[0]!.id,
    });
  });

  const form = async (visitor: Visitor, url: string) => cheerio.load((await visitor.get(url)).body);

  /**
   * A draft statement of the test's own, made through the form as an editor does (Spanish original);
   * returns its workspace address and slug. Each test that changes a statement starts from its own.
   */
  async function newStatement(editor: Visitor, title: { en: string; es: string }) {
    const created = await editor.post(
      '/en/workspace/statements',
      { slug: '', originalLocale: 'es', title_en: title.en, title_es: title.es, date: '2026-11-20' },
      '/en/workspace/statements/new',
    );
    expect(created.statusCode).toBe(303);
    // The page after the save, without its one-shot "Saved." flag.
    const base = (created.headers.location as string).replace(/\?saved=1$/, '');
    return { base, slug: base.split('/').at(-1)! };
  }

  it('sends visitors to sign in and refuses members (403)', async () => {
    const anonymous = new Visitor(app);
    const response = await anonymous.get('/es/workspace/statements');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/es/sign-in');
    const member = await signedIn(app, 'member@rednorte.example');
    expect((await member.get('/en/workspace/statements')).statusCode).toBe(403);
    expect((await member.get('/en/workspace/statements/new')).statusCode).toBe(403);
  });

  it('bad input: messages next to each field in the editor’s language, typed text kept, nothing saved', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const before = await ctx.db.select().from(t.statements);
    const response = await ana.post(
      '/es/workspace/statements',
      { slug: 'Mala Dirección', title_en: '', title_es: '', summary_es: 'Resumen escrito', date: '2026-02-30' },
      '/es/workspace/statements/new',
    );
    expect(response.statusCode).toBe(400);
    const $ = cheerio.load(response.body);
    expect($('html').attr('lang')).toBe('es');
    expect($('#f-slug').closest('.field').find('.field-error').text()).toContain('Usa solo minúsculas');
    expect($('#f-title .field-error').first().text()).toContain('al menos en un idioma');
    expect($('#f-date').closest('.field').find('.field-error').text()).toContain('fecha real');
    expect($('#f-slug').val()).toBe('Mala Dirección');
    expect($('#f-summary_es').text()).toBe('Resumen escrito');
    expect($('.error-summary a').length).toBe(3);
    expect(await ctx.db.select().from(t.statements)).toEqual(before);
  });

  it('creates a statement, then shows it with both languages side by side and their states', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const created = await ana.post(
      '/en/workspace/statements',
      {
        slug: '',
        originalLocale: 'es',
        title_en: 'Protect migrants',
        title_es: 'Proteger a las personas migrantes',
        date: '2026-11-20',
      },
      '/en/workspace/statements/new',
    );
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/en/workspace/statements/proteger-a-las-personas-migrantes?saved=1');
    const $ = await form(ana, created.headers.location!);
    expect($('h1').text()).toBe('Protect migrants');
    expect($('main > [role=status]').text()).toBe('Saved.');
    const states = $('#f-title .state')
      .map((_, el) => $(el).text())
      .get();
    expect(states).toEqual(['translation', 'original']);
    expect($('#f-title_es').attr('lang')).toBe('es');
    const list = await form(ana, '/en/workspace/statements?q=migrantes');
    expect(list('table a').attr('href')).toBe('/en/workspace/statements/proteger-a-las-personas-migrantes');
    expect(list('table').text()).toContain('draft');
  });

  it('two editors on one recommendation: the second save gets the conflict with the first change, and keeps its text', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const ben = await signedIn(app, 'ben@example.org');
    const { base, slug } = await newStatement(ana, { en: 'Two editors', es: 'Dos personas editoras' });
    const added = await ana.post(
      `${base}/recommendations`,
      { text_en: 'Stop deportations', text_es: '' },
      `${base}/recommendations/new`,
    );
    expect(added.statusCode).toBe(303);
    const [statement] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, slug));
    const [rec] = await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.statementId, statement!.id));
    const url = `${base}/recommendations/${rec!.id}`;
    const anaForm = await form(ana, url);
    const benForm = await form(ben, url);
    const version = anaForm('input[name=version]').val() as string;
    expect(benForm('input[name=version]').val()).toBe(version);
    const saved = await ana.post(url, { version, text_en: 'Stop all deportations now', text_es: '' }, url);
    expect(saved.statusCode).toBe(303);
    const stale = await ben.post(url, { version, text_en: 'Stop deportations to Guatemala', text_es: 'Detener' }, url);
    expect(stale.statusCode).toBe(409);
    const $ = cheerio.load(stale.body);
    expect($('.conflict-notice').text()).toContain('ana@example.org');
    expect($('.conflict-notice').text()).toContain('Stop all deportations now');
    expect($('#f-text_en').text()).toBe('Stop deportations to Guatemala');
    expect($('#f-text_es').text()).toBe('Detener');
    expect($('input[name=version]').val()).toBe(String(Number(version) + 1));
    const [after] = await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.id, rec!.id));
    expect(after!.text.en?.text).toBe('Stop all deportations now');
  });

  it('orders signatories and publishes under an embargo typed in a time zone', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const { base, slug } = await newStatement(ana, { en: 'Signed and embargoed', es: 'Firmada y embargada' });
    let $ = await form(ana, base);
    const version = () => $('section[aria-labelledby=signatories-title] input[name=version]').val() as string;
    const [red, justice] = registry.organizations;
    const picked = await ana.request('POST', `${base}/signatories`, {
      _csrf: $('input[name=_csrf]').first().val() as string,
      version: version(),
      signatories: String(justice!.id),
      [`signatories_order_${justice!.id}`]: '2',
      [`signatories_role_${justice!.id}`]: 'signatory',
    });
    expect(picked.statusCode).toBe(303);
    $ = await form(ana, base);
    const published = await ana.post(
      `/en/statements/${slug}/publish`,
      { version: version(), embargoLocal: '2026-11-27T09:00', timeZone: 'America/Guatemala' },
      base,
    );
    expect(published.statusCode).toBe(303);
    const [s] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, slug));
    expect(s!.embargoUntil?.toISOString()).toBe('2026-11-27T15:00:00.000Z');
    const signatories = await ctx.db.select().from(t.signatories).where(eq(t.signatories.statementId, s!.id));
    expect(signatories.map((x) => x.organizationId)).toEqual([justice!.id]);
    expect(red).toBeDefined();
    $ = await form(ana, base);
    expect($('.publication').text()).toContain('scheduled (embargo)');
    const skipped = await ana.post(
      `/en/statements/${slug}/publish`,
      { version: String(s!.version), embargoLocal: '2026-03-08T02:30', timeZone: 'America/New_York' },
      base,
    );
    expect(skipped.statusCode).toBe(400);
    const page = cheerio.load(skipped.body);
    expect(page('#f-embargoLocal').val()).toBe('2026-03-08T02:30');
    expect(page('#f-embargoLocal').closest('.field').find('.field-error').text()).toContain('does not exist');
    // A time already past (05:00 in Guatemala is 11:00 UTC, an hour ago) is refused, not applied at once.
    for (const [locale, message] of [
      ['en', 'This time has already passed: choose a later one, or leave the embargo empty to publish now.'],
      ['es', 'Esa hora ya pasó: elige una posterior, o deja el embargo vacío para publicar ya.'],
    ] as const) {
      const past = await ana.post(
        `/${locale}/statements/${slug}/publish`,
        { version: String(s!.version), embargoLocal: '2026-11-27T05:00', timeZone: 'America/Guatemala' },
        base,
      );
      expect(past.statusCode).toBe(400);
      const refused = cheerio.load(past.body);
      expect(refused('#f-embargoLocal').closest('.field').find('.field-error').text()).toContain(message);
    }
    const [unchanged] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, slug));
    expect(unchanged).toEqual(s);
  });

  it('lists the statement’s missing and out-of-date texts in the translations view', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const { base } = await newStatement(ana, { en: 'Translations to check', es: 'Traducciones por revisar' });
    const $ = await form(ana, base);
    const version = $('section[aria-labelledby=details-title] input[name=version]').val() as string;
    const edited = await ana.post(
      base,
      {
        version,
        title_es: 'Traducciones por revisar otra vez',
        title_en: 'Translations to check',
        date: '2026-11-20',
      },
      base,
    );
    expect(edited.statusCode).toBe(303);
    const page = await form(ana, '/en/workspace/translations');
    const row = page('tr').filter((_, el) => page(el).find(`a[href="${base}"]`).length > 0);
    expect(row.text()).toContain('Title');
    expect(page(`a[href="${base}"]`).length).toBeGreaterThan(0);
    expect(page('main').text()).toContain('Statement');
  });
});
