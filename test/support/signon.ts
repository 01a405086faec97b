/**
 * The sign-on tests' shared set-up (src/features/signon/*.test.ts): the demo coalition, the app with a
 * clock a test may move, the policy accounts signed in, a fresh draft statement per test, and the
 * requests each visitor sends.
 */
import { eq } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import { buildApp } from '../../src/app/app.js';
import { loadDemo } from '../../src/features/demo/index.js';
import * as t from '../../src/platform/db/schema/index.js';
import { localized } from '../../src/platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../src/platform/web/fastify-typebox.js';
import type { TestDb } from './db.js';
import { POLICY_ACCOUNTS, type Visitor, visitorsAs } from './visitors.js';

export type Who = 'anonymous' | 'memberOwn' | 'memberOther' | 'editor' | 'admin';
export const everyone: Who[] = ['anonymous', 'memberOwn', 'memberOther', 'editor', 'admin'];
export const members: Who[] = ['memberOwn', 'memberOther'];
export const editors: Who[] = ['editor', 'admin'];

/** Call inside a describe block: registers the set-up and returns the helpers. */
export function signOnFixture(ctx: TestDb) {
  let app: FastifyTypeBox;
  const visitors = new Map<Who, Visitor>();
  let statements = 0;
  /** The app's clock: real time unless a test moves it (and puts it back). */
  let clock: Date | null = null;

  /** A fresh draft statement per test, so tests never depend on each other. */
  async function newStatement(): Promise<string> {
    statements += 1;
    const slug = `signon-${statements}`;
    await ctx.db.insert(t.statements).values({
      slug,
      title: localized('en', `Sign-on statement ${statements}`, { es: `Declaración para firmar ${statements}` }),
      summary: localized('en', 'A summary only members asked to sign may read.'),
      date: '2026-11-01',
    });
    return slug;
  }
  const statementRow = async (slug: string) =>
    (await ctx.db.select().from(t.statements).where(eq(t.statements.slug, slug)))[0]!;
  const callVersion = async (slug: string) =>
    (
      await ctx.db
        .select()
        .from(t.signOnCalls)
        .where(eq(t.signOnCalls.statementId, (await statementRow(slug)).id))
    )[0]?.version ?? 0;
  const requests = async (slug: string) =>
    ctx.db
      .select()
      .from(t.signOnRequests)
      .where(eq(t.signOnRequests.statementId, (await statementRow(slug)).id));
  const signatorySlugs = async (slug: string) =>
    (
      await ctx.db
        .select({ slug: t.organizations.slug })
        .from(t.signatories)
        .innerJoin(t.organizations, eq(t.organizations.id, t.signatories.organizationId))
        .where(eq(t.signatories.statementId, (await statementRow(slug)).id))
    ).map((r) => r.slug);

  const as = (who: Who) => visitors.get(who)!;
  const open = async (slug: string) =>
    as('editor').post(`/en/sign-on/${slug}/open`, { version: await callVersion(slug) });
  const sign = async (who: Who, slug: string, version = 0) => as(who).post(`/en/sign-on/${slug}/sign`, { version });
  async function decide(slug: string, org: string, decision: 'approve' | 'decline', who: Who = 'editor') {
    const [organization] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, org));
    const request = (await requests(slug)).find((r) => r.organizationId === organization!.id)!;
    return as(who).post(`/en/sign-on/${slug}/requests/${request.id}/${decision}`, { version: request.version });
  }
  async function publish(slug: string) {
    await ctx.db.update(t.statements).set({ status: 'published' }).where(eq(t.statements.slug, slug));
  }

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => clock ?? new Date() });
    for (const [who, visitor] of await visitorsAs(app, ctx.db, POLICY_ACCOUNTS)) visitors.set(who, visitor);
  });

  return {
    app: () => app,
    /** The number in the newest statement's title ("Sign-on statement N"). */
    statementNumber: () => statements,
    as,
    newStatement,
    statementRow,
    callVersion,
    requests,
    signatorySlugs,
    open,
    sign,
    decide,
    publish,
    /** Moves the app's clock (null: real time again). */
    setClock: (at: Date | null) => {
      clock = at;
    },
  };
}
