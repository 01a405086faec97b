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
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import { contentVersionReader } from '../../platform/db/content-version.js';
import {
  followupResponses,
  followupStatusUpdates,
  organizations,
  recommendations,
  releases,
  SEARCH_KINDS,
  type SearchKind,
  searchDocuments,
  statements,
  themes,
} from '../../platform/db/schema/index.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import {
  inPublicWindow,
  nextVisibilityChange,
  releaseStateCondition,
  stateCondition,
  statementStateColumns,
  type VisibilityState,
} from '../../platform/visibility.js';
import { andedLexemes, DENSE_SHARE, lexemeShares, matchShare } from './word-density.js';

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE = 10;
export const SEARCH_MAX_QUERY = 200;
/**
 * Matching rows ranked per search, at most, from each group of kinds (SEARCH_GROUPS): a common word
 * matches tens of thousands of rows, and ranking them all costs ~100 ms at 250,000 recommendations;
 * these are the first the indexes yield (storage order), as many as the SEARCH_MAX_PAGE pages show.
 */
export const SEARCH_CANDIDATES = 200;
/**
 * Kinds searched apart, each with its own candidates: organizations (a few hundred names), statements and releases (a
 * few thousand titled texts) and entries (recommendations and follow-up: hundreds of thousands). A common word in the
 * body of every release (a signatory's name) would otherwise fill the candidates before the organization so named, and
 * the entries that share a common word would crowd out the titled things. The full-text indexes are partial on the
 * titled kinds and on the entries (schema/search.ts), so each group reads only its own rows.
 */
const SEARCH_GROUPS: readonly (readonly SearchKind[])[] = [
  ['organization'],
  ['statement', 'release'],
  ['recommendation', 'followup_response', 'followup_status_update'],
];
const ENTRIES = SEARCH_GROUPS[2] as readonly SearchKind[];
/** Word similarity (pg_trgm) a name or title needs to count as a typo of the words typed. */
const NAME_SIMILARITY = 0.5;

/** The kinds a reader filters by: follow-up groups responses and status updates. */
export const SEARCH_FILTER_KINDS = ['statement', 'recommendation', 'release', 'organization', 'followup'] as const;
export type SearchFilterKind = (typeof SEARCH_FILTER_KINDS)[number];

export interface SearchRequest {
  q?: string | undefined;
  kind?: string | undefined;
  theme?: string | undefined;
  year?: string | undefined;
  lang?: string | undefined;
  page?: string | undefined;
}

/** A search as understood: the words and the filters that were valid, and what was wrong with the rest. */
export interface SearchInput {
  q: string;
  kind: SearchFilterKind | null;
  theme: string | null;
  year: number | null;
  lang: Locale | null;
  page: number;
  /** Catalog keys of the parameters that were refused (shown on the page; the search runs without them). */
  problems: SearchProblem[];
}

export type SearchProblem = 'query' | 'page' | 'year' | 'kind' | 'lang' | 'theme';

export interface SearchHit {
  kind: SearchKind;
  /** The language whose text matched and is shown (the reader's when both did). */
  shownLocale: Locale;
  /** Title and excerpt with the matched words between \uE000 and \uE001 (see `highlightedHtml`). */
  title: string;
  excerpt: string;
  date: string | null;
  statementSlug: string | null;
  statementTitle: LocalizedText | null;
  recommendationSlug: string | null;
  recommendationId: number | null;
  recommendationNumber: number | null;
  slug: string | null;
  /** Only in the workspace search: the item's state for the public. */
  state: VisibilityState | 'archived' | null;
}

export interface SearchPage {
  input: SearchInput;
  hits: SearchHit[];
  hasNext: boolean;
  /** More rows matched than SEARCH_CANDIDATES: the ranking is over the first ones only (the page says so). */
  truncated: boolean;
  /** Filter choices: themes (slug and label) and the years with public material. */
  themes: { slug: string; label: LocalizedText }[];
  years: number[];
}

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

