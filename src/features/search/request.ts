/** A search as the reader asks it (the query string) and as it is answered (a page of hits), and its limits. */
import { SEARCH_KINDS, type SearchKind } from '../../platform/db/schema/index.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import type { VisibilityState } from '../../platform/visibility.js';

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE = 10;
export const SEARCH_MAX_QUERY = 200;
/**
 * Matching rows ranked per search, at most, from each group of kinds (SEARCH_GROUPS): a common word
 * matches tens of thousands of rows, and ranking them all costs ~100 ms at 250,000 recommendations;
 * these are the first the indexes yield (storage order), as many as the SEARCH_MAX_PAGE pages show.
 */
export const SEARCH_CANDIDATES = 200;

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
/** The kinds a filter keeps: follow-up is both kinds of entry. */
function kindsOf(kind: SearchFilterKind | null): readonly SearchKind[] {
  if (kind === null) return SEARCH_KINDS;
  if (kind === 'followup') return ['followup_response', 'followup_status_update'];
  return [kind];
}

/** The kinds a search asks for. Organizations have no date: with a year there is none to find, nor names to test. */
export function wantedKinds(input: SearchInput): Set<SearchKind> {
  const wanted = new Set<SearchKind>(kindsOf(input.kind));
  if (input.year !== null) wanted.delete('organization');
  return wanted;
}
