/** Every role × entity × action over HTTP, on both engines: who may, who may not. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import { POLICY_ACCOUNTS, Visitor, visitorsAs } from '../../test/support/visitors.js';
import { loadDemo } from '../features/demo/index.js';
import { listAudit } from '../platform/audit.js';
import * as t from '../platform/db/schema/index.js';
import {
  canChangeAccount,
  canEditOrganization,
  canEditStatement,
  canManageSignOn,
  canManageUsers,
  canReadSignOnDraft,
  canSignOnStatement,
  canViewAudit,
  canWithdrawSignature,
} from '../platform/policy.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';
import { buildApp } from './app.js';

const STATEMENT = 'guatemala-vp-visit-2021';
type Who = 'anonymous' | 'memberOwn' | 'memberOther' | 'editor' | 'admin';
const everyone: Who[] = ['anonymous', 'memberOwn', 'memberOther', 'editor', 'admin'];

/** Expected answer per visitor; 303 is "done, go on", the others refuse. */
const matrix: { action: string; allowed: Who[]; refusedAnonymous: number }[] = [
  { action: 'view the boilerplate form of cejil', allowed: ['memberOwn', 'admin'], refusedAnonymous: 303 },
  { action: 'edit the boilerplate of cejil', allowed: ['memberOwn', 'admin'], refusedAnonymous: 403 },
  { action: 'unpublish the statement', allowed: ['editor', 'admin'], refusedAnonymous: 403 },
  { action: 'publish the statement', allowed: ['editor', 'admin'], refusedAnonymous: 403 },
];

describeEachEngine('policy over HTTP: role × entity × action', (ctx) => {
  let app: FastifyTypeBox;
  const visitors = new Map<Who, Visitor>();
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db });
    for (const [who, visitor] of await visitorsAs(app, ctx.db, POLICY_ACCOUNTS)) visitors.set(who, visitor);
  });

  const version = async (table: typeof t.organizations | typeof t.statements, slug: string) =>
    (await ctx.db.select({ v: table.version }).from(table).where(eq(table.slug, slug)))[0]!.v;

  async function attempt(who: Who, action: string) {
    const visitor = visitors.get(who)!;
    switch (action) {
      case 'view the boilerplate form of cejil':
        return visitor.get('/en/organizations/cejil/boilerplate');
      case 'edit the boilerplate of cejil':
        return visitor.post('/en/organizations/cejil/boilerplate', {
          version: await version(t.organizations, 'cejil'),
          locale: 'en',
          text: `CEJIL, as edited by ${who}.`,
        });
      case 'unpublish the statement':
        return visitor.post(`/en/statements/${STATEMENT}/unpublish`, {
          version: await version(t.statements, STATEMENT),
        });
      default:
        return visitor.post(`/en/statements/${STATEMENT}/publish`, { version: await version(t.statements, STATEMENT) });
    }
  }

  for (const { action, allowed, refusedAnonymous } of matrix) {
    for (const who of everyone) {
      const ok = allowed.includes(who);
      const expected = ok ? (action.startsWith('view') ? 200 : 303) : who === 'anonymous' ? refusedAnonymous : 403;
      it(`${who} ${ok ? 'may' : 'may not'} ${action} (${expected})`, async () => {
        const response = await attempt(who, action);
        expect(response.statusCode).toBe(expected);
        if (expected === 303 && who === 'anonymous') expect(response.headers.location).toBe('/en/sign-in');
      });
    }
  }

  it('every allowed change left an audit record naming who did it, with before and after', async () => {
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    const [statement] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, STATEMENT));
    // Makes every allowed change itself, then reads the records written since (the matrix tests
    // above may or may not have run, in any order).
    const earlier = {
      organization: (await listAudit(ctx.db, 'organization', cejil!.id)).length,
      statement: (await listAudit(ctx.db, 'statement', statement!.id)).length,
    };
    for (const { action, allowed } of matrix) {
      if (action.startsWith('view')) continue;
      for (const who of allowed) expect((await attempt(who, action)).statusCode, `${who} ${action}`).toBe(303);
    }
    const history = (await listAudit(ctx.db, 'organization', cejil!.id)).slice(earlier.organization);
    expect(history.map((e) => e.actorLabel)).toEqual(['own@cejil.org', 'admin@example.org']);
    expect(history[1]!.after).toMatchObject({ boilerplate: { en: { text: 'CEJIL, as edited by admin.' } } });
    expect(history[1]!.before).toMatchObject({ boilerplate: { en: { text: 'CEJIL, as edited by memberOwn.' } } });
    const actions = (await listAudit(ctx.db, 'statement', statement!.id))
      .slice(earlier.statement)
      .map((e) => `${e.actorLabel} ${e.action}`);
    expect(actions).toEqual([
      'editor@example.org unpublish',
      'admin@example.org unpublish',
      'editor@example.org publish',
      'admin@example.org publish',
    ]);
  });

  it('an editor embargoes, then publishes, then withdraws: the public page follows each step', async () => {
    const editor = visitors.get('editor')!;
    const publicPage = async () => (await new Visitor(app).get(`/en/statements/${STATEMENT}`)).statusCode;
    const embargoUntil = new Date(Date.now() + 60 * 60_000).toISOString();
    const act = async (action: string, extra: Record<string, string> = {}) =>
      (
        await editor.post(`/en/statements/${STATEMENT}/${action}`, {
          version: await version(t.statements, STATEMENT),
          ...extra,
        })
      ).statusCode;
    expect(await act('publish', { embargoUntil })).toBe(303);
    expect(await publicPage()).toBe(404);
    expect(await act('publish', { embargoUntil: '' })).toBe(303);
    expect(await publicPage()).toBe(200);
    expect(await act('withdraw')).toBe(303);
    expect(await publicPage()).toBe(404);
    expect(await act('publish')).toBe(303);
    const member = visitors.get('memberOwn')!;
    const refused = await member.post(`/en/statements/${STATEMENT}/withdraw`, {
      version: await version(t.statements, STATEMENT),
    });
    expect(refused.statusCode).toBe(403);
  });

  it('the edited boilerplate is what the public page shows', async () => {
    expect((await attempt('admin', 'edit the boilerplate of cejil')).statusCode).toBe(303);
    const page = await new Visitor(app).get('/en/organizations/cejil');
    expect(page.body).toContain('CEJIL, as edited by admin.');
  });
});

