/**
 * The public API (issue 16) on one database with the demo coalition and one statement and release per
 * publication state: the OpenAPI document is valid OpenAPI 3.1 (a well-kept validator), every answer
 * of these tests matches its schema in that document (Ajv, JSON Schema 2020-12), each list walked by
 * its `next` links gives every public item once, and no draft, embargoed or withdrawn item appears.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import {
  followupText,
  insertFollowup,
  insertSampleRelease,
  insertSampleStatement,
  releaseSamples,
  releaseSlugOf,
  releaseTitleOf,
  samples,
  slugOf,
  T,
  titleOf,
} from '../../../test/support/visibility-matrix-samples.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import { visibilityState } from '../../platform/visibility.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';

const BASE = 'http://localhost:3000';
const hidden = samples.filter((s) => visibilityState(s, T) !== 'published');
const shown = samples.filter((s) => visibilityState(s, T) === 'published');

interface Doc {
  paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: object }> }> } }>;
}

describeEachEngine('public JSON API', (ctx) => {
  let app: FastifyTypeBox;
  let doc: Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (formats as unknown as (a: Ajv2020) => void)(ajv);
  /** Every body these tests received, to search for what must never leak. */
  const seen: string[] = [];

  beforeAll(async () => {
    await loadDemo(ctx.db);
    for (const s of samples) {
      const statementId = await insertSampleStatement(ctx.db, s, localized('en', titleOf(s)));
      const recs = await ctx.db
        .insert(t.recommendations)
        .values(
          [1, 2, 3].map((n) => ({
            statementId,
            slug: `r${n}`,
            position: n,
            text: localized('en', `Recommendation ${n} of ${titleOf(s)}`),
          })),
        )
        .returning();
      await insertFollowup(ctx.db, s, statementId, recs[0]!.id);
    }
    for (const s of releaseSamples) await insertSampleRelease(ctx.db, s, localized('en', releaseTitleOf(s)));
    app = await createTestApp(ctx.db, () => T);
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });

  /** GET an API address and check the answer against the document's schema for its route and status. */
  async function api(url: string, headers: Record<string, string> = {}) {
    const response = await app.inject({ method: 'GET', url, headers });
    seen.push(response.body);
    if (response.statusCode === 304) return { response, body: null };
    const path = new URL(url, BASE).pathname;
    const route = Object.keys(doc.paths).find((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
    expect(route, `a documented route for ${path}`).toBeDefined();
    const answer = doc.paths[route!]!.get.responses[String(response.statusCode)];
    expect(answer, `${url}: status ${response.statusCode} is documented`).toBeDefined();
    const [type, content] = Object.entries(answer!.content)[0]!;
    expect(String(response.headers['content-type']).split(';')[0]).toBe(type);
    const body = response.json();
    const validate = ajv.compile(content.schema);
    expect(validate(body), `${url}: ${JSON.stringify(validate.errors)}`).toBe(true);
    return { response, body };
  }

  /** Follows `links.next` from `url` to the end; the items' keys in the order met. */
  async function walk(url: string, key: (item: Record<string, unknown>) => string) {
    const keys: string[] = [];
    let next: string | null = url;
    for (let pages = 0; next && pages < 200; pages++) {
      const { body } = await api(next.replace(BASE, ''));
      keys.push(...body.data.map(key));
      next = body.links.next;
    }
    return keys;
  }

  it('serves a valid OpenAPI 3.1 document describing every API route', async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect((doc as { openapi?: string }).openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/follow-up',
      '/api/v1/follow-up/{kind}/{id}',
      '/api/v1/organizations',
      '/api/v1/organizations/{slug}',
      '/api/v1/releases',
      '/api/v1/releases/{slug}',
      '/api/v1/statements',
      '/api/v1/statements/{slug}',
      '/api/v1/statements/{slug}/recommendations',
      '/api/v1/statements/{slug}/recommendations/{recommendation}',
    ]);
  });

  it('walks every list completely by its cursors, each item once, the same as one big page', async () => {
    const lists: [string, (item: Record<string, unknown>) => string][] = [
      ['/api/v1/statements', (i) => String(i.slug)],
      [`/api/v1/statements/${slugOf(shown[0]!)}/recommendations`, (i) => String(i.slug)],
      ['/api/v1/organizations', (i) => String(i.slug)],
      ['/api/v1/releases', (i) => String(i.slug)],
      ['/api/v1/follow-up', (i) => `${i.kind}/${i.id}`],
    ];
    for (const [url, key] of lists) {
      const small = await walk(`${url}?limit=2`, key);
      const whole = await walk(`${url}?limit=100`, key);
      expect(small.length, url).toBeGreaterThan(2);
      expect(new Set(small).size, `${url}: no duplicates`).toBe(small.length);
      expect(small, url).toEqual(whole);
    }
    const statements = await walk('/api/v1/statements?limit=3', (i) => String(i.slug));
    expect(statements).toEqual(expect.arrayContaining(shown.map(slugOf)));
    const [organizations] = await ctx.db.select({ n: t.organizations.id }).from(t.organizations);
    expect(organizations).toBeDefined();
  });

  it('answers items with their current status and links, and 404 problems for what is not public', async () => {
    const s = shown[0]!;
    const { body: statement } = await api(`/api/v1/statements/${slugOf(s)}`);
    expect(statement.title.en.text).toBe(titleOf(s));
    expect(statement.recommendationCount).toBe(3);
    const { body: rec } = await api(`/api/v1/statements/${slugOf(s)}/recommendations/r1`);
    // The published status update is current; the draft one (a day later) is not.
    expect(rec.currentStatus).toEqual({ status: 'in_progress', date: '2026-11-03' });
    expect(rec.number).toBe(1);
    const { body: second } = await api(`/api/v1/statements/${slugOf(s)}/recommendations/r2`);
    expect(second.currentStatus).toBeNull();
    for (const h of hidden) {
      for (const url of [
        `/api/v1/statements/${slugOf(h)}`,
        `/api/v1/statements/${slugOf(h)}/recommendations`,
        `/api/v1/statements/${slugOf(h)}/recommendations/r1`,
        `/api/v1/releases/${releaseSlugOf(h)}`,
      ]) {
        const { response, body } = await api(url);
        expect(response.statusCode, url).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(body.detail).toContain(new URL(url, BASE).pathname);
      }
    }
    const [draft] = await ctx.db
      .select({ id: t.followupStatusUpdates.id })
      .from(t.followupStatusUpdates)
      .where(eq(t.followupStatusUpdates.publication, 'draft'))
      .limit(1);
    expect((await api(`/api/v1/follow-up/status_update/${draft!.id}`)).response.statusCode).toBe(404);
    expect((await api('/api/v1/follow-up/status_update/0')).response.statusCode).toBe(404);
  });

  it('never shows a draft, embargoed or withdrawn statement, release or entry, nor a draft entry', async () => {
    await walk('/api/v1/follow-up?limit=100', (i) => `${i.kind}/${i.id}`);
    await walk('/api/v1/releases?limit=100', (i) => String(i.slug));
    await walk('/api/v1/statements?limit=100', (i) => String(i.slug));
    const all = seen.join('\n');
    for (const s of hidden) {
      expect(all).not.toContain(titleOf(s));
      expect(all).not.toContain(`"${slugOf(s)}"`);
      expect(all).not.toContain(releaseTitleOf(s));
      for (const kind of ['response', 'status', 'meeting', 'commitment']) {
        expect(all).not.toContain(followupText(kind, s, false));
      }
    }
    for (const s of samples) {
      for (const kind of ['response', 'status', 'meeting', 'commitment']) {
        expect(all).not.toContain(followupText(kind, s, true));
      }
    }
    for (const s of shown) {
      expect(all).toContain(titleOf(s));
      expect(all).toContain(releaseTitleOf(s));
      for (const kind of ['response', 'status', 'meeting', 'commitment']) {
        expect(all).toContain(followupText(kind, s, false));
      }
    }
  });

  it('answers with an ETag and 304, CORS for GET from any origin, a clear 400 for a bad limit, 429 past the limit', async () => {
    const first = await api('/api/v1/statements', { origin: 'https://example.net' });
    const etag = String(first.response.headers.etag);
    expect(etag).toMatch(/^"/);
    expect(first.response.headers['access-control-allow-origin']).toBe('*');
    expect(String(first.response.headers['access-control-expose-headers'])).toContain('ETag');
    const again = await api('/api/v1/statements', { 'if-none-match': etag, origin: 'https://example.net' });
    expect(again.response.statusCode).toBe(304);
    expect(again.response.headers['access-control-allow-origin']).toBe('*');
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/statements',
      headers: {
        origin: 'https://example.net',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(String(preflight.headers['access-control-allow-methods'])).toBe('GET, HEAD');
    const bad = await api('/api/v1/statements?limit=1000', { 'accept-language': 'es' });
    expect(bad.response.statusCode).toBe(400);
    expect(bad.body.detail).toContain('«limit»');
    // An address that used up its minute gets a 429 problem with Retry-After (a kept answer would not count).
    await ctx.db.insert(t.rateLimitBuckets).values({ key: 'api:10.99.0.1', windowStart: T, count: 300 });
    const limited = await app.inject({
      method: 'GET',
      url: '/api/v1/organizations?limit=7',
      remoteAddress: '10.99.0.1',
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.json()).toMatchObject({ status: 429, title: 'Too many requests' });
    const unknown = await app.inject({ method: 'GET', url: '/api/v2/nothing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('/api/v2/nothing');
  });

  it('renders the reference page from the document in both languages, without scripts', async () => {
    for (const locale of ['en', 'es'] as const) {
      const { status, $ } = await getPage(app, `/${locale}/api`);
      expect(status).toBe(200);
      expect($('html').attr('lang')).toBe(locale);
      expect($('script').length).toBe(0);
      expect($('h3 code').length).toBe(Object.keys(doc.paths).length);
      expect($('h3 code').first().text()).toMatch(/^GET \/api\/v1\//);
      expect($('a[href="/api/openapi.json"]').length).toBe(1);
      expect($(`a[href="/${locale}/recommendations.csv"]`).length).toBe(1);
    }
    const { $ } = await getPage(app, '/es/api');
    expect($('main').text()).toContain('Declaraciones publicadas');
    const home = await getPage(app, '/es/');
    expect(home.$('footer a[href="/es/api"]').length).toBe(1);
  });
});
