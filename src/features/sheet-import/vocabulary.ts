/**
 * A theme or addressee named in the file, as an id: matched once per distinct name (match.ts), created
 * when nothing matches (in the import's transaction: a later row naming it finds it here, and the dry
 * run's rollback drops it), and listed in the report with how it matched.
 */
import { sql } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { ImportState } from './import-state.js';
import { matchVocabulary, type VocabularyKind } from './match.js';

export async function resolveName(state: ImportState, kind: VocabularyKind, written: string): Promise<number> {
  const { tx } = state;
  const cache = state.vocabulary[kind];
  const known = cache.get(written);
  if (known) return known.id;
  const match = await matchVocabulary(tx, kind, written);
  let id = match.id;
  if (id === null) {
    const taken = new Set(
      (
        await tx
          .select({ slug: kind === 'theme' ? t.themes.slug : t.addressees.slug })
          .from(kind === 'theme' ? t.themes : t.addressees)
          .where(sql`slug = ${match.slug} or slug like ${`${match.slug}-%`}`)
      ).map((r) => r.slug),
    );
    let slug = match.slug;
    for (let n = 2; taken.has(slug); n++) slug = `${match.slug}-${n}`;
    match.slug = slug;
    const name = localized('en', written);
    const [row] =
      kind === 'theme'
        ? await tx.insert(t.themes).values({ slug, label: name }).returning({ id: t.themes.id })
        : await tx.insert(t.addressees).values({ slug, name, kind: 'other' }).returning({ id: t.addressees.id });
    id = row!.id;
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