/** Reads the query string into a search; what is invalid is named in `problems`, never thrown. */
export function readSearchRequest(request: SearchRequest): SearchInput {
  const problems: SearchProblem[] = [];
  // The markers of highlighted words are ours alone; NUL never reaches here (readable-input.ts).
  let q = (request.q ?? '')
    .replace(/[\uE000\uE001]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  if (q.length > SEARCH_MAX_QUERY) {
    problems.push('query');
    q = '';
  }
  const pick = <T extends string>(value: string | undefined, allowed: readonly T[], problem: SearchProblem) => {
    if (!value) return null;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(problem);
    return null;
  };
  let page = 1;
  if (request.page) {
    const n = /^\d{1,4}$/.test(request.page) ? Number(request.page) : 0;
    if (n >= 1 && n <= SEARCH_MAX_PAGE) page = n;
    else problems.push('page');
  }
  let year: number | null = null;
  if (request.year) {
    if (/^\d{4}$/.test(request.year)) year = Number(request.year);
    else problems.push('year');
  }
  const theme = request.theme ? request.theme : null;
  if (theme !== null && !/^[a-z0-9-]{1,200}$/.test(theme)) problems.push('theme');
  return {
    q,
    kind: pick(request.kind, SEARCH_FILTER_KINDS, 'kind'),
    theme: theme !== null && /^[a-z0-9-]{1,200}$/.test(theme) ? theme : null,
    year,
    lang: pick(request.lang, LOCALES, 'lang'),
    page,
    problems,
  };
}

/**
 * How the entries' candidates are found: as the words' density says (word-density.ts), or always by the full-text
 * index or always by reading rows (the tests compare both ways on the same data).
 */
export type EntriesBy = 'words' | 'index' | 'scan';

/** Who searches: the public rule, or everything for those who may see unpublished material. */
export type SearchAudience = 'public' | 'unpublished';

const d = searchDocuments;
const s = statements;

/** The item's state for the public, for the workspace's results. */
function stateExpression(now: Date, kind: SQL): SQL {
  const of = (state: VisibilityState) => stateCondition(statementStateColumns, state, now);
  return sql`case
    when ${kind} = 'organization' then case when ${organizations.archivedAt} is null then 'published' else 'archived' end
    when ${kind} = 'release' then case
      when ${releaseStateCondition('draft', now)} then 'draft'
      when ${releaseStateCondition('withdrawn', now)} then 'withdrawn'
      when ${releaseStateCondition('embargoed', now)} then 'embargoed'
      else 'published' end
    when ${of('draft')} then 'draft'
    when ${of('withdrawn')} then 'withdrawn'
    when ${of('embargoed')} then 'embargoed'
    when coalesce(${followupResponses.publication}, ${followupStatusUpdates.publication}) = 'draft' then 'draft'
    else 'published' end`;
}

/** The kinds a filter keeps: follow-up is both kinds of entry. */
function kindsOf(kind: SearchFilterKind | null): readonly SearchKind[] {
  if (kind === null) return SEARCH_KINDS;
  if (kind === 'followup') return ['followup_response', 'followup_status_update'];
  return [kind];
}

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
  const share = (l: Locale) => {
    const lexemes = andedLexemes(parsed[l]);
    return shares && lexemes ? matchShare(lexemes, shares[l]) : 0;
  };
  const dense =
    entriesBy === 'words'
      ? Math.max(...(input.lang ? [input.lang] : LOCALES).map(share)) >= DENSE_SHARE
      : entriesBy === 'scan';
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

/** The kinds a search asks for. Organizations have no date: with a year there is none to find, nor names to test. */
function wantedKinds(input: SearchInput): Set<SearchKind> {
  const wanted = new Set<SearchKind>(kindsOf(input.kind));
  if (input.year !== null) wanted.delete('organization');
  return wanted;
}

/** The words of a search as each language's text-search configuration reads them (a tsquery's text). */
export interface ParsedWords {
  en: string;
  es: string;
}

/**
 * Searches whose words are kept parsed, per database: the parse decides the query's shape (common or rare words), so
 * it is a round trip before the search's own; readers repeat searches (the same words, another page or filter), and a
 * repeated search then costs one round trip. The configurations change only in a migration, which runs before a
 * server starts, so a kept parse is never stale. The oldest is dropped first.
 */
const PARSED_KEPT = 1000;
const keptWords = new WeakMap<Db, Map<string, Promise<ParsedWords>>>();

function parsedWords(db: Db, q: string): Promise<ParsedWords> {
  let kept = keptWords.get(db);
  if (!kept) {
    kept = new Map();
    keptWords.set(db, kept);
  }
  const hit = kept.get(q);
  if (hit) return hit;
  const parsing = queryRows<ParsedWords>(
    db,
    sql`select websearch_to_tsquery('puente_english', ${q})::text as en, websearch_to_tsquery('puente_spanish', ${q})::text as es`,
  ).then(([row]) => row ?? { en: '', es: '' });
  if (kept.size >= PARSED_KEPT) kept.delete(kept.keys().next().value as string);
  kept.set(q, parsing);
  // A failed parse is not kept: the next search asks again.
  parsing.catch(() => kept.delete(q));
  return parsing;
}

/**
 * The query of one page of hits: `dense` says how the entries' candidates are found (word-density.ts), `parsed` the
 * words as read (for the excerpts' windows). Exported for scripts/measure-search.ts, which explains it.
 */
export function hitsQuery(
  input: SearchInput,
  locale: Locale,
  now: Date,
  audience: SearchAudience,
  dense: boolean,
  parsed: ParsedWords,
): SQL {
  const q = input.q;
  const qEn = sql`websearch_to_tsquery('puente_english', ${q})`;
  const qEs = sql`websearch_to_tsquery('puente_spanish', ${q})`;
  const plain = sql`lower(unaccent(${q}))`;
  const inEn = sql`${d.tsvEn} @@ ${qEn}`;
  const inEs = sql`${d.tsvEs} @@ ${qEs}`;
  // `<%` keeps a name whose word similarity reaches pg_trgm.word_similarity_threshold (0.6 unless set). The words it
  // compares carry the setting, for this statement only (is_local: one statement outside a transaction is its own):
  // an uncorrelated subquery (an InitPlan) runs once, before the first use of its value, so the index scan evaluates
  // its key, setting the threshold, before it compares a trigram, and so does the recheck. An InitPlan may be an index
  // key where a volatile call may not, and no round trip or transaction is spent on a SET.
  const plainAtThreshold = sql`(${plain} || (select left(set_config('pg_trgm.word_similarity_threshold', ${String(NAME_SIMILARITY)}, true), 0)))`;
  const byName = sql`(${d.names} <> '' and ${plainAtThreshold} <% ${d.names})`;
  const words = input.lang === 'en' ? [inEn] : input.lang === 'es' ? [inEs] : [inEn, inEs];
  // The same match as a function call, which no index serves (the planner matches operators to indexes).
  const scannedEn = sql`ts_match_vq(${d.tsvEn}, ${qEn})`;
  const scannedEs = sql`ts_match_vq(${d.tsvEs}, ${qEs})`;
  const scannedWords = input.lang === 'en' ? [scannedEn] : input.lang === 'es' ? [scannedEs] : [scannedEn, scannedEs];
  const filters: SQL[] = [];
  if (audience === 'public') filters.push(inPublicWindow(d.publicFrom, d.publicUntil, now));
  if (input.year !== null) {
    filters.push(sql`${d.date} >= ${`${input.year}-01-01`}::date and ${d.date} < ${`${input.year + 1}-01-01`}::date`);
  }
  if (input.theme !== null) {
    filters.push(sql`exists (select 1 from recommendation_themes rt join ${themes} on ${themes.id} = rt.theme_id
      where rt.recommendation_id = ${d.recommendationId} and ${themes.slug} = ${input.theme})`);
  }
  const wanted = wantedKinds(input);
  // Each group's candidates: its rows that match (only organizations have names) and pass the filters. When the words
  // are common among the entries (word-density.ts), their match is written so no full-text index can serve it: the
  // entries are then read in storage order until SEARCH_CANDIDATES match, instead of the index listing every match
  // first. Not with a year or a theme: those keep a small share of the rows, and reading until enough pass them costs
  // more than the index (measured: a common word within a year read 33,000 rows).
  const candidates = (dense: boolean) =>
    SEARCH_GROUPS.filter((group) => group.some((kind) => wanted.has(kind))).map((group) => {
      const kinds = group.filter((kind) => wanted.has(kind));
      const scanned = dense && group === ENTRIES;
      const match = scanned ? scannedWords : group.includes('organization') ? [...words, byName] : words;
      // The group's kinds as its indexes' partial predicate (schema/search.ts), then the kinds wanted, as a test no
      // index serves: the primary key would otherwise read a few hundred organizations, testing each name's similarity.
      return sql`(select *, count(*) over () as group_candidates from (select * from ${d}
        where ${d.kind} in ${sql.raw(`(${group.map((k) => `'${k}'`).join(', ')})`)}
        and (${d.kind} in ${kinds}) is true and (${sql.join(match, sql` or `)})
        ${sql.join(
          filters.map((f) => sql`and ${f} `),
          sql``,
        )}limit ${SEARCH_CANDIDATES}) as ${d})`;
    });
  const other: Locale = locale === 'en' ? 'es' : 'en';
  // Matching and name similarity are computed once per candidate (c.in_en, c.in_es, c.name_similarity), for the
  // language shown and the rank: `offset 0` keeps the planner from folding c into the ranking query, which wrote each
  // expression out again wherever it is used (word_similarity twice per organization, each match three times).
  const matched = (l: Locale) => sql.raw(l === 'en' ? 'c.in_en' : 'c.in_es');
  // The language whose text is shown: the filter's, else the reader's when it matched, else the other's when it did.
  const shown = input.lang
    ? sql`${input.lang}`
    : sql`case when ${matched(locale)} then ${locale} when ${matched(other)} then ${other} else ${locale} end`;
  const rank = sql`greatest(
    case when c.in_en then ts_rank(c.tsv_en, ${qEn}) else 0 end,
    case when c.in_es then ts_rank(c.tsv_es, ${qEs}) else 0 end,
    case when c.name_similarity >= ${NAME_SIMILARITY} then c.name_similarity * 0.5 else 0 end)`;
  const offset = (input.page - 1) * SEARCH_PAGE_SIZE;
  const state = audience === 'unpublished' ? stateExpression(now, sql`h.kind`) : sql`null`;
  const shownText = (text: 'title' | 'body') =>
    sql`case when h.shown = 'es' then coalesce(nullif(doc.${sql.raw(text)}_es, ''), doc.${sql.raw(text)}_en)
        else coalesce(nullif(doc.${sql.raw(text)}_en, ''), doc.${sql.raw(text)}_es) end`;
  const headline = (text: SQL, options: string) =>
    sql`ts_headline(case when h.shown = 'es' then 'puente_spanish'::regconfig else 'puente_english'::regconfig end,
      ${text}, case when h.shown = 'es' then ${qEs} else ${qEn} end,
      ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, ${options}`})`;
  // Three steps, so the cost is bounded whatever the words: (1) at most SEARCH_CANDIDATES matching rows
  // that pass the filters and the visibility rule, as the indexes yield them; (2) those ranked, one page
  // kept; (3) excerpts (ts_headline reads the whole text) and names for that page only. Step 1 is named
  // like the table, so the column references of step 2 read its rows.
  return sql`select h.kind, h.shown, h.date, h.rank, h.candidates, ${state} as state,
        ${headline(shownText('title'), 'HighlightAll=true')} as title,
        ${headline(excerptWindow(sql`shown.body`, sql`case when h.shown = 'es' then ${firstLexeme(parsed.es)} else ${firstLexeme(parsed.en)} end`), 'MaxWords=40, MinWords=20, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "')} as excerpt,
        ${s.slug} as statement_slug, ${s.title} as statement_title,
        ${recommendations.slug} as recommendation_slug, ${recommendations.id} as recommendation_id,
        ${recommendations.number} as recommendation_number,
        coalesce(${releases.slug}, ${organizations.slug}) as slug
      from (
        select c.kind, c.source_id, c.statement_id, c.recommendation_id, c.date, ${shown} as shown, ${rank} as rank,
          max(c.group_candidates) over () as candidates
        from (
          select ${d.kind} as kind, ${d.sourceId} as source_id, ${d.statementId} as statement_id,
            ${d.recommendationId} as recommendation_id, ${d.date} as date,
            case when ${d.names} <> '' then word_similarity(${plain}, ${d.names}) else 0 end as name_similarity,
            ${d.tsvEn} as tsv_en, ${d.tsvEs} as tsv_es, ${inEn} as in_en, ${inEs} as in_es, group_candidates
          from (${sql.join(candidates(dense), sql` union all `)}) as ${d}
          offset 0
        ) c
        order by rank desc, c.date desc nulls last, c.kind, c.source_id
        limit ${SEARCH_PAGE_SIZE + 1} offset ${offset}
      ) h
      join ${d} doc on doc.kind = h.kind and doc.source_id = h.source_id
      cross join lateral (select ${shownText('body')} as body) shown
      left join ${releases} on h.kind = 'release' and ${releases.id} = h.source_id
      left join ${s} on ${s.id} = coalesce(h.statement_id, ${releases.statementId})
      left join ${organizations} on h.kind = 'organization' and ${organizations.id} = h.source_id
      left join ${followupResponses} on h.kind = 'followup_response' and ${followupResponses.id} = h.source_id
      left join ${followupStatusUpdates} on h.kind = 'followup_status_update' and ${followupStatusUpdates.id} = h.source_id
      left join ${recommendations} on ${recommendations.id} = h.recommendation_id
      order by h.rank desc, h.date desc nulls last, h.kind, h.source_id`;
}

/** Characters of a long text given to ts_headline (which reads all it is given, ~0.4 ms for a release's body). */
const EXCERPT_WINDOW = 800;

/**
 * A long text cut to EXCERPT_WINDOW characters around the first place a word of the search appears (`lexeme`, stemmed:
 * most stems begin their words), or its beginning when it is not found; ts_headline picks the excerpt within.
 */
function excerptWindow(text: SQL, lexeme: SQL): SQL {
  const size = sql.raw(String(EXCERPT_WINDOW));
  const before = sql.raw(String(Math.floor(EXCERPT_WINDOW / 3)));
  return sql`case when length(${text}) <= ${size} then ${text}
    else substr(${text}, greatest(1, strpos(lower(unaccent(${text})), ${lexeme}) - ${before}), ${size}) end`;
}

/** The first lexeme of a tsquery's text ('' when none: the window then starts at the text's beginning). */
function firstLexeme(tsquery: string): string {
  const m = /'((?:[^']|'')+)'/.exec(tsquery);
  return m ? (m[1] as string).replaceAll("''", "'") : '';
}

interface RawHit {
  kind: SearchKind;
  candidates: number | string;
  shown: Locale;
  date: string | Date | null;
  state: VisibilityState | 'archived' | null;
  rank: number;
  title: string | null;
  excerpt: string | null;
  statement_slug: string | null;
  statement_title: LocalizedText | null;
  recommendation_slug: string | null;
  recommendation_id: number | string | null;
  recommendation_number: number | string | null;
  slug: string | null;
}

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

async function filterChoices(db: Db, now: Date, audience: SearchAudience): Promise<FilterChoices> {
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
