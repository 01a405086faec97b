/**
 * Stored lint results: what the home and the editor read equals a fresh lint; a registry change or an
 * edit makes them stale, and the next read lints again and stores the new result.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { systemActor, writeAudit } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import { loadDemo } from '../demo/index.js';
import { lintErrorsOf, lintInputsStamp, lintWithStore } from './lint-results.js';
import { lintStoredRelease } from './lint-stored.js';
import { getRelease } from './service.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const SLUG = 'guatemala-vp-visit-2021';

async function stored(db: Parameters<typeof getRelease>[0], id: number) {
  const [row] = await db.select().from(t.releaseLintResults).where(eq(t.releaseLintResults.releaseId, id));
  return row;
}

describeEachEngine('stored lint results', (ctx) => {
  beforeAll(async () => {
    await loadDemo(ctx.db);
  });

  it('equal a fresh lint, and are read back instead of linting again', async () => {
    const source = await getRelease(ctx.db, SLUG, NOW);
    const fresh = await lintStoredRelease(ctx.db, source, NOW);
    expect(fresh.length).toBeGreaterThan(0);
    expect(await lintWithStore(ctx.db, source, NOW)).toEqual(fresh);
    const row = await stored(ctx.db, source.release.id);
    expect(row).toMatchObject({
      releaseVersion: source.release.version,
      inputsStamp: await lintInputsStamp(ctx.db, NOW),
      errors: fresh.filter((f) => f.severity === 'error').length,
      warnings: fresh.filter((f) => f.severity === 'warning').length,
    });
    // A tampered stored row proves the next read comes from the store, not from a new lint.
    await ctx.db
      .update(t.releaseLintResults)
      .set({ errors: 42 })
      .where(eq(t.releaseLintResults.releaseId, source.release.id));
    const errors = await lintErrorsOf(ctx.db, [source.release], NOW);
    expect(errors.get(source.release.id)).toBe(42);
  });

  it('become stale when the registry changes (audited write), and are linted again', async () => {
    const source = await getRelease(ctx.db, SLUG, NOW);
    const before = await lintInputsStamp(ctx.db, NOW);
    const [org] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(t.organizations)
        .set({ website: 'https://elsewhere.example.org', version: org!.version + 1 })
        .where(eq(t.organizations.id, org!.id));
      await writeAudit(tx, {
        actor: systemActor('test'),
        at: NOW,
        entityType: 'organization',
        entityId: org!.id,
        action: 'update',
      });
    });
    const after = await lintInputsStamp(ctx.db, NOW);
    expect(after).not.toBe(before);
    // The row tampered above (42 errors) is stale now: the home's read lints again.
    const errors = await lintErrorsOf(ctx.db, [source.release], NOW);
    const fresh = await lintStoredRelease(ctx.db, await getRelease(ctx.db, SLUG, NOW), NOW);
    expect(errors.get(source.release.id)).toBe(fresh.filter((f) => f.severity === 'error').length);
    expect(await stored(ctx.db, source.release.id)).toMatchObject({ inputsStamp: after, findings: fresh });
  });

  it('become stale on the next day and when the release is edited (its version)', async () => {
    const tomorrow = new Date(NOW.getTime() + 24 * 60 * 60_000);
    expect(await lintInputsStamp(ctx.db, tomorrow)).not.toBe(await lintInputsStamp(ctx.db, NOW));
    const source = await getRelease(ctx.db, SLUG, NOW);
    await lintWithStore(ctx.db, source, NOW);
    await ctx.db
      .update(t.releases)
      .set({ lead: localized('en', 'Read [the report](TBD).'), version: source.release.version + 1 })
      .where(eq(t.releases.id, source.release.id));
    const edited = await getRelease(ctx.db, SLUG, NOW);
    const fresh = await lintStoredRelease(ctx.db, edited, NOW);
    expect(fresh.some((f) => f.rule === 'placeholder-link')).toBe(true);
    const errors = await lintErrorsOf(ctx.db, [edited.release], NOW);
    expect(errors.get(edited.release.id)).toBe(fresh.filter((f) => f.severity === 'error').length);
    expect(await stored(ctx.db, edited.release.id)).toMatchObject({
      releaseVersion: edited.release.version,
      findings: fresh,
    });
  });
});
