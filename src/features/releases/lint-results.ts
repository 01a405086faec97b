/**
 * Stored lint results: a release is linted when its editor page shows it (after every save, which
 * lands there) or when the workspace home needs it, and the findings are kept with what they were
 * computed against, so a view reads them instead of rendering and linting the release again.
 *
 * How they stay right (docs/architecture.md, "Stored lint results"): a result is fresh while
 * - the release's `version` is the one linted (every edit of the release or its parts bumps it), and
 * - the inputs stamp is today's: the UTC day (the embargo-past rule reads the date) and the content
 *   version, which any committed write to public material moves (an edit to an organization, a person,
 *   a statement…, by a service or by hand).
 * A stale result is linted again when next needed: the home re-lints at most the few drafts it shows
 * (DETAILS_SHOWN), the editor page its own release. Nothing re-lints every draft at once.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { readContentVersion } from '../../platform/db/content-version.js';
import * as t from '../../platform/db/schema/index.js';
import { type Finding, loadRegistry, type RegistryOrg } from '../lint/index.js';
import { lintSource } from './lint-stored.js';
import type { ReleaseSource } from './service.js';
import { getRelease } from './service.js';

/**
 * What a lint made now is computed against, besides the release's version: the UTC day and the content
 * version (platform/db/content-version.ts), which every committed write to the registry, statements,
 * releases or anything else public moves, by trigger, whoever writes.
 */
export async function lintInputsStamp(db: Db, now: Date): Promise<string> {
  const { version } = await readContentVersion(db);
  return `${now.toISOString().slice(0, 10)}#${version}`;
}

export interface StoredLint {
  errors: number;
  warnings: number;
  findings: Finding[];
}

const summary = (findings: Finding[]): StoredLint => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
  findings,
});

async function store(db: Db, source: ReleaseSource, stamp: string, result: StoredLint, now: Date): Promise<void> {
  const values = {
    releaseId: source.release.id,
    releaseVersion: source.release.version,
    inputsStamp: stamp,
    errors: result.errors,
    warnings: result.warnings,
    findings: result.findings,
    lintedAt: now,
  };
  await db
    .insert(t.releaseLintResults)
    .values(values)
    .onConflictDoUpdate({ target: t.releaseLintResults.releaseId, set: values });
}

/**
 * A loaded release's findings: the stored ones when fresh, else linted now and stored. The stamp is
 * read before linting, so a write during the lint leaves an older stamp and the next view lints again.
 */
export async function lintWithStore(db: Db, source: ReleaseSource, now: Date): Promise<Finding[]> {
  const stamp = await lintInputsStamp(db, now);
  const [stored] = await db
    .select()
    .from(t.releaseLintResults)
    .where(
      and(
        eq(t.releaseLintResults.releaseId, source.release.id),
        eq(t.releaseLintResults.releaseVersion, source.release.version),
        eq(t.releaseLintResults.inputsStamp, stamp),
      ),
    );
  if (stored) return stored.findings as Finding[];
  const result = summary(lintSource(source, await loadRegistry(db), now));
  await store(db, source, stamp, result, now);
  return result.findings;
}

/**
 * Error counts of a few releases (the home's drafts), from the store; the stale or missing ones among
 * them are linted now against one registry load and stored. Bounded by the caller's list.
 */
export async function lintErrorsOf(
  db: Db,
  releases: readonly { id: number; slug: string; version: number }[],
  now: Date,
): Promise<Map<number, number>> {
  const errors = new Map<number, number>();
  if (releases.length === 0) return errors;
  const stamp = await lintInputsStamp(db, now);
  const stored = await db
    .select({
      releaseId: t.releaseLintResults.releaseId,
      releaseVersion: t.releaseLintResults.releaseVersion,
      inputsStamp: t.releaseLintResults.inputsStamp,
      errors: t.releaseLintResults.errors,
    })
    .from(t.releaseLintResults)
    .where(
      inArray(
        t.releaseLintResults.releaseId,
        releases.map((r) => r.id),
      ),
    );
  const fresh = new Map(
    stored
      .filter(
        (s) => s.inputsStamp === stamp && releases.some((r) => r.id === s.releaseId && r.version === s.releaseVersion),
      )
      .map((s) => [s.releaseId, s.errors]),
  );
  const stale = releases.filter((r) => !fresh.has(r.id));
  let registry: RegistryOrg[] | undefined;
  for (const release of stale) {
    registry ??= await loadRegistry(db);
    const source = await getRelease(db, release.slug, now);
    const result = summary(lintSource(source, registry, now));
    await store(db, source, stamp, result, now);
    fresh.set(release.id, result.errors);
  }
  for (const r of releases) errors.set(r.id, fresh.get(r.id) ?? 0);
  return errors;
}
