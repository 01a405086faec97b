/**
 * The workspace home ("what needs attention") and the translations page at the large coalition of
 * issue 15 (510 organizations, 2,001 statements, 20,007 recommendations, 1,001 releases of which most
 * are drafts, ~1,000 people): the service alone and the whole page through app.inject, for an editor
 * and a member. PGlite always; PostgreSQL too when BENCH_DATABASE_URL names an empty database.
 */
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../src/app/app.js';
import { features } from '../src/app/features.js';
import { loadDemo } from '../src/features/demo/index.js';
import { workspaceAttention } from '../src/features/workspace/index.js';
import { type Db, type DbTarget, openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import * as t from '../src/platform/db/schema/index.js';
import { gatherContributions } from '../src/platform/feature.js';
import { messages } from '../src/platform/i18n/format.js';
import { createUserWithPassword, signedIn } from '../test/support/visitors.js';

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

/**
 * The demo grown to the issue's large coalition, in SQL (seconds, not minutes). Texts are English
 * originals; Spanish is a fresh translation, a stale one (fingerprint of an older original) or
 * missing, in fixed proportions, so the translations page has thousands of rows of each state.
 * TODO: replace with bench/large-coalition.ts once it is on main (one generator, not two).
 */
async function growToLargeCoalition(db: Db): Promise<void> {
  // `original` in English; Spanish fresh (fingerprint of the English, as fingerprint() computes it),
  // stale (another fingerprint) or missing, by i modulo 3.
  const text = (en: string, i: string) =>
    sql.raw(`case (${i}) % 3
      when 0 then jsonb_build_object('en', jsonb_build_object('text', ${en}, 'origin', 'original'),
        'es', jsonb_build_object('text', 'ES ' || ${en}, 'origin', 'translation',
          'sourceFingerprint', substr(encode(sha256(convert_to(${en}, 'UTF8')), 'hex'), 1, 16)))
      when 1 then jsonb_build_object('en', jsonb_build_object('text', ${en}, 'origin', 'original'),
        'es', jsonb_build_object('text', 'ES ' || ${en}, 'origin', 'translation', 'sourceFingerprint', '0123456789abcdef'))
      else jsonb_build_object('en', jsonb_build_object('text', ${en}, 'origin', 'original')) end`);
  // The follow-up rollup triggers would refresh a statement per inserted row (minutes); this bench reads
  // no rollup, so they are off (for this transaction only) while the bulk rows go in.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`insert into organizations (slug, name, acronym, boilerplate, website)
      select 'bench-org-' || i, 'Bench Organization ' || i, 'BO' || i,
        ${text(`'Bench Organization ' || i || ' works for human rights.'`, 'i')},
        case when i % 4 = 0 then null else 'https://org' || i || '.example.org' end
      from generate_series(1, 500) i`);
    await tx.execute(sql`insert into people (slug, name, role, organization_id, email)
      select 'bench-person-' || i, 'Bench Person ' || i, ${text(`'Director ' || i`, 'i')},
        (select id from organizations where slug = 'bench-org-' || (1 + i % 500)), 'p' || i || '@org.example.org'
      from generate_series(1, 1000) i`);
    await tx.execute(sql`insert into statements (slug, title, summary, body, occasion, date, status)
      select 'bench-statement-' || i, ${text(`'Statement ' || i`, 'i')}, ${text(`'Summary of statement ' || i`, 'i + 1')},
        ${text(`'The body of statement ' || i || ', in Markdown.'`, 'i + 2')}, '{}'::jsonb,
        (date '2020-01-01' + i)::date, case when i % 10 = 0 then 'draft' else 'published' end::statement_status
      from generate_series(1, 2000) i`);
    await tx.execute(sql`insert into recommendations (statement_id, slug, position, text)
      select s.id, 'r' || n, n, ${text(`'Recommendation ' || n || ' of ' || s.slug`, 's.id + n')}
      from statements s cross join generate_series(1, 10) n where s.slug like 'bench-statement-%'`);
    await tx.execute(sql`insert into releases (slug, statement_id, status, release_date, headline, lead, dateline_place)
      select 'bench-release-' || i, (select id from statements where slug = 'bench-statement-' || i),
        case when i % 4 = 0 then 'published' else 'draft' end::release_status, (date '2020-01-01' + i)::date,
        ${text(`'Release ' || i`, 'i')}, ${text(`'GUATEMALA CITY — The coalition said [more](TBD) on release ' || i || '.'`, 'i + 1')},
        ${text(`'Guatemala City'`, 'i')}
      from generate_series(1, 1000) i`);
    await tx.execute(sql`insert into release_blocks (release_id, position, kind, text)
      select r.id, n, 'text', ${text(`'Paragraph ' || n || ' of ' || r.slug || '.'`, 'r.id + n')}
      from releases r cross join generate_series(1, 3) n where r.slug like 'bench-release-%'`);
  });
  await db.execute(sql`analyze`);
}

async function benchOn(target: DbTarget, label: string): Promise<void> {
  const handle = await openDb(target);
  try {
    await runMigrations(handle);
    await loadDemo(handle.db);
    const db = handle.db;
    await growToLargeCoalition(db);
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
  }
}

export async function benchWorkspaceHome(): Promise<void> {
  await benchOn({ engine: 'pglite', dataDir: null }, 'PGlite');
  const url = process.env.BENCH_DATABASE_URL;
  if (url) await benchOn({ engine: 'postgres', url }, 'PostgreSQL');
}