describe('policy functions', () => {
  const member = { id: 1, role: 'member' as const, organizationId: 7, disabled: false };
  it('a disabled account may do nothing', () => {
    const admin = { id: 2, role: 'admin' as const, organizationId: null, disabled: true };
    expect([canEditOrganization(admin, { id: 7 }), canEditStatement(admin), canManageUsers(admin)]).toEqual([
      false,
      false,
      false,
    ]);
  });
  it('members edit only their own organization and no statement; only admins see histories', () => {
    expect(canEditOrganization(member, { id: 7 })).toBe(true);
    expect(canEditOrganization(member, { id: 8 })).toBe(false);
    expect(canEditStatement(member)).toBe(false);
    expect(canViewAudit(member)).toBe(false);
    expect(canViewAudit(null)).toBe(false);
  });

  it('sign-on: members sign and withdraw for their own organization only, while open / before publication', () => {
    const open = { open: true };
    const closed = { open: false };
    const disabledMember = { ...member, disabled: true };
    const editor = { id: 3, role: 'editor' as const, organizationId: null, disabled: false };
    expect(canSignOnStatement(member, { id: 7 }, open)).toBe(true);
    expect(canSignOnStatement(member, { id: 8 }, open)).toBe(false);
    expect(canSignOnStatement(member, { id: 7 }, closed)).toBe(false);
    expect(canSignOnStatement(member, { id: 7 }, null)).toBe(false);
    expect(canSignOnStatement(disabledMember, { id: 7 }, open)).toBe(false);
    expect(canSignOnStatement(editor, { id: 7 }, open)).toBe(false);
    expect(canWithdrawSignature(member, { id: 7 }, { status: 'draft' })).toBe(true);
    expect(canWithdrawSignature(member, { id: 7 }, { status: 'published' })).toBe(false);
    expect(canWithdrawSignature(member, { id: 8 }, { status: 'draft' })).toBe(false);
    expect([canManageSignOn(editor), canManageSignOn(member), canManageSignOn(null)]).toEqual([true, false, false]);
    expect([
      canReadSignOnDraft(member, open),
      canReadSignOnDraft(member, closed),
      canReadSignOnDraft(member, closed, true),
    ]).toEqual([true, false, true]);
    expect(canReadSignOnDraft(null, open)).toBe(false);
  });
  it('account changes: the admin, on anyone but themselves', () => {
    const admin = { id: 2, role: 'admin' as const, organizationId: null, disabled: false };
    expect(canChangeAccount(admin, { id: 5 })).toBe(true);
    expect(canChangeAccount(admin, { id: 2 })).toBe(false);
    expect(canChangeAccount(member, { id: 5 })).toBe(false);
  });
});
