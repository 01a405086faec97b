/**
 * The embargo's time zone field (issues 14 and 15): a typed field suggesting only the coalition's zones
 * (labels in the reader's language with the offset), never a list of every zone; an empty field starts
 * at the coalition's zone (not UTC), marked for the browser-zone script; a saved zone is kept, under its
 * current name; a typed name Intl does not list is refused with a message next to the field.
 */

import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, type Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { browserTimeZoneScript } from '../../platform/web/script-asset.js';
import { loadDemo } from '../demo/index.js';

describeEachEngine('the time zone field', (ctx) => {
  let app: FastifyTypeBox;
  let editor: Visitor;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => new Date('2026-12-01T12:00:00Z') });
    await createUserWithPassword(ctx.db, { email: 'desk@example.org', role: 'editor' });
    editor = await signedIn(app, 'desk@example.org');
  });
  const page = async (url: string) => cheerio.load((await editor.get(url)).body);

  it('a new release: the coalition’s zones suggested, Guatemala filled in, the browser asked, no list of every zone', async () => {
    const response = await editor.get('/en/workspace/releases/new');
    const $ = cheerio.load(response.body);
    const input = $('input#f-timeZone');
    expect(input.val()).toBe('America/Guatemala');
    expect(input.attr('list')).toBe('time-zone-suggestions');
    const suggested = $('datalist#time-zone-suggestions option')
      .map((_, o) => $(o).attr('value'))
      .get();
    expect(suggested.slice(0, 3)).toEqual(['America/Guatemala', 'America/El_Salvador', 'America/Tegucigalpa']);
    for (const zone of ['America/New_York', 'America/Mexico_City', 'Europe/Madrid', 'UTC'])
      expect(suggested).toContain(zone);
    expect(suggested.length).toBeLessThan(15);
    expect($('select#f-timeZone').length).toBe(0);
    expect(response.body).not.toContain('Europe/Vienna');
    // Readable: city, Intl's name of the zone, offset.
    expect($('datalist option[value="America/New_York"]').text()).toBe('New York — Eastern Time (UTC-05:00)');
    // No saved value: the script may switch to the browser's zone; it is a file of ours, never inline.
    expect(input.attr('data-browser-time-zone')).toBe('');
    expect(JSON.parse(input.attr('data-renamed')!)['Asia/Calcutta']).toBe('Asia/Kolkata');
    expect($(`script[src="${browserTimeZoneScript().href}"]`).length).toBe(1);
    expect($('script:not([src])').length).toBe(0);
    const script = await app.inject({ url: browserTimeZoneScript().href });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).toContain('resolvedOptions().timeZone');
  });

  it('in Spanish the suggestions are labelled in Spanish', async () => {
    const $ = await page('/es/workspace/releases/new');
    expect($('datalist option[value="America/New_York"]').text()).toBe('New York — hora oriental (UTC-05:00)');
  });

  it('a saved zone stays and the browser is not asked; an old name is shown under its current one', async () => {
    const slug = 'guatemala-vp-visit-2021';
    await ctx.db.update(t.releases).set({ timeZone: 'America/Chicago' }).where(eq(t.releases.slug, slug));
    let $ = await page(`/en/workspace/releases/${slug}`);
    expect($('#f-timeZone').val()).toBe('America/Chicago');
    expect($('#f-timeZone').attr('data-browser-time-zone')).toBeUndefined();
    expect($('script[src^="/assets/browser-time-zone."]').length).toBe(0);

    await ctx.db.update(t.releases).set({ timeZone: 'Asia/Calcutta' }).where(eq(t.releases.slug, slug));
    $ = await page(`/en/workspace/releases/${slug}`);
    expect($('#f-timeZone').val()).toBe('Asia/Kolkata');
  });

  it('a statement’s embargo: a zone Intl does not list is refused next to the field, as typed; a typed one in any case is read', async () => {
    const [draft] = await ctx.db.insert(t.statements).values({ slug: 'tz-draft', date: '2026-11-20' }).returning();
    const url = `/en/workspace/statements/${draft!.slug}`;
    let $ = await page(url);
    expect($('#f-timeZone').val()).toBe('America/Guatemala');
    const publish = (timeZone: string) =>
      editor.post(`/en/statements/${draft!.slug}/publish`, {
        version: String(draft!.version),
        embargoLocal: '2026-12-24T09:00',
        timeZone,
      });
    const refused = await publish('Mars/Olympus');
    expect(refused.statusCode).toBe(400);
    $ = cheerio.load(refused.body);
    expect($('#f-timeZone').val()).toBe('Mars/Olympus');
    expect($('#f-timeZone-error').text()).toContain('America/Guatemala');
    const [unchanged] = await ctx.db.select().from(t.statements).where(eq(t.statements.id, draft!.id));
    expect(unchanged!.status).toBe('draft');
    expect((await publish('europe/madrid')).statusCode).toBe(303);
    const [published] = await ctx.db.select().from(t.statements).where(eq(t.statements.id, draft!.id));
    expect(published!.embargoUntil?.toISOString()).toBe('2026-12-24T08:00:00.000Z');
  });
});
