/**
 * The embargo's time zone field (issue 14): current IANA names only, the coalition's zones first in
 * their own group, labels in the reader's language with the offset, and an empty field starting at the
 * coalition's zone (not UTC), marked for the browser-zone script; a saved zone is kept as it is.
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

  it('a new release: the coalition’s zones first, current names only, Guatemala chosen, the browser asked', async () => {
    const $ = await page('/en/workspace/releases/new');
    const select = $('select#f-timeZone');
    const groups = select.find('optgroup');
    expect(groups.length).toBe(2);
    expect(groups.first().attr('label')).toBe('Where the coalition works');
    const common = groups
      .first()
      .find('option')
      .map((_, o) => $(o).attr('value'))
      .get();
    expect(common.slice(0, 3)).toEqual(['America/Guatemala', 'America/El_Salvador', 'America/Tegucigalpa']);
    for (const zone of [
      'America/New_York',
      'America/Chicago',
      'America/Los_Angeles',
      'America/Mexico_City',
      'Europe/Madrid',
      'UTC',
    ])
      expect(common).toContain(zone);
    expect(select.find('option:selected').attr('value')).toBe('America/Guatemala');
    expect(select.find('option[selected]').length).toBe(1);
    const values = select
      .find('option')
      .map((_, o) => $(o).attr('value'))
      .get();
    expect(values).toContain('Asia/Kolkata');
    expect(values).toContain('Europe/Kyiv');
    expect(values).not.toContain('Asia/Calcutta');
    expect(values).not.toContain('Europe/Kiev');
    expect(new Set(values).size).toBe(values.length);
    expect(values.length).toBeGreaterThan(400);
    // Readable: city, Intl's name of the zone, offset.
    expect(select.find('option[value="America/Guatemala"]').text()).toMatch(/^Guatemala — .+ \(UTC-06:00\)$/);
    expect(select.find('option[value="America/New_York"]').text()).toBe('New York — Eastern Time (UTC-05:00)');
    // No saved value: the script may switch to the browser's zone; it is a file of ours, never inline.
    expect(select.attr('data-browser-time-zone')).toBe('');
    expect(JSON.parse(select.attr('data-renamed')!)['Asia/Calcutta']).toBe('Asia/Kolkata');
    expect($(`script[src="${browserTimeZoneScript().href}"]`).length).toBe(1);
    expect($('script:not([src])').length).toBe(0);
    const script = await app.inject({ url: browserTimeZoneScript().href });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).toContain('resolvedOptions().timeZone');
  });

  it('in Spanish the groups and the zone names are Spanish', async () => {
    const $ = await page('/es/workspace/releases/new');
    expect($('#f-timeZone optgroup').first().attr('label')).toBe('Donde trabaja la coalición');
    expect($('#f-timeZone optgroup').last().attr('label')).toBe('Todas las zonas horarias');
    expect($('#f-timeZone option[value="America/New_York"]').text()).toBe('New York — hora oriental (UTC-05:00)');
  });

  it('a saved zone stays chosen and the browser is not asked; an old name is shown under its current one', async () => {
    const slug = 'guatemala-vp-visit-2021';
    await ctx.db.update(t.releases).set({ timeZone: 'America/Chicago' }).where(eq(t.releases.slug, slug));
    let $ = await page(`/en/workspace/releases/${slug}`);
    expect($('#f-timeZone option:selected').attr('value')).toBe('America/Chicago');
    expect($('#f-timeZone').attr('data-browser-time-zone')).toBeUndefined();
    expect($('script[src^="/assets/browser-time-zone."]').length).toBe(0);

    await ctx.db.update(t.releases).set({ timeZone: 'Asia/Calcutta' }).where(eq(t.releases.slug, slug));
    $ = await page(`/en/workspace/releases/${slug}`);
    expect($('#f-timeZone option:selected').attr('value')).toBe('Asia/Kolkata');
  });

  it('a statement’s embargo field starts at the coalition’s zone too, not UTC', async () => {
    const [draft] = await ctx.db.select().from(t.statements).where(eq(t.statements.status, 'draft')).limit(1);
    const slug =
      draft?.slug ??
      (await ctx.db.insert(t.statements).values({ slug: 'tz-draft', date: '2026-11-20' }).returning())[0]!.slug;
    const $ = await page(`/en/workspace/statements/${slug}`);
    expect($('#f-timeZone option:selected').attr('value')).toBe('America/Guatemala');
    expect($('#f-timeZone option[value="UTC"]').attr('selected')).toBeUndefined();
  });
});
