/** No lost updates: two people, two sessions, one stale write, on both engines. */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { systemActor } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { createUser, findUserByEmail } from './service.js';
import { changeRole } from './users-admin.js';

describeEachEngine('stale writes are refused with what changed since', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db });
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    await createUserWithPassword(ctx.db, { email: 'ana@example.org', role: 'editor' });
    await createUserWithPassword(ctx.db, { email: 'ben@example.org', role: 'editor' });
    await createUserWithPassword(ctx.db, { email: 'carla@cejil.org', role: 'member', organizationId: cejil!.id });
    await createUserWithPassword(ctx.db, { email: 'dario@cejil.org', role: 'member', organizationId: cejil!.id });
  });

  it('a second editor publishing from a stale page gets 409 naming the first editor’s change', async () => {
    const ana = await signedIn(app, 'ana@example.org');
    const ben = await signedIn(app, 'ben@example.org');
    const [before] = await ctx.db.select().from(t.statements);
    const seen = before!.version;
    expect((await ana.post(`/en/statements/${before!.slug}/unpublish`, { version: seen })).statusCode).toBe(303);
    const stale = await ben.post(`/en/statements/${before!.slug}/unpublish`, { version: seen });
    expect(stale.statusCode).toBe(409);
    const $ = cheerio.load(stale.body);
    expect($('h2').text()).toContain('ana@example.org');
    expect(
      $('td')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['status', 'published', 'draft']);
    const [after] = await ctx.db.select().from(t.statements);
    expect(after!.version).toBe(seen + 1);
  });

  it('two members editing the same boilerplate: the later one sees the earlier text, nothing is overwritten', async () => {
    const carla = await signedIn(app, 'carla@cejil.org');
    const dario = await signedIn(app, 'dario@cejil.org');
    const form = cheerio.load((await dario.get('/es/organizations/cejil/boilerplate')).body);
    const seen = Number(form('input[name=version]').first().attr('value'));
    const edit = (text: string) => ({ version: seen, locale: 'es', text });
    expect((await carla.post('/es/organizations/cejil/boilerplate', edit('Texto de Carla.'))).statusCode).toBe(303);
    const stale = await dario.post('/es/organizations/cejil/boilerplate', edit('Texto de Darío.'));
    expect(stale.statusCode).toBe(409);
    expect(cheerio.load(stale.body)('html').attr('lang')).toBe('es');
    expect(stale.body).toContain('carla@cejil.org');
    expect(stale.body).toContain('Texto de Carla.');
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    expect(cejil!.boilerplate.es?.text).toBe('Texto de Carla.');
  });

  it('a role change signs the user out everywhere, so the new role starts with a new session', async () => {
    const ben = await signedIn(app, 'ben@example.org');
    const user = (await findUserByEmail(ctx.db, 'ben@example.org'))!;
    const admin = await createUser(
      ctx.db,
      { email: 'boss@example.org', role: 'admin' },
      systemActor('test'),
      new Date(),
    );
    const input = { userId: user.id, role: 'admin' as const, organizationId: null, version: user.version };
    await changeRole(ctx.db, admin, input, new Date());
    expect((await ben.get('/en/account')).headers.location).toBe('/en/sign-in');
    const again = await signedIn(app, 'ben@example.org');
    expect((await again.get('/en/account')).body).toContain('coalition admin');
  });
});
