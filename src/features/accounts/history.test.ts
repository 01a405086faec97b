import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { csvCell } from './history.js';

describeEachEngine('history for admins, with diffs and CSV', (ctx) => {
  let app: FastifyTypeBox;
  let cejilId = 0;
  let admin: Visitor;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db });
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    cejilId = cejil!.id;
    await createUserWithPassword(ctx.db, { email: 'admin@example.org', role: 'admin' });
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' });
    await createUserWithPassword(ctx.db, { email: 'm@cejil.org', role: 'member', organizationId: cejilId });
    const member = await signedIn(app, 'm@cejil.org');
    const edit = { version: cejil!.version, locale: 'en', text: '=HYPERLINK("http://evil.example")' };
    expect((await member.post('/en/organizations/cejil/boilerplate', edit)).statusCode).toBe(303);
    admin = await signedIn(app, 'admin@example.org');
  });

  it('shows the admin who changed what, with the old and the new text', async () => {
    const page = await admin.get(`/es/admin/history/organization/${cejilId}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    const $ = cheerio.load(page.body);
    expect($('h1').text()).toBe(`Historial de la organización ${cejilId}`);
    expect($('.history li').text()).toContain('m@cejil.org');
    expect($('.history del').text()).toContain('[en] ');
    expect($('.history ins').text()).toContain('[en] =HYPERLINK("http://evil.example")\n[es] ');
  });

  it('exports the same history as CSV, one row per changed field', async () => {
    const csv = await admin.get(`/en/admin/history/organization/${cejilId}/history.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="organization-${cejilId}-history.csv"`);
    const [header, row] = csv.body.split('\r\n');
    expect(header).toBe('at,actor,entity_type,entity_id,action,field,before,after');
    expect(row).toContain(`,m@cejil.org,organization,${cejilId},update_boilerplate,boilerplate,`);
    expect(row).toContain('"[en] =HYPERLINK(""http://evil.example"")\n[es] ');
  });

  it('keeps histories from everyone else', async () => {
    for (const email of ['editor@example.org', 'm@cejil.org']) {
      const visitor = await signedIn(app, email);
      expect((await visitor.get(`/en/admin/history/organization/${cejilId}`)).statusCode).toBe(403);
      expect((await visitor.get(`/en/admin/history/organization/${cejilId}/history.csv`)).statusCode).toBe(403);
    }
    const anonymous = new Visitor(app);
    expect((await anonymous.get(`/en/admin/history/organization/${cejilId}`)).headers.location).toBe('/en/sign-in');
  });

  it('never records passwords or token hashes, even for accounts', async () => {
    const users = await ctx.db.select().from(t.auditLog).where(eq(t.auditLog.entityType, 'user'));
    expect(users.length).toBeGreaterThan(0);
    const text = JSON.stringify(users);
    expect(text).not.toMatch(/argon2|password|hash/i);
  });
});

describe('csvCell', () => {
  it('defuses formulas and quotes what needs quoting', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('plain')).toBe('plain');
  });
});
