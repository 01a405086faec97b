/**
 * The database and app every visibility-matrix test file reads: the demo, one statement and one release per
 * publication state (with a recommendation, a quote, follow-up entries, a signatory and a full document),
 * the held releases, a press contact, list and send, a finished spreadsheet import, and a visitor of each
 * kind. Built once per engine in each file's `beforeAll`; the tests only read it (and move the clock).
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import { buildApp } from '../../src/app/app.js';
import { loadDemo } from '../../src/features/demo/index.js';
import { storeFile } from '../../src/features/files/index.js';
import * as t from '../../src/platform/db/schema/index.js';
import { localized } from '../../src/platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../src/platform/web/fastify-typebox.js';
import { registeredRoutes } from '../../src/platform/web/route-table.js';
import type { TestDb } from './db.js';
import { tinyPdf, tinyPng } from './files.js';
import { pressIds, publishedUpdateIds, registryIds, sampleIds } from './visibility-matrix-channels.js';
import {
  documentSha,
  heldReleases,
  heldSlugOf,
  heldTitleOf,
  insertFollowup,
  insertSampleRelease,
  insertSampleStatement,
  releaseSamples,
  type Sample,
  samples,
  T,
  titleOf,
  type Who,
} from './visibility-matrix-samples.js';
import { createUserWithPassword, signedIn, Visitor } from './visitors.js';

export interface MatrixFixture {
  readonly app: FastifyTypeBox;
  /** A signed-in visitor of each kind (and one without a session). */
  readonly visitors: ReadonlyMap<Who, Visitor>;
  /** The stylesheet's fingerprinted address. */
  readonly stylesheet: string;
  /** The app's clock, T unless a test moves it (and moves it back in `finally`). */
  clock: Date;
}

/** Builds the matrix's data and app in a `beforeAll` of the calling describe block. */
export function useMatrixFixture(ctx: TestDb): MatrixFixture {
  const visitors = new Map<Who, Visitor>();
  let app: FastifyTypeBox | undefined;
  let stylesheet = '';
  const fixture: MatrixFixture = {
    get app() {
      if (!app) throw new Error('the matrix app is not built yet (use it inside a test)');
      return app;
    },
    visitors,
    get stylesheet() {
      return stylesheet;
    },
    clock: T,
  };

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => fixture.clock });
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    const [person] = await ctx.db.select().from(t.people).limit(1);
    const statementIds = new Map<string, number>();
    for (const s of samples) {
      const statementId = await insertSampleStatement(ctx.db, s);
      statementIds.set(s.key, statementId);
      const [rec] = await ctx.db
        .insert(t.recommendations)
        .values({
          statementId: statementId,
          slug: 'r1',
          position: 1,
          text: localized('en', `Recommendation of ${titleOf(s)}`),
        })
        .returning();
      const [quote] = await ctx.db
        .insert(t.quotes)
        .values({ statementId: statementId, personId: person!.id, text: localized('en', `Quote of ${titleOf(s)}`) })
        .returning();
      // A signature sent with a logo (open sign-on), which only editors may look at.
      const png = { mediaType: 'image/png' as const, bytes: tinyPng(sampleIds.size + 1), originalName: 'logo.png' };
      const [signature] = await ctx.db
        .insert(t.openSignOnSubmissions)
        .values({
          statementId,
          name: `Signer of ${s.key}`,
          email: `signer-${s.key}@matrix.example`,
          nameKey: `signer${s.key}`,
          emailKey: `signer-${s.key}@matrix.example`,
          locale: 'en',
          logoSha256: await storeFile(ctx.db, png, null, T),
          createdAt: T,
          updatedAt: T,
        })
        .returning();
      sampleIds.set(s.key, { recommendation: rec!.id, quote: quote!.id, signature: signature!.id });
      await insertFollowup(ctx.db, s, statementId, rec!.id);
      const [update] = await ctx.db
        .select({ id: t.followupStatusUpdates.id })
        .from(t.followupStatusUpdates)
        .where(
          and(
            eq(t.followupStatusUpdates.recommendationId, rec!.id),
            eq(t.followupStatusUpdates.publication, 'published'),
          ),
        );
      publishedUpdateIds.set(s.key, update!.id);
      await ctx.db.insert(t.signatories).values({ statementId: statementId, organizationId: cejil!.id, position: 1 });
      await ctx.db.insert(t.openSignOnSettings).values({ statementId, open: true, createdAt: T, updatedAt: T });
      const pdf = { mediaType: 'application/pdf' as const, bytes: tinyPdf(titleOf(s)), originalName: 'doc.pdf' };
      const sha256 = await storeFile(ctx.db, pdf, null, T);
      await ctx.db.insert(t.statementDocuments).values({ statementId: statementId, fileSha256: sha256, setAt: T });
      documentSha.set(s.key, sha256);
    }
    for (const s of releaseSamples) await insertSampleRelease(ctx.db, s);
    for (const h of heldReleases) {
      await ctx.db.insert(t.releases).values({
        slug: heldSlugOf(h),
        statementId: statementIds.get(h.statement)!,
        status: 'published',
        embargoedUntil: h.embargoUntil,
        releaseDate: '2026-11-01',
        headline: localized('en', heldTitleOf(h), { es: heldTitleOf(h) }),
      });
    }
    const [contact] = await ctx.db
      .insert(t.pressContacts)
      .values({
        name: 'Matrix Journalist',
        email: 'journalist@matrix.example',
        languages: ['en'],
        createdAt: T,
        updatedAt: T,
      })
      .returning();
    const [list] = await ctx.db
      .insert(t.pressLists)
      .values({ name: 'Matrix list', kind: 'filter', createdAt: T, updatedAt: T })
      .returning();
    const [release] = await ctx.db.select().from(t.releases).limit(1);
    const [send] = await ctx.db
      .insert(t.pressSends)
      .values({ releaseId: release!.id, mode: 'now', sendAfter: T, createdAt: T, updatedAt: T })
      .returning();
    // A finished dry run of a spreadsheet import (features/sheet-import): its page is the editors' only.
    const [sheetImport] = await ctx.db
      .insert(t.sheetImportJobs)
      .values({ fileName: 'matrix.csv', fileBytes: 0, state: 'done', createdAt: T, updatedAt: T })
      .returning();
    Object.assign(pressIds, { contact: contact!.id, list: list!.id, send: send!.id, sheetImport: sheetImport!.id });
    const [theme] = await ctx.db.select().from(t.themes).limit(1);
    const [mapping] = await ctx.db
      .insert(t.themeMappings)
      .values({ source: 'upr-info', label: 'Matrix label', themeId: theme!.id })
      .returning();
    registryIds.themeMapping = mapping!.id;
    await createUserWithPassword(ctx.db, { email: 'm@cejil.org', role: 'member', organizationId: cejil!.id }, T);
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, T);
    await createUserWithPassword(ctx.db, { email: 'admin@example.org', role: 'admin' }, T);
    visitors.set('anonymous', new Visitor(app));
    visitors.set('member', await signedIn(app, 'm@cejil.org'));
    visitors.set('editor', await signedIn(app, 'editor@example.org'));
    visitors.set('admin', await signedIn(app, 'admin@example.org'));
    stylesheet = registeredRoutes(app).find((r) => r.url.startsWith('/assets/style.'))!.url;
  });

  return fixture;
}

/** A page's text without search's highlight marks, which split a found title into marked words. */
export function withoutHighlights(body: string): string {
  return body.replace(/<\/?mark>/g, '');
}

export function statementOf(key: string): Sample {
  return samples.find((s) => s.key === key)!;
}
