/** The search page's filter choices (themes, years), kept until the content or the public's clock changes them. */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import { contentVersionReader } from '../../platform/db/content-version.js';
import { searchDocuments, themes } from '../../platform/db/schema/index.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { inPublicWindow, nextVisibilityChange } from '../../platform/visibility.js';
import type { SearchAudience, SearchPage } from './request.js';

const d = searchDocuments;

type FilterChoices = Pick<SearchPage, 'themes' | 'years'>;

/**
 * The filter choices as last read, per database and audience: they depend on the content (themes, dated material)
 * and, for the public, on time (an embargo lifting adds a year), never on the words. Kept while the content version
 * (platform/db/content-version.ts: moved by every committed write to public material, drafts included) is the same
 * and `now` is before the next visibility change, as the render cache keeps its pages.
 */
interface KeptChoices {
  version: number;
  /** The `now` they were read at, and the next instant time alone changes them (ms; Infinity when never). */
  readAt: number;
  until: number;
  choices: FilterChoices;
}
const keptChoices = new WeakMap<Db, Map<SearchAudience, KeptChoices>>();

export async function filterChoices(db: Db, now: Date, audience: SearchAudience): Promise<FilterChoices> {
  const version = await contentVersionReader(db)();
  const at = now.getTime();
  let kept = keptChoices.get(db);
  if (!kept) {
    kept = new Map();
    keptChoices.set(db, kept);
  }
  const hit = kept.get(audience);
  if (hit && hit.version === version && hit.readAt <= at && at < hit.until) return hit.choices;
  // Searches that miss together each read them: a few queries, once per change.
  const [choices, until] = await Promise.all([
    readFilterChoices(db, now, audience),
    audience === 'public' ? nextVisibilityChange(db, now) : null,
  ]);
  kept.set(audience, { version, readAt: at, until: until?.getTime() ?? Number.POSITIVE_INFINITY, choices });
  return choices;
}

/**
 * The filters' choices: every theme in use, and the years of the statements and releases one may find.
 * Years are probed one by one, newest first (each an index range that stops at its first findable row),
 * rather than read from every statement and release.
 */
async function readFilterChoices(db: Db, now: Date, audience: SearchAudience): Promise<FilterChoices> {
  const findable = audience === 'public' ? inPublicWindow(d.publicFrom, d.publicUntil, now) : sql`true`;
  const dated = sql`${d.kind} in ('statement', 'release') and ${d.date} is not null`;
  const [themeRows, yearRows] = await Promise.all([
    queryRows<{ slug: string; label: LocalizedText }>(
      db,
      sql`select ${themes.slug} as slug, ${themes.label} as label from ${themes}
        where ${themes.archivedAt} is null order by ${themes.position}, ${themes.id} limit 50`,
    ),
    queryRows<{ year: number | string }>(
      db,
      sql`select year from generate_series(
          (select extract(year from max(${d.date}))::int from ${d} where ${dated}),
          (select extract(year from min(${d.date}))::int from ${d} where ${dated}), -1) as year
        where exists (select 1 from ${d} where ${dated} and ${findable}
          and ${d.date} >= make_date(year, 1, 1) and ${d.date} < make_date(year + 1, 1, 1))
        limit 50`,
    ),
  ]);
  return { themes: themeRows, years: yearRows.map((r) => Number(r.year)) };
}
