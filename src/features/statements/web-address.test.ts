/**
 * A statement's web address made from a long title ends at a whole word, and the form says truly what
 * happens to it later (issue 14: addresses were cut mid-word at 60 characters, "It cannot change later").
 */
import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { slugify } from '../../platform/forms/problems.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';

describeEachEngine('the web address of a new statement', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, now: () => new Date('2026-12-01T12:00:00Z') });
    await createUserWithPassword(ctx.db, { email: 'coordinator@example.org', role: 'editor' });
  });

  it('a long title makes an address of whole words, at most 60 characters', async () => {
    const editor = await signedIn(app, 'coordinator@example.org');
    const title = 'Organizaciones de la sociedad civil piden al Congreso proteger a las personas defensoras';
    const created = await editor.post(
      '/en/workspace/statements',
      { slug: '', originalLocale: 'es', title_en: '', title_es: title, date: '2026-11-20' },
      '/en/workspace/statements/new',
    );
    expect(created.statusCode).toBe(303);
    // The address after the redirect, without its "?saved=1".
    const slug = new URL(String(created.headers.location), 'http://puente.test').pathname.split('/').at(-1)!;
    // Cut at 60 characters it was "…-al-congreso-proteg"; the last whole word within them is "congreso".
    expect(slug).toBe('organizaciones-de-la-sociedad-civil-piden-al-congreso');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect((await editor.get(`/en/workspace/statements/${slug}`)).statusCode).toBe(200);
  });

  it('the slug field says the address stays the same and why, in both languages', async () => {
    const editor = await signedIn(app, 'coordinator@example.org');
    for (const [locale, says] of [
      ['en', 'links already shared keep working'],
      ['es', 'los enlaces ya compartidos sigan funcionando'],
    ] as const) {
      const $ = cheerio.load((await editor.get(`/${locale}/workspace/statements/new`)).body);
      const hint = $(`#${$('#f-slug').attr('aria-describedby')}`).text();
      expect(hint).toContain(says);
      expect(hint).not.toMatch(/cannot change later|No se puede cambiar después/);
    }
  });
});

it('slugify keeps whole words, and cuts a single overlong word at the limit', () => {
  expect(slugify('Proteger a las personas defensoras', 20)).toBe('proteger-a-las');
  expect(slugify('Proteger a las personas', 23)).toBe('proteger-a-las-personas');
  expect(slugify('Proteger a las personas', 22)).toBe('proteger-a-las');
  expect(slugify('Supercalifragilisticoespialidoso', 10)).toBe('supercalif');
  expect(slugify('¿?', 10)).toBe('item');
});
