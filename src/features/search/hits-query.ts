/**
 * The one SQL statement of a search: candidates per group of kinds (by the full-text indexes, or by reading rows when
 * the words are common), ranked, one page kept, then excerpts and names for that page only.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  followupResponses,
  followupStatusUpdates,
  organizations,
  recommendations,
  releases,
  type SearchKind,
  searchDocuments,
  statements,
  themes,
} from '../../platform/db/schema/index.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import {
  inPublicWindow,
  releaseStateCondition,
  stateCondition,
  statementStateColumns,
  type VisibilityState,
} from '../../platform/visibility.js';
import type { ParsedWords } from './parsed-words.js';
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  SEARCH_CANDIDATES,
  SEARCH_PAGE_SIZE,
  type SearchAudience,
  type SearchInput,
  wantedKinds,
} from './request.js';
import { wordsInYear } from './year-words.js';

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
export const ENTRIES = SEARCH_GROUPS[2] as readonly SearchKind[];
/** Word similarity (pg_trgm) a name or title needs to count as a typo of the words typed. */
const NAME_SIMILARITY = 0.5;

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
  // The words as parsed before (parsed-words.ts), given as values: the planner folds websearch_to_tsquery (immutable)
  // wherever it is written (each group's match, each candidate's match and rank, the excerpts), running the parser and
  // the dictionaries each time, and unaccent (stable) ran again for every name compared. Words that parse to nothing
  // keep the call, as before.
  const parsedQuery = (config: string, text: string) =>
    text === '' ? sql`websearch_to_tsquery(${sql.raw(`'${config}'`)}, ${input.q})` : sql`${text}::tsquery`;
  const qEn = parsedQuery('puente_english', parsed.en);
  const qEs = parsedQuery('puente_spanish', parsed.es);
  const plain = sql`${parsed.plain}::text`;
  // `<%` keeps a name whose word similarity reaches pg_trgm.word_similarity_threshold (0.6 unless set). The words it
  // compares carry the setting, for this statement only (is_local: one statement outside a transaction is its own):
  // an uncorrelated subquery (an InitPlan) runs once, before the first use of its value, so the index scan evaluates
  // its key, setting the threshold, before it compares a trigram, and so does the recheck. An InitPlan may be an index
  // key where a volatile call may not, and no round trip or transaction is spent on a SET.
  const plainAtThreshold = sql`(${plain} || (select left(set_config('pg_trgm.word_similarity_threshold', ${String(NAME_SIMILARITY)}, true), 0)))`;
  // The candidates' match: with a year, the year's lexeme ANDed to the words, so the index finds the year's rows
  // (year-words.ts); the rank and the language shown use the words alone (in_en, in_es).
  const candidateEn = sql`${d.tsvEn} @@ ${wordsInYear(qEn, parsed.en, input.year)}`;
  const candidateEs = sql`${d.tsvEs} @@ ${wordsInYear(qEs, parsed.es, input.year)}`;
  const words = input.lang === 'en' ? [candidateEn] : input.lang === 'es' ? [candidateEs] : [candidateEn, candidateEs];
  // The same match as a function call, which no index serves (the planner matches operators to indexes).
  const scannedEn = sql`ts_match_vq(${d.tsvEn}, ${qEn})`;
  const scannedEs = sql`ts_match_vq(${d.tsvEs}, ${qEs})`;
  const scannedWords = input.lang === 'en' ? [scannedEn] : input.lang === 'es' ? [scannedEs] : [scannedEn, scannedEs];
  // A candidate's match of the words alone, on its vectors as kept in memory (inMemory): the language shown and the rank.
  const inEn = sql`tsv_en @@ ${qEn}`;
  const inEs = sql`tsv_es @@ ${qEs}`;
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
  const kindsOf = (group: readonly SearchKind[]) => sql.raw(`(${group.map((k) => `'${k}'`).join(', ')})`);
  // The rows of one group of kinds that match and pass the filters: the group's kinds as its indexes' partial predicate
  // (schema/search.ts), then the kinds wanted, as a test no index serves: the primary key would otherwise read a few
  // hundred organizations, testing each name's similarity. `similarity` is the name similarity the rank uses.
  const rows = (group: readonly SearchKind[], match: SQL, similarity: SQL) =>
    sql`select *, ${similarity} as name_similarity from ${d}
        where ${d.kind} in ${kindsOf(group)} and (${d.kind} in ${group.filter((kind) => wanted.has(kind))}) is true
        and ${match} ${sql.join(
          filters.map((f) => sql`and ${f} `),
          sql``,
        )}`;
  const anyWord = (match: SQL[]) => sql`(${sql.join(match, sql` or `)})`;
  const noSimilarity = sql`0::real`;
  // Organizations in two branches, each served by its own indexes: by the words, then by the name (pg_trgm) among
  // those the words did not find. As one OR, the name's similarity (10-20 µs a name: they hold every form of it) was
  // computed in the index's recheck and again in the scan's filter (the planner keeps a clause that calls a stable
  // function such as unaccent there), then a third time for the rank; here the recheck computes it, and the rank's
  // value once more for the names that passed.
  const organizationRows = () => {
    const similarity = sql`case when ${d.names} <> '' then word_similarity(${plain}, ${d.names}) else 0 end`;
    return sql`${rows(['organization'], anyWord(words), similarity)}
      union all
      ${rows(['organization'], sql`${d.names} <> '' and ${plainAtThreshold} <% ${d.names} and not ${anyWord(words)}`, sql`word_similarity(${plain}, ${d.names})`)}`;
  };
  // Each group's candidates: at most SEARCH_CANDIDATES rows that match (only organizations have names). When the words
  // are common among the entries (word-density.ts), their match is written so no full-text index can serve it: the
  // entries are then read in storage order until SEARCH_CANDIDATES match, instead of the index listing every match
  // first. Not with a year or a theme: those keep a small share of the rows, and reading until enough pass them costs
  // more than the index (measured: a common word within a year read 33,000 rows).
  //
  // Each candidate's vectors are read once (inMemory), for the match of each language and its rank, computed here so the
  // wide vectors go no further.
  const candidates = (dense: boolean) =>
    SEARCH_GROUPS.filter((group) => group.some((kind) => wanted.has(kind))).map((group) => {
      const scanned = dense && group === ENTRIES;
      const found = group.includes('organization')
        ? organizationRows()
        : rows(group, anyWord(scanned ? scannedWords : words), noSimilarity);
      return sql`(select kind, source_id, statement_id, recommendation_id, date, name_similarity,
          ${inEn} as in_en, ${inEs} as in_es,
          case when ${inEn} then ts_rank(tsv_en, ${qEn}) else 0 end as rank_en,
          case when ${inEs} then ts_rank(tsv_es, ${qEs}) else 0 end as rank_es,
          count(*) over () as group_candidates
        from (select kind, source_id, statement_id, recommendation_id, date, name_similarity,
            ${inMemory(sql.raw('tsv_en'))} as tsv_en, ${inMemory(sql.raw('tsv_es'))} as tsv_es
          from (${found}) as found limit ${SEARCH_CANDIDATES}) as kept)`;
    });
  const other: Locale = locale === 'en' ? 'es' : 'en';
  const matched = (l: Locale) => sql.raw(l === 'en' ? 'c.in_en' : 'c.in_es');
  // The language whose text is shown: the filter's, else the reader's when it matched, else the other's when it did.
  const shown = input.lang
    ? sql`${input.lang}`
    : sql`case when ${matched(locale)} then ${locale} when ${matched(other)} then ${other} else ${locale} end`;
  const rank = sql`greatest(c.rank_en, c.rank_es,
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
  // kept; (3) excerpts (ts_headline reads the whole text) and names for that page only.
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
        from (${sql.join(candidates(dense), sql` union all `)}) c
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

/**
 * A stored vector as a copy in memory, so the calls that read it next (the match, ts_rank) do not each fetch it again:
 * a release's vectors are stored out of line (TOAST), and every function given the stored value fetches and
 * decompresses it anew. setweight with no lexemes listed changes none: it copies the vector as it is (measured on
 * PostgreSQL at 250,000 recommendations, 200 releases matched and ranked in both languages: ~0.4 ms less; `|| ''`,
 * which rebuilds the vector, cost more than the second fetch).
 */
function inMemory(vector: SQL): SQL {
  return sql`setweight(${vector}, 'A', '{}'::text[])`;
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

export interface RawHit {
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
