/**
 * Every POST route that addresses a row under its parent (`/statements/:slug/recommendations/:id`,
 * `/sign-on/:slug/requests/:id`, `/open-sign-on/:slug/submissions/:id/…`, `/followup/recommendations/:id/…/:entryId`) answers 404 and changes
 * nothing when the child belongs to another parent (issue 13, finding 6). The route table is read, so a
 * nested POST route added later fails here until it has its case.
 */
import { asc, count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import { multipartBody, tinyPdf, tinyPng } from '../../test/support/files.js';
import { createUserWithPassword, signedIn, type Visitor } from '../../test/support/visitors.js';
import { loadDemo } from '../features/demo/index.js';
import { storeFile } from '../features/files/index.js';
import * as t from '../platform/db/schema/index.js';
import { localized } from '../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';
import { registeredRoutes } from '../platform/web/route-table.js';
import { buildApp } from './app.js';

const NOW = new Date('2026-11-27T12:00:00Z');

/** A POST route whose address names a parent and a child: two parameters, not counting enumerations. */
const isNested = (url: string) => (url.match(/:(?!kind\b|format\b|locale\b|entity\b)\w+/g) ?? []).length >= 2;

describeEachEngine('nested resources: a child is reached only under its own parent', (ctx) => {
  let app: FastifyTypeBox;
  let editor: Visitor;
  /** Filled in beforeAll: a parent's address and the id of a child that belongs to another parent. */
  const ids = {} as Record<
    | 'statementA'
    | 'recommendationOfB'
    | 'quoteOfB'
    | 'requestOfB'
    | 'submissionOfB'
    | 'recommendationX'
    | 'responseOfY'
    | 'statusOfY'
    | 'meetingOfY'
    | 'commitmentOfY'
    | 'personId',
    string
  >;
  type VersionedTable =
    | typeof t.recommendations
    | typeof t.quotes
    | typeof t.signOnRequests
    | typeof t.openSignOnSubmissions
    | typeof t.followupResponses
    | typeof t.followupStatusUpdates
    | typeof t.followupMeetings
    | typeof t.followupCommitments;

  /** Every table these routes could write, as data: equal before and after means nothing changed. */
  async function snapshot() {
    const tables = [
      t.statements,
      t.recommendations,
      t.recommendationThemes,
      t.recommendationAddressees,
      t.quotes,
      t.signOnCalls,
      t.signOnRequests,
      t.signatories,
      t.openSignOnSubmissions,
      t.followupResponses,
      t.followupStatusUpdates,
      t.followupEvidence,
      t.followupMeetings,
      t.followupMeetingRecommendations,
      t.followupCommitments,
      t.followupCommitmentRecommendations,
    ];
    const rows = [];
    for (const table of tables)
      rows.push(
        JSON.stringify(
          await ctx.db
            .select()
            .from(table)
            .orderBy(asc(Object.values(table)[0])),
        ),
      );
    const [audit] = await ctx.db.select({ n: count() }).from(t.auditLog);
    const [files] = await ctx.db.select({ n: count() }).from(t.files);
    return { rows, audit: Number(audit!.n), files: Number(files!.n) };
  }

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => NOW });
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, NOW);
    editor = await signedIn(app, 'editor@example.org');

    // Two draft statements, each with a recommendation, a quote and a sign-on request of its own.
    const [person] = await ctx.db.select().from(t.people).limit(1);
    const organizations = await ctx.db.select().from(t.organizations).orderBy(asc(t.organizations.id)).limit(2);
    const made: Record<string, { recommendation: number; quote: number; request: number; submission: number }> = {};
    for (const slug of ['nested-a', 'nested-b']) {
      const [statement] = await ctx.db
        .insert(t.statements)
        .values({ slug, title: localized('en', slug), date: '2026-11-01' })
        .returning();
      const [recommendation] = await ctx.db
        .insert(t.recommendations)
        .values({
          statementId: statement!.id,
          slug: `only-in-${slug}`,
          position: 1,
          text: localized('en', `Recommendation of ${slug}`),
        })
        .returning();
      const [quote] = await ctx.db
        .insert(t.quotes)
        .values({
          statementId: statement!.id,
          personId: person!.id,
          position: 1,
          text: localized('en', `Quote of ${slug}`),
        })
        .returning();
      await ctx.db.insert(t.signOnCalls).values({ statementId: statement!.id, createdAt: NOW, updatedAt: NOW });
      const [request] = await ctx.db
        .insert(t.signOnRequests)
        .values({ statementId: statement!.id, organizationId: organizations[0]!.id, createdAt: NOW, updatedAt: NOW })
        .returning();
      // A confirmed public signature waiting for the editors' decision, sent with a logo.
      const logo = { mediaType: 'image/png' as const, bytes: tinyPng(slug.length), originalName: 'logo.png' };
      const logoSha256 = await storeFile(ctx.db, logo, null, NOW);
      const [submission] = await ctx.db
        .insert(t.openSignOnSubmissions)
        .values({
          statementId: statement!.id,
          name: `Signer of ${slug}`,
          email: `signer@${slug}.example`,
          locale: 'en',
          status: 'verified',
          nameKey: `signerof${slug}`,
          emailKey: `signer@${slug}.example`,
          logoSha256,
          verifiedAt: NOW,
          createdAt: NOW,
          updatedAt: NOW,
        })
        .returning();
      made[slug] = {
        recommendation: recommendation!.id,
        quote: quote!.id,
        request: request!.id,
        submission: submission!.id,
      };
    }
    ids.statementA = 'nested-a';
    ids.personId = String(person!.id);
    ids.recommendationOfB = String(made['nested-b']!.recommendation);
    ids.quoteOfB = String(made['nested-b']!.quote);
    ids.requestOfB = String(made['nested-b']!.request);
    ids.submissionOfB = String(made['nested-b']!.submission);

    // Follow-up: the demo's entries, each addressed under nested-a's recommendation, which has none.
    ids.recommendationX = String(made['nested-a']!.recommendation);
    const first = async (table: typeof t.followupResponses | typeof t.followupStatusUpdates) =>
      String((await ctx.db.select().from(table).limit(1))[0]!.id);
    ids.responseOfY = await first(t.followupResponses);
    ids.statusOfY = await first(t.followupStatusUpdates);
    ids.meetingOfY = String((await ctx.db.select().from(t.followupMeetings).limit(1))[0]!.id);
    ids.commitmentOfY = String((await ctx.db.select().from(t.followupCommitments).limit(1))[0]!.id);
  });

  /** The version the page showed: the child's own, so that only its parent can be why a post is refused. */
  async function versionOf(table: VersionedTable, id: string): Promise<string> {
    const [row] = await ctx.db
      .select()
      .from(table)
      .where(eq(table.id, Number(id)));
    return String(row!.version);
  }
  const statementVersion = async () =>
    String((await ctx.db.select().from(t.statements).where(eq(t.statements.slug, ids.statementA)))[0]!.version);
  const text = { text_en: 'Rewritten through the wrong parent', text_es: '' };
  const followup = (version: string) => ({
    version,
    date: '2026-11-20',
    summary_en: 'Rewritten through the wrong parent',
  });
  const statements = () => `/en/workspace/statements/${ids.statementA}`;
  const followups = () => `/en/workspace/followup/recommendations/${ids.recommendationX}`;

  /** One case per nested POST route: the address with another parent's child, and the form a browser would send. */
  const cases: Record<string, () => Promise<{ url: string; form?: Record<string, string>; multipart?: true }>> = {
    '/en/workspace/statements/:slug/recommendations/:id': async () => ({
      url: `${statements()}/recommendations/${ids.recommendationOfB}`,
      form: { version: await versionOf(t.recommendations, ids.recommendationOfB), ...text },
    }),
    '/en/workspace/statements/:slug/recommendations/:id/delete': async () => ({
      url: `${statements()}/recommendations/${ids.recommendationOfB}/delete`,
      form: { version: await versionOf(t.recommendations, ids.recommendationOfB) },
    }),
    '/en/workspace/statements/:slug/recommendations/:id/move': async () => ({
      url: `${statements()}/recommendations/${ids.recommendationOfB}/move`,
      form: { version: await statementVersion(), direction: 'up' },
    }),
    '/en/workspace/statements/:slug/recommendations/:id/links': async () => ({
      url: `${statements()}/recommendations/${ids.recommendationOfB}/links`,
      form: { echoes: ids.recommendationX },
    }),
    '/en/workspace/statements/:slug/recommendations/:id/links/remove': async () => ({
      url: `${statements()}/recommendations/${ids.recommendationOfB}/links/remove`,
      form: { other: ids.recommendationX, direction: 'echoes' },
    }),
    '/en/workspace/open-sign-on/:slug/submissions/:id/:decision': async () => ({
      url: `/en/workspace/open-sign-on/${ids.statementA}/submissions/${ids.submissionOfB}/approve`,
      form: { version: await versionOf(t.openSignOnSubmissions, ids.submissionOfB) },
    }),
    '/en/workspace/statements/:slug/quotes/:id': async () => ({
      url: `${statements()}/quotes/${ids.quoteOfB}`,
      form: { version: await versionOf(t.quotes, ids.quoteOfB), personId: ids.personId, ...text },
    }),
    '/en/workspace/statements/:slug/quotes/:id/delete': async () => ({
      url: `${statements()}/quotes/${ids.quoteOfB}/delete`,
      form: { version: await versionOf(t.quotes, ids.quoteOfB) },
    }),
    '/en/workspace/statements/:slug/quotes/:id/move': async () => ({
      url: `${statements()}/quotes/${ids.quoteOfB}/move`,
      form: { version: await statementVersion(), direction: 'up' },
    }),
    '/en/sign-on/:slug/requests/:id/approve': async () => ({
      url: `/en/sign-on/${ids.statementA}/requests/${ids.requestOfB}/approve`,
      form: { version: await versionOf(t.signOnRequests, ids.requestOfB) },
    }),
    '/en/sign-on/:slug/requests/:id/decline': async () => ({
      url: `/en/sign-on/${ids.statementA}/requests/${ids.requestOfB}/decline`,
      form: { version: await versionOf(t.signOnRequests, ids.requestOfB) },
    }),
    '/en/workspace/followup/recommendations/:id/copy/:kind/:entryId': async () => ({
      url: `${followups()}/copy/response/${ids.responseOfY}`,
      multipart: true,
    }),
    '/en/workspace/followup/recommendations/:id/copy/:kind/:entryId/remove': async () => ({
      url: `${followups()}/copy/response/${ids.responseOfY}/remove`,
      form: { version: await versionOf(t.followupResponses, ids.responseOfY) },
    }),
    '/en/workspace/followup/recommendations/:id/response/:entryId/edit': async () => ({
      url: `${followups()}/response/${ids.responseOfY}/edit`,
      form: followup(await versionOf(t.followupResponses, ids.responseOfY)),
    }),
    '/en/workspace/followup/recommendations/:id/status/:entryId/edit': async () => ({
      url: `${followups()}/status/${ids.statusOfY}/edit`,
      form: followup(await versionOf(t.followupStatusUpdates, ids.statusOfY)),
    }),
    '/en/workspace/followup/recommendations/:id/meeting/:entryId/edit': async () => ({
      url: `${followups()}/meeting/${ids.meetingOfY}/edit`,
      form: followup(await versionOf(t.followupMeetings, ids.meetingOfY)),
    }),
    '/en/workspace/followup/recommendations/:id/commitment/:entryId/edit': async () => ({
      url: `${followups()}/commitment/${ids.commitmentOfY}/edit`,
      form: followup(await versionOf(t.followupCommitments, ids.commitmentOfY)),
    }),
  };

  /** One case per nested GET route: the page of another parent's child. */
  const pages: Record<string, () => string> = {
    '/en/workspace/statements/:slug/recommendations/:id': () =>
      `${statements()}/recommendations/${ids.recommendationOfB}`,
    '/en/workspace/statements/:slug/quotes/:id': () => `${statements()}/quotes/${ids.quoteOfB}`,
    '/en/workspace/open-sign-on/:slug/submissions/:id/logo': () =>
      `/en/workspace/open-sign-on/${ids.statementA}/submissions/${ids.submissionOfB}/logo`,
    // The demo's statement is public; nested-b's recommendation is not one of its own.
    '/en/statements/:slug/recommendations/:recommendation': () =>
      '/en/statements/guatemala-vp-visit-2021/recommendations/only-in-nested-b',
    '/en/statements/:slug/recommendations/:recommendation/follow-up': () =>
      '/en/statements/guatemala-vp-visit-2021/recommendations/only-in-nested-b/follow-up',
    '/en/workspace/followup/recommendations/:id/response/:entryId/edit': () =>
      `${followups()}/response/${ids.responseOfY}/edit`,
    '/en/workspace/followup/recommendations/:id/status/:entryId/edit': () =>
      `${followups()}/status/${ids.statusOfY}/edit`,
    '/en/workspace/followup/recommendations/:id/meeting/:entryId/edit': () =>
      `${followups()}/meeting/${ids.meetingOfY}/edit`,
    '/en/workspace/followup/recommendations/:id/commitment/:entryId/edit': () =>
      `${followups()}/commitment/${ids.commitmentOfY}/edit`,
  };

  it('every nested GET route of the app has a case here', async () => {
    const nested = registeredRoutes(app)
      .filter((r) => r.method === 'GET' && r.url.startsWith('/en/') && isNested(r.url))
      .map((r) => r.url);
    expect(nested.length).toBeGreaterThan(0);
    expect(nested.filter((url) => !(url in pages))).toEqual([]);
    // The parents themselves are there: a 404 below is about the child alone.
    for (const parent of [
      '/en/statements/guatemala-vp-visit-2021',
      `/en/workspace/statements/${ids.statementA}`,
      `/en/workspace/followup/recommendations/${ids.recommendationX}`,
    ])
      expect((await editor.get(parent)).statusCode, parent).toBe(200);
  });

  for (const [route, build] of Object.entries(pages)) {
    it(`GET ${route} with another parent's child: 404`, async () => {
      expect((await editor.get(build())).statusCode).toBe(404);
    });
  }

  it('every nested POST route of the app has a case here', () => {
    const nested = registeredRoutes(app)
      .filter((r) => r.method === 'POST' && r.url.startsWith('/en/') && isNested(r.url))
      .map((r) => r.url);
    expect(nested.length).toBeGreaterThan(0);
    expect(nested.filter((url) => !(url in cases))).toEqual([]);
  });

  for (const [route, build] of Object.entries(cases)) {
    it(`POST ${route} with another parent's child: 404, nothing changed`, async () => {
      const { url, form, multipart } = await build();
      const before = await snapshot();
      let response: Awaited<ReturnType<Visitor['post']>>;
      if (multipart) {
        const { payload, contentType } = multipartBody(
          { _csrf: await editor.csrfFrom('/en/account'), version: '1' },
          { field: 'document', filename: 'copy.pdf', contentType: 'application/pdf', bytes: tinyPdf('Wrong parent') },
        );
        response = await app.inject({
          method: 'POST',
          url,
          payload,
          remoteAddress: editor.remoteAddress,
          headers: { cookie: editor.cookieHeader(), 'content-type': contentType },
        });
      } else response = await editor.post(url, form ?? {});
      expect(response.statusCode).toBe(404);
      expect(await snapshot()).toEqual(before);
    });
  }
});
