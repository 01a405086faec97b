/** Behind a reverse proxy (PUENTE_TRUST_PROXY): the client's real address and protocol, and only from trusted proxies. */
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';
import { RATE_LIMITS } from '../platform/web/rate-limit.js';
import { buildApp } from './app.js';
import type { TrustProxy } from './config.js';

const PROXY = '127.0.0.1';

describeEachEngine('trustProxy: rate limits and Secure cookies behind a reverse proxy', (ctx) => {
  let trusting: FastifyTypeBox;
  let untrusting: FastifyTypeBox;
  let clients = 0;
  /** A different client address each call, so tests never share a bucket by accident. */
  const nextClient = () => `198.51.100.${++clients}`;

  beforeAll(async () => {
    const build = (trustProxy: TrustProxy) => buildApp({ db: ctx.db, trustProxy });
    trusting = await build([PROXY]);
    untrusting = await build(false);
  });

  /** A POST through the proxy for `client` (no CSRF token: it is refused, but counted first). */
  const postVia = (app: FastifyTypeBox, client: string, remoteAddress = PROXY) =>
    app.inject({
      method: 'POST',
      url: '/en/sign-out',
      remoteAddress,
      headers: { 'x-forwarded-for': client, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_csrf=x',
    });

  async function exhaust(app: FastifyTypeBox, client: () => string, remoteAddress = PROXY) {
    for (let i = 0; i < RATE_LIMITS.post.limit; i++) {
      expect((await postVia(app, client(), remoteAddress)).statusCode).toBe(403);
    }
  }

  it('counts each client behind a trusted proxy on its own: one busy client does not block the next', async () => {
    const busy = nextClient();
    await exhaust(trusting, () => busy);
    expect((await postVia(trusting, busy)).statusCode).toBe(429);
    expect((await postVia(trusting, nextClient())).statusCode).toBe(403);
  });

  it('ignores X-Forwarded-For when no proxy is trusted: inventing addresses does not escape the limit', async () => {
    const remote = `203.0.113.${++clients}`;
    await exhaust(untrusting, nextClient, remote);
    expect((await postVia(untrusting, nextClient(), remote)).statusCode).toBe(429);
  });

  it('ignores X-Forwarded-For from an address that is not the trusted proxy', async () => {
    const stranger = `203.0.113.${++clients}`;
    await exhaust(trusting, nextClient, stranger);
    expect((await postVia(trusting, nextClient(), stranger)).statusCode).toBe(429);
  });

  it('marks cookies Secure (__Host-) when the trusted proxy says the visitor came over HTTPS', async () => {
    const viaProxy = await trusting.inject({
      url: '/en/sign-in',
      remoteAddress: PROXY,
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': nextClient() },
    });
    const cookie = String(viaProxy.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-puente_csrf=/);
    expect(cookie).toMatch(/; Secure/);
  });

  it('a hop count (PUENTE_TRUST_PROXY=1) believes the nearest proxy about address and protocol', async () => {
    const oneHop = await buildApp({ db: ctx.db, trustProxy: 1 });
    const response = await oneHop.inject({
      url: '/en/sign-in',
      remoteAddress: '203.0.113.251',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': nextClient() },
    });
    expect(String(response.headers['set-cookie'])).toMatch(/^__Host-puente_csrf=.*; Secure/);
    const busy = nextClient();
    await exhaust(oneHop, () => busy, '203.0.113.251');
    expect((await postVia(oneHop, busy, '203.0.113.251')).statusCode).toBe(429);
    expect((await postVia(oneHop, nextClient(), '203.0.113.251')).statusCode).toBe(403);
  });

  it('does not believe X-Forwarded-Proto from anyone else', async () => {
    for (const [app, remoteAddress] of [
      [untrusting, PROXY],
      [trusting, '203.0.113.250'],
    ] as const) {
      const response = await app.inject({
        url: '/en/sign-in',
        remoteAddress,
        headers: { 'x-forwarded-proto': 'https' },
      });
      const cookie = String(response.headers['set-cookie']);
      expect(cookie).toMatch(/^puente_csrf=/);
      expect(cookie).not.toMatch(/Secure/);
    }
  });
});
