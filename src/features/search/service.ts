/**
 * Search over `search_documents` (platform/db/schema/search.ts), kept by triggers: full-text in both
 * languages (the accent-folding `puente_english` / `puente_spanish` configurations), and pg_trgm
 * word similarity on names and titles for typos ("Flacos"). Ranked by ts_rank (or the similarity),
 * newest first among equals.
 *
 * Who finds what: the public (and members) only what platform/visibility.ts makes public at the
 * request's `now`, through the span stored on each row (public-windows.ts: the rule's own SQL conditions,
 * asked where their answer changes), so no candidate joins its source rows; those who may see
 * unpublished material (`canSeeUnpublished`) find drafts, embargoed and withdrawn items too.
 *
 * Cost: at most SEARCH_CANDIDATES matching rows per group of kinds are ranked (see there), so a common
 * word costs what a rare one does; the page tells the reader when more matched, and to narrow the search.
 *
 * Paging: ranked results have no stable key to page by (the rank is a float recomputed per query), so
 * pages are a bounded offset: SEARCH_PAGE_SIZE results a page, at most SEARCH_MAX_PAGE pages. A reader
 * who needs more adds a word or a filter; the cost of a page never grows past the 200th result.
 */
import { type Db, queryRows } from '../../platform/db/client.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { filterChoices } from './filter-choices.js';
import { ENTRIES, hitsQuery, type RawHit } from './hits-query.js';
import { parsedWords } from './parsed-words.js';
import {
  type EntriesBy,
  SEARCH_CANDIDATES,
  SEARCH_PAGE_SIZE,
  type SearchAudience,
  type SearchHit,
  type SearchInput,
  type SearchPage,
  wantedKinds,
} from './request.js';
import { lexemeShares, wordsAreDense } from './word-density.js';

/**
 * One page of results. `now` is the request's clock (embargoes lift by it); `locale` the reader's
 * language, whose text is shown when it matched.
 */
export async function search(
  db: Db,
  input: SearchInput,
  locale: Locale,
  now: Date,
  audience: SearchAudience = 'public',
  entriesBy: EntriesBy = 'words',
): Promise<SearchPage> {
  // Without words there are no results, so no filters to offer either.
  const [choices, { hits, truncated }] = await Promise.all([
    input.q === '' ? { themes: [], years: [] } : filterChoices(db, now, audience),
    findHits(db, input, locale, now, audience, entriesBy),
  ]);
  return {
    input,
    hits: hits.slice(0, SEARCH_PAGE_SIZE),
    hasNext: hits.length > SEARCH_PAGE_SIZE,
    truncated,
    ...choices,
  };
}

async function findHits(
  db: Db,
  input: SearchInput,
  locale: Locale,
  now: Date,
  audience: SearchAudience,
  entriesBy: EntriesBy,
): Promise<{ hits: SearchHit[]; truncated: boolean }> {
  if (input.q === '') return { hits: [], truncated: false };
  const wanted = wantedKinds(input);
  if (wanted.size === 0) return { hits: [], truncated: false };
  // Both kept between searches; when not, read side by side.
  const [shares, parsed] = await Promise.all([
    ENTRIES.some((kind) => wanted.has(kind)) && input.year === null && input.theme === null ? lexemeShares(db) : null,
    parsedWords(db, input.q),
  ]);
  const dense =
    entriesBy === 'words' ? wordsAreDense(parsed, shares, input.lang ? [input.lang] : LOCALES) : entriesBy === 'scan';
  // One round trip, no transaction: the one setting the query needs travels inside it (hitsQuery, `byName`). It used to
  // be a transaction with a round trip of settings before the query; two of them are gone, as measured at 250,000
  // recommendations (scripts/measure-search.ts): jit off (PostgreSQL did not JIT-compile any of the slow searches) and
  // join_collapse_limit 1 (the same plans; ~0.1 ms more planning without it, less than the round trip it cost). Not a named prepared statement: it
  // saved nothing measurable (planning is ~1 ms on PostgreSQL and a custom plan is planned anew each time), and the
  // generic plan PostgreSQL switches to after five executions ran the common words 3-5x slower.
  const rows = await queryRows<RawHit>(db, hitsQuery(input, locale, now, audience, dense, parsed));
  const truncated = Number(rows[0]?.candidates ?? 0) >= SEARCH_CANDIDATES;
  const hits = rows.map((r) => ({
    kind: r.kind,
    shownLocale: r.shown,
    title: r.title ?? '',
    excerpt: r.excerpt ?? '',
    date: r.date === null ? null : String(r.date).slice(0, 10),
    statementSlug: r.statement_slug,
    statementTitle: r.statement_title,
    recommendationSlug: r.recommendation_slug,
    recommendationId: r.recommendation_id === null ? null : Number(r.recommendation_id),
    recommendationNumber: r.recommendation_number === null ? null : Number(r.recommendation_number),
    slug: r.slug,
    state: r.state,
  }));
  return { hits, truncated };
}
