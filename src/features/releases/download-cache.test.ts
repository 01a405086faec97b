/**
 * Public downloads are written once per content and kept (download-cache.ts, behind the render cache of
 * platform/web/render-cache.ts), and never stale: a change to anything the file shows, even outside the
 * release (an organization's "About"), is in the next download; a release taken off the public site stops
 * being served at once; ETags answer 304.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { demoRelease } from '../../../demo/release-2021-06-03.js';
import { createTestApp } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { downloadCacheCounts, forgetDownloadsInMemory } from './download-cache.js';

const slug = demoRelease.slug;

describeEachEngine('release downloads, written once and never stale', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    // The cache is per process and keyed by content: this engine's files must differ from the other's.
    await ctx.db
      .update(t.organizations)
      .set({ boilerplate: localized('en', `CEJIL, as the ${ctx.engine} test database has it.`) })
      .where(eq(t.organizations.slug, 'cejil'));
    app = await createTestApp(ctx.db);
  });

  it('a second download of the same PDF is the kept copy; its ETag answers 304 without a body', async () => {
    const url = `/en/releases/${slug}/release.pdf?size=a4`;
    const before = downloadCacheCounts();
    const first = await app.inject({ url });
    const second = await app.inject({ url });
    expect(first.statusCode).toBe(200);
    expect(downloadCacheCounts().writes - before.writes).toBe(1);
    // The site did not change: the render cache answered without reaching the route.
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(first.headers.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);

    const revalidated = await app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    // Another page size is another file.
    const letter = await app.inject({ url: `/en/releases/${slug}/release.pdf` });
    expect(letter.headers.etag).not.toBe(first.headers.etag);
  });

  it('a change elsewhere on the site reaches the route again, which finds the file unchanged and kept', async () => {
    const url = `/es/releases/${slug}/release.pdf`;
    // The memory is the process's: the other engine's block may have kept this very file.
    forgetDownloadsInMemory();
    const first = await app.inject({ url });
    await ctx.db.insert(t.themes).values({ slug: `unrelated-${ctx.engine}`, label: localized('en', 'Unrelated') });
    const before = downloadCacheCounts();
    const again = await app.inject({ url });
    expect(again.headers['x-cache']).toBe('MISS');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(downloadCacheCounts().writes).toBe(before.writes);
    expect(downloadCacheCounts().hits).toBe(before.hits + 1);

    // Another instance (or this one after a restart) finds it in the database instead of writing it.
    forgetDownloadsInMemory();
    app.renderCache.clear();
    const restarted = await app.inject({ url });
    expect(restarted.rawPayload.equals(again.rawPayload)).toBe(true);
    expect(downloadCacheCounts().writes).toBe(before.writes);
    expect(downloadCacheCounts().stored).toBe(before.stored + 1);
  });

  it('an organization’s new "About" is in the next download, though the release did not change', async () => {
    const url = `/en/releases/${slug}/release.md`;
    const before = await app.inject({ url });
    const [organization] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    const about = 'CEJIL defends human rights before the Inter-American system (revised text).';
    await ctx.db
      .update(t.organizations)
      .set({ boilerplate: localized('en', about), version: organization!.version + 1 })
      .where(eq(t.organizations.id, organization!.id));
    const after = await app.inject({ url, headers: { 'if-none-match': String(before.headers.etag) } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain(about);
    expect(before.body).not.toContain(about);
  });

  it('a withdrawn release is no longer served, kept copy or not', async () => {
    const url = `/es/releases/${slug}/release.docx`;
    expect((await app.inject({ url })).statusCode).toBe(200);
    await ctx.db
      .update(t.releases)
      .set({ withdrawnAt: new Date(Date.now() - 60_000) })
      .where(eq(t.releases.slug, slug));
    expect((await app.inject({ url })).statusCode).toBe(404);
  });
});
