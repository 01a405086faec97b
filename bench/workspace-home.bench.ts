/**
 * The workspace home ("what needs attention") on the demo coalition, with the demo release turned
 * back into a draft and four more short drafts, so the linting the page does (five drafts at most)
 * is included: the service alone and the whole page through app.inject, for an editor and a member.
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { buildApp } from '../src/app/app.js';
import { features } from '../src/app/features.js';
import { loadDemo } from '../src/features/demo/index.js';
import { workspaceAttention } from '../src/features/workspace/index.js';
import { openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import * as t from '../src/platform/db/schema/index.js';
import { gatherContributions } from '../src/platform/feature.js';
import { messages } from '../src/platform/i18n/format.js';
import { localized } from '../src/platform/text/localized-text.js';
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

export async function benchWorkspaceHome(): Promise<void> {
  const handle = await openDb({ engine: 'pglite', dataDir: null });
  try {
    await runMigrations(handle);
    await loadDemo(handle.db);
    const db = handle.db;
    await db.update(t.releases).set({ status: 'draft' }).where(eq(t.releases.slug, 'guatemala-vp-visit-2021'));
    for (let i = 1; i <= 4; i++) {
      await db.insert(t.releases).values({
        slug: `bench-draft-${i}`,
        releaseDate: '2026-11-27',
        headline: localized('en', `Draft ${i}`, { es: `Borrador ${i}` }),
        lead: localized('en', 'Read [the report](TBD).', { es: 'Lea [el informe](TBD).' }),
      });
    }
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
      ['service, editor (5 drafts linted)', await median(() => workspaceAttention(db, editor, options, providers))],
      ['service, member', await median(() => workspaceAttention(db, member, options, providers))],
    ];
    for (const who of ['editor@example.org', 'm@cejil.org']) {
      const visitor = await signedIn(app, who);
      rows.push([`page GET /en/workspace, ${who}`, await median(() => visitor.get('/en/workspace'))]);
    }
    process.stdout.write('\nWorkspace home, demo coalition on PGlite (median of 20)\n');
    for (const [what, ms] of rows) process.stdout.write(`  ${what.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms\n`);
    await app.close();
  } finally {
    await handle.close();
  }
}
