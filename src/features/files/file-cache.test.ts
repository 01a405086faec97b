/**
 * Cache headers of `/files/:sha256` follow the visibility rule (issue 13, finding 11): a public file
 * may sit in a shared cache only if the cache asks again before each use (ETag + `no-cache`), so a
 * document taken down stops being served at once; a file the public may not see is never stored.
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { multipartBody, tinyPdf, tinyPng } from '../../../test/support/files.js';
import { createUserWithPassword, signedIn, type Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { sha256Hex } from './service.js';

const T = new Date('2026-11-27T12:00:00Z');

/** What a shared cache (a proxy, a CDN) may do with an answer, read from its Cache-Control. */
function sharedCacheMay(cacheControl: string | undefined) {
  const directives = (cacheControl ?? '').split(',').map((d) => d.trim().toLowerCase());
  const has = (name: string) => directives.some((d) => d === name || d.startsWith(`${name}=`));
  const store = !has('no-store') && !has('private');
  // Reusing a stored answer without asking the origin again: anything but no-cache / max-age=0 + must-revalidate.
  const maxAge = Number(directives.find((d) => d.startsWith('s-maxage=') || d.startsWith('max-age='))?.split('=')[1]);
  const reuseWithoutAsking =
    store && !has('no-cache') && !(maxAge === 0 && (has('must-revalidate') || has('proxy-revalidate')));
  return { store, reuseWithoutAsking, immutable: has('immutable') };
}

describeEachEngine('file cache headers follow the visibility rule', (ctx) => {
  let app: FastifyTypeBox;
  let editor: Visitor;
  let admin: Visitor;

  async function upload(visitor: Visitor, url: string, field: string, filename: string, bytes: Buffer) {
    const page = cheerio.load((await visitor.get(url)).body);
    const { payload, contentType } = multipartBody(
      {
        _csrf: page('input[name=_csrf]').first().attr('value') ?? '',
        version: page('form[enctype] input[name=version]').attr('value') ?? '1',
      },
      { field, filename, contentType: 'application/octet-stream', bytes },
    );
    const response = await visitor.app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress: visitor.remoteAddress,
      headers: { cookie: visitor.cookieHeader(), 'content-type': contentType },
    });
    expect(response.statusCode).toBe(303);
  }

  /** Publish, unpublish or withdraw through the statement page's own buttons. */
  async function publication(slug: string, action: 'publish' | 'unpublish' | 'withdraw') {
    const page = `/en/workspace/statements/${slug}`;
    const [statement] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, slug));
    const response = await editor.post(
      `/en/statements/${slug}/${action}`,
      { version: String(statement!.version) },
      page,
    );
    expect(response.statusCode).toBe(303);
  }

  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, now: () => T });
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, T);
    await createUserWithPassword(ctx.db, { email: 'admin@example.org', role: 'admin' }, T);
    editor = await signedIn(app, 'editor@example.org');
    admin = await signedIn(app, 'admin@example.org');
    await ctx.db.insert(t.organizations).values({ slug: 'cache-org', name: 'Cache Org' });
    for (const slug of ['cache-unpublished', 'cache-withdrawn'])
      await ctx.db.insert(t.statements).values({ slug, title: localized('en', slug), date: '2026-11-01' });
  });

  for (const [slug, takeDown] of [
    ['cache-unpublished', 'unpublish'],
    ['cache-withdrawn', 'withdraw'],
  ] as const) {
    it(`a document: revalidated while public, 404 and never stored once the statement is ${takeDown === 'unpublish' ? 'unpublished' : 'withdrawn'}`, async () => {
      const pdf = tinyPdf(`Document of ${slug}`);
      const sha = sha256Hex(pdf);
      await upload(editor, `/en/workspace/statements/${slug}/document`, 'document', `${slug}.pdf`, pdf);
      const fetch = (headers: Record<string, string> = {}) => app.inject({ url: `/files/${sha}`, headers });

      const draft = await fetch();
      expect(draft.statusCode).toBe(404);
      expect(sharedCacheMay(draft.headers['cache-control']).store).toBe(false);

      await publication(slug, 'publish');
      const served = await fetch();
      expect(served.statusCode).toBe(200);
      expect(served.headers.etag).toBe(`"${sha}"`);
      const policy = sharedCacheMay(served.headers['cache-control']);
      expect(policy).toEqual({ store: true, reuseWithoutAsking: false, immutable: false });
      // Revalidating costs no body while the document is still public.
      const revalidated = await fetch({ 'if-none-match': `"${sha}"` });
      expect(revalidated.statusCode).toBe(304);
      expect(revalidated.headers['cache-control']).toBe(served.headers['cache-control']);

      await publication(slug, takeDown);
      for (const again of [await fetch(), await fetch({ 'if-none-match': `"${sha}"` })]) {
        expect(again.statusCode).toBe(404);
        expect(sharedCacheMay(again.headers['cache-control'])).toMatchObject({
          store: false,
          reuseWithoutAsking: false,
        });
      }
    });
  }

  it('a logo: revalidated while shown, 404 and never stored once removed', async () => {
    const png = tinyPng(7);
    const sha = sha256Hex(png);
    const url = '/en/workspace/organizations/cache-org/logo';
    await upload(admin, url, 'logo', 'logo.png', png);
    const served = await app.inject({ url: `/files/${sha}` });
    expect(served.statusCode).toBe(200);
    expect(sharedCacheMay(served.headers['cache-control'])).toEqual({
      store: true,
      reuseWithoutAsking: false,
      immutable: false,
    });

    const [organization] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cache-org'));
    const removed = await admin.post(`${url}/remove`, { version: String(organization!.version) }, url);
    expect(removed.statusCode).toBe(303);
    const gone = await app.inject({ url: `/files/${sha}` });
    expect(gone.statusCode).toBe(404);
    expect(sharedCacheMay(gone.headers['cache-control']).store).toBe(false);
  });
});
