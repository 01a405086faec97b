/**
 * Long text in a workspace form: a field over its limit is named by its label and says the limit (in the
 * reader's language), the browser is told the same limits, and a form at every field's limit in
 * multi-byte characters fits the body limit. Over HTTP, on both engines.
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, type Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import { TEXT_LIMITS } from './edit-service.js';

const NOW = new Date('2026-11-27T12:00:00Z');

describeEachEngine('long text in the statement form', (ctx) => {
  let ana: Visitor;
  beforeAll(async () => {
    const app = await buildApp({ db: ctx.db, now: () => NOW });
    await createUserWithPassword(ctx.db, { email: 'ana@example.org', role: 'editor' });
    ana = await signedIn(app, 'ana@example.org');
  });

  const create = (locale: 'en' | 'es', fields: Record<string, string>) =>
    ana.post(
      `/${locale}/workspace/statements`,
      { slug: '', originalLocale: locale, date: '2026-11-20', ...fields },
      `/${locale}/workspace/statements/new`,
    );

  it('a title over its limit: the summary names the field by its label and says the limit, in English and Spanish', async () => {
    const before = await ctx.db.select().from(t.statements);
    const en = await create('en', { title_en: 'x'.repeat(301), title_es: 'Título' });
    expect(en.statusCode).toBe(400);
    const $ = cheerio.load(en.body);
    expect($('.error-summary a').text()).toBe('Title (English): at most 300 characters; this has 301.');
    expect($('.error-summary a').attr('href')).toBe('#f-title_en');
    expect($('#f-title_en').closest('.field').find('.field-error').text()).toContain(
      'at most 300 characters; this has 301.',
    );
    expect($('#f-title_en').val()).toBe('x'.repeat(301));

    const es = await create('es', { title_en: 'Title', title_es: 'á'.repeat(305), summary_en: 's'.repeat(3100) });
    expect(es.statusCode).toBe(400);
    const summary = cheerio
      .load(es.body)('.error-summary a')
      .map((_, a) => cheerio.load(a).text())
      .get();
    expect(summary).toEqual([
      'Título (español): como máximo 300 caracteres; el texto tiene 305.',
      'Resumen (inglés): como máximo 3000 caracteres; el texto tiene 3100.',
    ]);
    expect(await ctx.db.select().from(t.statements)).toEqual(before);
  });

  it('the form tells the browser the same limits (maxlength), so it stops typing where the server would refuse', async () => {
    const $ = cheerio.load((await ana.get('/en/workspace/statements/new')).body);
    for (const locale of ['en', 'es']) {
      expect($(`#f-title_${locale}`).attr('maxlength')).toBe(String(TEXT_LIMITS.title));
      expect($(`#f-occasion_${locale}`).attr('maxlength')).toBe(String(TEXT_LIMITS.occasion));
      expect($(`#f-summary_${locale}`).attr('maxlength')).toBe(String(TEXT_LIMITS.summary));
      expect($(`#f-body_${locale}`).attr('maxlength')).toBe(String(TEXT_LIMITS.body));
    }
  });

  it('every field at its limit in three-byte characters (line breaks sent as CRLF) is accepted and saved', async () => {
    const full = (n: number) => '’'.repeat(n);
    // A line break counts as one character, as the browser's maxlength counts it, though it is posted as CRLF.
    const body = `${'’'.repeat(99)}\r\n`.repeat(TEXT_LIMITS.body / 100 - 1) + full(100);
    const fields: Record<string, string> = {};
    for (const locale of ['en', 'es']) {
      fields[`title_${locale}`] = `${locale} ${full(TEXT_LIMITS.title - 3)}`;
      fields[`occasion_${locale}`] = full(TEXT_LIMITS.occasion);
      fields[`summary_${locale}`] = full(TEXT_LIMITS.summary);
      fields[`body_${locale}`] = body;
    }
    const wire = new URLSearchParams(fields).toString().length;
    expect(wire).toBeGreaterThan(900_000);
    const created = await create('en', fields);
    expect(created.statusCode, created.body.slice(0, 500)).toBe(303);
    const slug = new URL(String(created.headers.location), 'http://puente.test').pathname.split('/').at(-1)!;
    const [row] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, slug));
    expect(row!.body.es!.text.length).toBe(TEXT_LIMITS.body);
    expect(row!.title.en!.text).toBe(fields.title_en);
  });
});
