/**
 * Dashboard filters as GET query parameters, so every view has a stable URL that can be shared,
 * bookmarked and opened without JavaScript. Unknown or malformed values are dropped (the page then
 * shows what the remaining filters select), never a 500.
 *
 * - theme, addressee, statement: slugs
 * - country: ISO 3166-1 alpha-2 of an addressee ("GT")
 * - from, to: YYYY-MM-DD; recommendations of statements dated in the range; on "status over time"
 *   also the years shown
 * - source: `coalition` (the coalition's own statements) or `upr` (States' recommendations in UPR reviews)
 * - cycle: a UPR cycle (1, 2…): recommendations of the reviews of that cycle (issue 17)
 * - recommender: ISO 3166-1 alpha-2 of a recommending State ("FR")
 * - response: a response position ("noted"): recommendations with a published response so
 * - status: on the list only, one implementation status or "none"
 * - page: on the editors' list only (the public list pages by keyset: after, before)
 */
import type { PageRequest } from '../../platform/db/keyset.js';
import { isIsoDate } from '../../platform/forms/problems.js';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from './status.js';

/** The positions a response can take (schema/followup.ts's `response_position`). */
export const RESPONSE_POSITIONS = ['accepted', 'partially_accepted', 'noted', 'rejected', 'no_response'] as const;
export type ResponsePosition = (typeof RESPONSE_POSITIONS)[number];

/** Who made the recommendations: the coalition, or States in UPR reviews (statements.kind). */
export const RECOMMENDATION_SOURCES = ['coalition', 'upr'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

export interface DashboardFilters {
  theme?: string;
  addressee?: string;
  country?: string;
  statement?: string;
  from?: string;
  to?: string;
  source?: RecommendationSource;
  cycle?: number;
  recommender?: string;
  response?: ResponsePosition;
}

export interface ListFilters extends DashboardFilters {
  status?: ImplementationStatus | 'none';
  page?: number;
}

export const FILTER_KEYS = [
  'theme',
  'addressee',
  'country',
  'statement',
  'from',
  'to',
  'source',
  'cycle',
  'recommender',
  'response',
] as const;

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;
const COUNTRY = /^[A-Z]{2}$/;
function pick(query: Record<string, unknown>, key: string): string | undefined {
  const raw = query[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function parseFilters(query: Record<string, unknown>): DashboardFilters {
  const filters: DashboardFilters = {};
  for (const key of ['theme', 'addressee', 'statement'] as const) {
    const value = pick(query, key);
    if (value && SLUG.test(value)) filters[key] = value;
  }
  const country = pick(query, 'country')?.toUpperCase();
  if (country && COUNTRY.test(country)) filters.country = country;
  for (const key of ['from', 'to'] as const) {
    const value = pick(query, key);
    if (value && isIsoDate(value)) filters[key] = value;
  }
  const source = pick(query, 'source');
  if ((RECOMMENDATION_SOURCES as readonly string[]).includes(source ?? ''))
    filters.source = source as RecommendationSource;
  const cycle = pick(query, 'cycle');
  if (cycle && /^[1-9][0-9]?$/.test(cycle)) filters.cycle = Number(cycle);
  const recommender = pick(query, 'recommender')?.toUpperCase();
  if (recommender && COUNTRY.test(recommender)) filters.recommender = recommender;
  const response = pick(query, 'response');
  if (response && (RESPONSE_POSITIONS as readonly string[]).includes(response)) {
    filters.response = response as ResponsePosition;
  }
  return filters;
}

export function parseListFilters(query: Record<string, unknown>): ListFilters {
  const filters: ListFilters = parseFilters(query);
  const status = pick(query, 'status');
  if (status === 'none' || (IMPLEMENTATION_STATUSES as readonly string[]).includes(status ?? '')) {
    filters.status = status as ListFilters['status'];
  }
  const page = Number(pick(query, 'page'));
  if (Number.isInteger(page) && page > 1 && page <= 100_000) filters.page = page;
  return filters;
}

/** The public list's keyset cursors (`?after=`/`?before=`, platform/db/keyset.ts); anything else is the first page. */
export function parsePageRequest(query: Record<string, unknown>): PageRequest {
  return { after: pick(query, 'after'), before: pick(query, 'before') };
}

/** The canonical query string (fixed key order, empty values left out): one URL per view. */
export function filterQuery(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS, 'status', 'page'] as const) {
    const value = filters[key];
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The editors' list of every recommendation (/workspace/followup), as GET parameters: the list's
 * filters (statement, addressee, theme, status) plus `q`, words of the recommendation's text in
 * any language, and `stale=1`, only those without a status update for the configured months. Its
 * pages are keyset pages (`after`/`before`, read by `workspaceListCursor`), not page numbers.
 */
export interface WorkspaceListFilters
  extends Omit<ListFilters, 'country' | 'from' | 'to' | 'page' | 'source' | 'cycle' | 'recommender' | 'response'> {
  q?: string;
  stale?: true;
}

export const WORKSPACE_FILTER_KEYS = ['q', 'statement', 'addressee', 'theme', 'status', 'stale'] as const;

export function parseWorkspaceFilters(query: Record<string, unknown>): WorkspaceListFilters {
  const {
    country: _,
    from: __,
    to: ___,
    page: ____,
    source: ________,
    cycle: _____,
    recommender: ______,
    response: _______,
    ...filters
  } = parseListFilters(query) as ListFilters & WorkspaceListFilters;
  const q = pick(query, 'q')?.slice(0, 200);
  if (q) filters.q = q;
  if (pick(query, 'stale') === '1') filters.stale = true;
  return filters;
}

/** The canonical query string of the editors' list (fixed key order, empty values left out). */
export function workspaceFilterQuery(filters: WorkspaceListFilters): string {
  const params = new URLSearchParams();
  for (const key of WORKSPACE_FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) params.set(key, value === true ? '1' : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The editors' list's page: `after` or `before`, a cursor of platform/db/keyset.ts (it checks what is in it). */
export function workspaceListCursor(query: Record<string, unknown>): { after?: string; before?: string } {
  const after = pick(query, 'after')?.slice(0, 2000);
  const before = pick(query, 'before')?.slice(0, 2000);
  return after ? { after } : before ? { before } : {};
}
