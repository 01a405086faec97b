/**
 * A theme or addressee named in the file, as an id: matched once per distinct name (match.ts), created
 * when nothing matches (staged with the import's rows: a later name is matched against it too, and
 * nobody sees it unless the import is published), and listed in the report with how it matched.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { stagedRows, stageNewRows } from '../../platform/db/staged-write.js';
import { localized } from '../../platform/text/localized-text.js';
import type { ImportState } from './import-state.js';
import { matchVocabulary, type VocabularyKind } from './match.js';

/**
 * The id of a name this import has resolved already, or undefined: without the promise resolveName makes, since
 * a large file asks for its few hundred names again on every row (an async call's garbage: ~1 KB a row).
 */
export function resolvedName(state: ImportState, kind: VocabularyKind, written: string): number | undefined {
  return state.vocabulary[kind].get(written)?.id;
}

export async function resolveName(state: ImportState, kind: VocabularyKind, written: string): Promise<number> {
  const { db, batch } = state;
  const cache = state.vocabulary[kind];
  const known = cache.get(written);
  if (known) return known.id;
  const table = kind === 'theme' ? t.themes : t.addressees;
  const match = await matchVocabulary(db, kind, written, stagedRows(batch, table));
  let id = match.id;
  if (id === null) {
    const taken = new Set(
      (
        await queryRows<{ slug: string }>(
          db,
          sql`select slug from ${table} where slug = ${match.slug} or slug like ${`${match.slug}-%`}
              union all
              select slug from ${stagedRows(batch, table)} staged where slug = ${match.slug} or slug like ${`${match.slug}-%`}`,
        )
      ).map((r) => r.slug),
    );
    let slug = match.slug;
    for (let n = 2; taken.has(slug); n++) slug = `${match.slug}-${n}`;
    match.slug = slug;
    const name = localized('en', written);
    const [made] =
      kind === 'theme'
        ? await stageNewRows(db, batch, t.themes, [{ slug, label: name }])
        : await stageNewRows(db, batch, t.addressees, [{ slug, name, kind: 'other' }]);
    id = made!;
  }
  cache.set(written, { ...match, id });
  (kind === 'theme' ? state.report.themes : state.report.addressees).push({
    written: match.written,
    how: match.how,
    slug: match.slug,
    score: match.score,
    suggestions: match.suggestions,
  });
  return id;
}
