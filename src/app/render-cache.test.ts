/**
 * The render cache (platform/web/render-cache.ts) on the real app: kept pages are answered from
 * memory with validators, and are never stale — a write (by a service or by plain SQL), an embargo
 * lifting, or a signed-in viewer never gets a page from before.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/app.js';
import { describeEachEngine } from '../../test/support/db.js';
import { createUserWithPassword, signedIn } from '../../test/support/visitors.js';
import { loadDemo } from '../features/demo/index.js';
import { readContentVersion } from '../platform/db/content-version.js';
import * as t from '../platform/db/schema/index.js';
import { localized } from '../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';
import { buildApp } from './app.js';

const RELEASE = 'guatemala-vp-visit-2021';
const ORGANIZATION = 'cejil';

describeEachEngine('render cache', (ctx) => {
  let app: FastifyTypeBox;
  let clock = new Date('2026-12-02T12:00:00Z');
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await createTestApp(ctx.db, () => clock);
    await app.ready();
  });
  beforeEach(() => {
    clock = new Date('2026-12-02T12:00:00Z');
    app.renderCache.clear();
  });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('answers a public page from memory after the first render, with validators and shared-cache headers', async () => {
    const first = await get(`/en/releases/${RELEASE}`);
    const before = app.renderCache.stats();
    const second = await get(`/en/releases/${RELEASE}`);
    expect(first.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(app.renderCache.stats().hits).toBe(before.hits + 1);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(second.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.headers['surrogate-key']).toBe('puente-public');
    expect(second.headers['last-modified']).toBeTruthy();

    const revalidated = await get(`/en/releases/${RELEASE}`, { 'if-none-match': String(first.headers.etag) });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    const head = await app.inject({ method: 'HEAD', url: `/en/releases/${RELEASE}` });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('keeps compressed copies and sends the one the reader takes', async () => {
    const plain = await get('/es/organizations');
    const br = await get('/es/organizations', { 'accept-encoding': 'gzip, br' });
    const gzip = await get('/es/organizations', { 'accept-encoding': 'gzip, br;q=0' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
  });

  it('shows a write on the next request, whether a service or plain SQL made it', async () => {
    const url = `/en/organizations/${ORGANIZATION}`;
    await get(url);
    await get(url);
    const [org] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, ORGANIZATION));
    const moved = 'https://moved-by-plain-sql.example.org';
    await ctx.db.update(t.organizations).set({ website: moved }).where(eq(t.organizations.slug, ORGANIZATION));
    expect((await get(url)).body).toContain('moved-by-plain-sql.example.org');
    // Downloads too: the release's Markdown closes with the organizations' websites.
    expect((await get(`/en/releases/${RELEASE}/release.md`)).body).toContain('moved-by-plain-sql.example.org');
    await ctx.db.update(t.organizations).set({ website: org!.website }).where(eq(t.organizations.slug, ORGANIZATION));
    expect((await get(url)).body).not.toContain('moved-by-plain-sql');
  });

  it('shows an embargoed release at its lift, not a request later, and tells shared caches not to hold it past', async () => {
    const lift = new Date(clock.getTime() + 120_000);
    await ctx.db.update(t.releases).set({ embargoedUntil: lift }).where(eq(t.releases.slug, RELEASE));
    try {
      const before = await get('/en/releases');
      expect(before.body).not.toContain(`/en/releases/${RELEASE}"`);
      const maxAge = Number(/max-age=(\d+)/.exec(String(before.headers['cache-control']))?.[1]);
      const stale = Number(/stale-while-revalidate=(\d+)/.exec(String(before.headers['cache-control']))?.[1] ?? 0);
      expect(maxAge + stale).toBeLessThanOrEqual(120);
      expect((await get('/en/releases')).body).toBe(before.body);
      clock = new Date(lift.getTime() - 1);
      expect((await get('/en/releases')).body).not.toContain(`/en/releases/${RELEASE}"`);
      clock = lift;
      expect((await get('/en/releases')).body).toContain(`/en/releases/${RELEASE}"`);
      expect((await get(`/en/releases/${RELEASE}`)).statusCode).toBe(200);
    } finally {
      await ctx.db.update(t.releases).set({ embargoedUntil: null }).where(eq(t.releases.slug, RELEASE));
    }
  });

  it('never keeps or serves a signed-in page', async () => {
    const editor = await createUserWithPassword(ctx.db, { email: 'cache-editor@example.org', role: 'editor' });
    const visitor = await signedIn(app, editor.email);
    const url = `/en/releases/${RELEASE}`;
    const signedInFirst = await visitor.get(url);
    expect(signedInFirst.headers['cache-control']).toBe('private, no-store');
    expect(signedInFirst.body).toContain(editor.email);
    const anonymous = await get(url);
    expect(anonymous.body).not.toContain(editor.email);
    expect(anonymous.headers['cache-control']).toMatch(/^public/);
    const signedInAfter = await visitor.get(url);
    expect(signedInAfter.body).toContain(editor.email);
    expect(signedInAfter.headers['cache-control']).toBe('private, no-store');
  });

  it('leaves workspace and error answers alone', async () => {
    const missing = await get('/en/releases/no-such-release');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['surrogate-key']).toBeUndefined();
    const signIn = await get('/en/sign-in');
    expect(signIn.headers['surrogate-key']).toBeUndefined();
  });
});

describeEachEngine('render cache purge hook and request log', (ctx) => {
  it('POSTs to PUENTE_PURGE_URL when a write changes what the public sees', async () => {
    const purges: { tag: string; version: number; reason: string }[] = [];
    let purged: (value: unknown) => void = () => {};
    const firstPurge = new Promise((resolve) => {
      purged = resolve;
    });
    const proxy = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        purges.push(JSON.parse(body));
        response.end('purged');
        purged(undefined);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.address() as AddressInfo;
    const app = await buildApp({ db: ctx.db, purgeUrl: `http://127.0.0.1:${port}/purge`, purgeEveryMs: 20 });
    try {
      await app.ready();
      const before = await readContentVersion(ctx.db);
      await ctx.db.insert(t.themes).values({ slug: 'purge-me', label: localized('en', 'Purge me') });
      await firstPurge;
      expect(purges[0]).toEqual({ tag: 'puente-public', version: before.version + 1, reason: 'write' });
    } finally {
      await app.close();
      proxy.close();
    }
  });

  it('logs one line per request, a render-cache hit included, saying whether the cache answered', async () => {
    const lines: { msg: string; cache?: string; res?: { statusCode: number }; req?: { url: string } }[] = [];
    const stream = { write: (line: string) => lines.push(JSON.parse(line)) };
    const app = await buildApp({ db: ctx.db, logger: { level: 'info', stream } });
    try {
      await app.inject({ method: 'GET', url: '/en/organizations' });
      await app.inject({ method: 'GET', url: '/en/organizations' });
      const requests = lines.filter((line) => line.req);
      expect(requests.map((line) => [line.msg, line.req?.url, line.res?.statusCode, line.cache])).toEqual([
        ['request completed', '/en/organizations', 200, 'MISS'],
        ['request completed', '/en/organizations', 200, 'HIT'],
      ]);
    } finally {
      await app.close();
    }
  });
});
