/**
 * The workspace home ("what needs attention") and the translations page at the large coalition of
 * issue 15 (510 organizations, 2,001 statements, 20,007 recommendations, 1,001 releases of which most
 * are drafts, ~1,000 people; bench/large-coalition.ts): the service alone and the whole page through
 * app.inject, for an editor and a member. PGlite always; PostgreSQL too when TEST_DATABASE_URL or
 * DATABASE_URL names a server (bench-databases.ts). The first run builds the coalition and keeps it.
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { buildApp } from '../src/app/app.js';
import { features } from '../src/app/features.js';
import { workspaceAttention } from '../src/features/workspace/index.js';
import { openDb } from '../src/platform/db/client.js';
import * as t from '../src/platform/db/schema/index.js';
import { gatherContributions } from '../src/platform/feature.js';
import { messages } from '../src/platform/i18n/format.js';
import { createUserWithPassword, signedIn } from '../test/support/visitors.js';
import { type BenchDatabase, pgliteDatabase, postgresDatabase, postgresServerUrl } from './bench-databases.js';

async function median(fn: () => unknown, iterations = 20): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function benchOn(database: BenchDatabase, label: string): Promise<void> {
  const handle = await openDb(database.target);
  try {
    const db = handle.db;
    const [cejil] = await db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    const editor = await createUserWithPassword(db, { email: 'editor@example.org', role: 'editor' });
    const member = await createUserWithPassword(db, {
      email: 'm@cejil.org',
      role: 'member',
      organizationId: cejil!.id,
    });
    const app = await buildApp({ db });
    const { attention: providers, translationSources } = gatherContributions(features);
    const options = {
      now: new Date(),
      locale: 'en' as const,
      t: messages('en'),
      followupStaleMonths: 6,
      translationSources,
    };
    const rows: [string, number][] = [
      ['service, editor', await median(() => workspaceAttention(db, editor, options, providers))],
      ['service, member', await median(() => workspaceAttention(db, member, options, providers))],
    ];
    for (const who of ['editor@example.org', 'm@cejil.org']) {
      const visitor = await signedIn(app, who);
      rows.push([`GET /en/workspace, ${who}`, await median(() => visitor.get('/en/workspace'))]);
    }
    const editorVisitor = await signedIn(app, 'editor@example.org');
    for (const path of ['/en/workspace/translations', '/en/workspace/translations?lang=es&state=stale']) {
      const page = await editorVisitor.get(path);
      rows.push([
        `GET ${path} (${Math.round(page.body.length / 1024)} KB)`,
        await median(() => editorVisitor.get(path)),
      ]);
    }
    process.stdout.write(`\nWorkspace home and translations, large coalition on ${label} (median of 20)\n`);
    for (const [what, ms] of rows) process.stdout.write(`  ${what.padEnd(60)} ${ms.toFixed(1).padStart(8)} ms\n`);
    await app.close();
  } finally {
    await handle.close();
    await database.drop();
  }
}

export async function benchWorkspaceHome(): Promise<void> {
  await benchOn(await pgliteDatabase('large'), 'PGlite');
  const url = postgresServerUrl();
  if (url) await benchOn(await postgresDatabase(url, 'large'), 'PostgreSQL');
}
