/** POST rate limits: per address before sign-in, per account after, so a shared office address is not one bucket. */
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import { createUserWithPassword, Visitor } from '../../test/support/visitors.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';
import { RATE_LIMITS } from '../platform/web/rate-limit.js';
import { buildApp } from './app.js';

describeEachEngine('POST rate limits for signed-in people', (ctx) => {
  let app: FastifyTypeBox;
  const OFFICE = '192.0.2.77';
  const now = new Date('2026-11-27T12:00:00Z');

  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, now: () => now });
    await createUserWithPassword(ctx.db, { email: 'ana@example.org', role: 'editor' });
    await createUserWithPassword(ctx.db, { email: 'luis@example.org', role: 'editor' });
  });

  /** A POST without a CSRF token: refused with 403, but counted against the limit first. */
  const postAs = (visitor: Visitor) =>
    app.inject({
      method: 'POST',
      url: '/en/sign-out',
      remoteAddress: visitor.remoteAddress,
      headers: { cookie: visitor.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_csrf=x',
    });

  it('counts each signed-in person apart, even from one shared address, and keeps the per-address limit for visitors', async () => {
    const ana = new Visitor(app, OFFICE);
    const luis = new Visitor(app, OFFICE);
    expect((await ana.signIn('ana@example.org')).statusCode).toBe(303);
    expect((await luis.signIn('luis@example.org')).statusCode).toBe(303);

    // More than the per-address limit, all from the office address: still only the CSRF refusal.
    for (let i = 0; i < RATE_LIMITS.signedInPost.limit; i++) expect((await postAs(ana)).statusCode).toBe(403);
    expect(RATE_LIMITS.signedInPost.limit).toBeGreaterThan(RATE_LIMITS.post.limit);
    // Ana's own bucket is full; her colleague at the same address is not affected.
    expect((await postAs(ana)).statusCode).toBe(429);
    expect((await postAs(luis)).statusCode).toBe(403);

    // A visitor who is not signed in is counted per address, as before.
    const stranger = new Visitor(app, '192.0.2.78');
    for (let i = 0; i < RATE_LIMITS.post.limit; i++) expect((await postAs(stranger)).statusCode).toBe(403);
    expect((await postAs(stranger)).statusCode).toBe(429);
  });
});
