/** What the editorial workspace reads: every statement in any state, with what its forms need. */
import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, or } from 'drizzle-orm';
import { type Choices, chosenAndOffered } from '../../platform/db/choices.js';
import type { Db } from '../../platform/db/client.js';
import {
  encodeCursor,
  type KeysetPage,
  keysetPage,
  LIST_PAGE_SIZE,
  type PageRequest,
  type SortKey,
} from '../../platform/db/keyset.js';
import { STATEMENTS_NEWEST_FIRST, statementSortKey } from '../../platform/db/list-orders.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { likePattern, localizedTextMatches } from '../../platform/text/localized-search.js';
import {
  stateCondition,
  statementStateColumns,
  type VisibilityState,
  visibilityState,
} from '../../platform/visibility.js';
import { organizationsToPick, peopleToPick } from '../registry/index.js';
import { type StatementRow, statementBySlug } from './edit-service.js';
import { recommendationOrder } from './recommendation-number.js';

export type PersonRow = typeof t.people.$inferSelect;
export type RecommendationRow = typeof t.recommendations.$inferSelect;
export type QuoteRow = typeof t.quotes.$inferSelect;

export interface RecommendationForEditing extends RecommendationRow {
  themeIds: number[];
  addresseeIds: number[];
  /** Its number in the statement ("Recommendation 3"), stored (recommendations.number). */
  number: number;
}

/** Recommendations on one page of the statement editor: the page stays small however long the statement. */
export const EDITOR_RECOMMENDATIONS_PAGE = 25;

export interface StatementForEditing {
  statement: typeof t.statements.$inferSelect;
  state: VisibilityState;
  addresseeIds: number[];
  signatories: { organizationId: number; role: 'convener' | 'signatory' }[];
  /** One keyset page of the recommendations, in the statement's order. */
  recommendations: KeysetPage<RecommendationForEditing>;
  /** How many recommendations the statement has (all pages). */
  recommendationCount: number;
  quotes: (QuoteRow & { person: PersonRow })[];
}

const recommendationKeys: SortKey[] = [
  { column: t.recommendations.position, direction: 'asc' },
  { column: t.recommendations.id, direction: 'asc' },
];

/**
 * The statement as its editor's page shows it: its row, picks and quotes, and one page of its
 * recommendations (`page`: the cursors of `?after=`/`?before=`), so the page does not grow with them.
 */
export async function getStatementForEditing(
  db: Db,
  slug: string,
  now: Date,
  page: PageRequest = {},
): Promise<StatementForEditing> {
  const statement = await statementBySlug(db, slug);
  const id = statement.id;
  const [addressees, signatories, recommendations, [counted], quotes] = await Promise.all([
    db
      .select({ id: t.statementAddressees.addresseeId })
      .from(t.statementAddressees)
      .where(eq(t.statementAddressees.statementId, id))
      .orderBy(asc(t.statementAddressees.position)),
    db
      .select({ organizationId: t.signatories.organizationId, role: t.signatories.role })
      .from(t.signatories)
      .where(eq(t.signatories.statementId, id))
      .orderBy(asc(t.signatories.position)),
    keysetPage<RecommendationRow & { number: number }>({
      keys: recommendationKeys,
      request: page,
      size: EDITOR_RECOMMENDATIONS_PAGE,
      keyOf: (r) => [r.position, r.id],
      fetch: (where, orderBy, limit) =>
        db
          .select(getTableColumns(t.recommendations))
          .from(t.recommendations)
          .where(and(eq(t.recommendations.statementId, id), where))
          .orderBy(...orderBy)
          .limit(limit),
    }),
    db.select({ n: count() }).from(t.recommendations).where(eq(t.recommendations.statementId, id)),
    db
      .select({ quote: t.quotes, person: t.people })
      .from(t.quotes)
      .innerJoin(t.people, eq(t.people.id, t.quotes.personId))
      .where(eq(t.quotes.statementId, id))
      .orderBy(asc(t.quotes.position), asc(t.quotes.id)),
  ]);
  const links = await recommendationLinks(
    db,
    recommendations.items.map((r) => r.id),
  );
  return {
    statement,
    state: visibilityState(statement, now),
    addresseeIds: addressees.map((a) => a.id),
    signatories,
    recommendations: {
      ...recommendations,
      items: recommendations.items.map((r) => ({
        ...r,
        themeIds: links.themes.get(r.id) ?? [],
        addresseeIds: links.addressees.get(r.id) ?? [],
      })),
    },
    recommendationCount: Number(counted?.n ?? 0),
    quotes: quotes.map(({ quote, person }) => ({ ...quote, person })),
  };
}

/** One recommendation of the statement, with its links and number; NotFound when it is another statement's. */
export async function recommendationForEditing(
  db: Db,
  statementId: number,
  id: number,
): Promise<RecommendationForEditing> {
  const [row] = await db
    .select(getTableColumns(t.recommendations))
    .from(t.recommendations)
    .where(and(eq(t.recommendations.statementId, statementId), eq(t.recommendations.id, id)));
  if (!row) throw new NotFound(`No recommendation ${id} in statement ${statementId}`);
  const links = await recommendationLinks(db, [row.id]);
  return { ...row, themeIds: links.themes.get(row.id) ?? [], addresseeIds: links.addressees.get(row.id) ?? [] };
}

/**
 * The page of the editor's list (its cursor) that holds a recommendation: pages are cut every
 * EDITOR_RECOMMENDATIONS_PAGE from the first, as the list's own links cut them, so after a move the
 * editor is shown the moved recommendation among its neighbours.
 */
export async function editorPageOf(db: Db, statementId: number, id: number): Promise<PageRequest> {
  const rows = await db
    .select({ id: t.recommendations.id, position: t.recommendations.position })
    .from(t.recommendations)
    .where(eq(t.recommendations.statementId, statementId))
    .orderBy(...recommendationOrder());
  const index = rows.findIndex((r) => r.id === id);
  const before = rows[Math.floor(Math.max(index, 0) / EDITOR_RECOMMENDATIONS_PAGE) * EDITOR_RECOMMENDATIONS_PAGE - 1];
  return before ? { after: encodeCursor([before.position, before.id]) } : {};
}

/** The ids of a statement's recommendations or quotes, in their order: what a move reorders. */
export async function statementItemIds(
  db: Db,
  statementId: number,
  kind: 'recommendations' | 'quotes',
): Promise<number[]> {
  if (kind === 'recommendations') {
    const rows = await db
      .select({ id: t.recommendations.id })
      .from(t.recommendations)
      .where(eq(t.recommendations.statementId, statementId))
      .orderBy(...recommendationOrder());
    return rows.map((r) => r.id);
  }
  const rows = await db
    .select({ id: t.quotes.id })
    .from(t.quotes)
    .where(eq(t.quotes.statementId, statementId))
    .orderBy(asc(t.quotes.position), asc(t.quotes.id));
  return rows.map((r) => r.id);
}

async function recommendationLinks(db: Db, ids: number[]) {
  const themes = new Map<number, number[]>();
  const addressees = new Map<number, number[]>();
  if (ids.length === 0) return { themes, addressees };
  const [themeRows, addresseeRows] = await Promise.all([
    db.select().from(t.recommendationThemes).where(inArray(t.recommendationThemes.recommendationId, ids)),
    db.select().from(t.recommendationAddressees).where(inArray(t.recommendationAddressees.recommendationId, ids)),
  ]);
  for (const r of themeRows) themes.set(r.recommendationId, [...(themes.get(r.recommendationId) ?? []), r.themeId]);
  for (const r of addresseeRows)
    addressees.set(r.recommendationId, [...(addressees.get(r.recommendationId) ?? []), r.addresseeId]);
  return { themes, addressees };
}

/** What a page's pickers have chosen (ids, typed or stored) and the words its searches look for. */
export interface ChoiceQuery {
  organizations?: { chosen: number[]; find?: string | undefined };
  people?: { chosen: number[]; find?: string | undefined };
  statements?: { chosen: number[]; find?: string | undefined };
}

/**
 * The registry rows editors pick from, in a stable, readable order. Organizations, people and
 * statements are bounded (platform/db/choices.ts): the chosen ones plus a few found, never the whole
 * table; `more` says a search would find others. Themes and addressees are short vocabularies.
 */
export async function registryChoices(db: Db, query: ChoiceQuery = {}) {
  const [organizations, people, themes, addressees, statements] = await Promise.all([
    organizationsToPick(db, query.organizations ?? { chosen: [] }),
    peopleToPick(db, query.people ?? { chosen: [] }),
    db.select().from(t.themes).orderBy(asc(t.themes.position), asc(t.themes.slug)),
    db.select().from(t.addressees).orderBy(asc(t.addressees.slug)),
    statementsToPick(db, query.statements ?? { chosen: [] }),
  ]);
  return {
    organizations: organizations.rows,
    people: people.rows,
    themes,
    addressees,
    statements: statements.rows,
    more: { organizations: organizations.more, people: people.more, statements: statements.more },
    offered: {
      organizations: organizations.offered,
      people: people.offered,
      statements: statements.offered,
    },
  };
}

/**
 * Addressees by name (any language) or slug, A to Z; `find` empty offers the first. The statement
 * page's picker uses it, so the page does not grow with the registry's addressees.
 */
export function addresseesToPick(
  db: Db,
  query: { chosen: number[]; find?: string | undefined },
): Promise<Choices<typeof t.addressees.$inferSelect>> {
  const find = query.find?.trim() ?? '';
  const like = likePattern(find);
  return chosenAndOffered({
    id: t.addressees.id,
    chosen: query.chosen,
    match: find ? or(ilike(t.addressees.slug, like), localizedTextMatches(t.addressees.name, like)) : undefined,
    fetch: (where, limit) => {
      const q = db.select().from(t.addressees).where(where).orderBy(asc(t.addressees.slug));
      return limit === null ? q : q.limit(limit);
    },
  });
}

/** Statements by title (any language) or slug, newest first; `find` empty offers the newest. */
export function statementsToPick(
  db: Db,
  query: { chosen: number[]; find?: string | undefined },
): Promise<Choices<StatementRow>> {
  const find = query.find?.trim() ?? '';
  const like = likePattern(find);
  return chosenAndOffered({
    id: t.statements.id,
    chosen: query.chosen,
    match: find ? or(ilike(t.statements.slug, like), localizedTextMatches(t.statements.title, like)) : undefined,
    fetch: (where, limit) => {
      const q = db.select().from(t.statements).where(where).orderBy(desc(t.statements.date), asc(t.statements.slug));
      return limit === null ? q : q.limit(limit);
    },
  });
}

export type RegistryChoices = Awaited<ReturnType<typeof registryChoices>>;

export interface StatementListFilter {
  /** Words in the title or slug, any language. */
  q?: string;
  state?: VisibilityState;
}

export interface EditableStatementItem {
  statement: StatementRow;
  state: VisibilityState;
  recommendationCount: number;
}

/**
 * One page of every statement, whatever its state, newest first, for editors: searched by title (any
 * language) or slug, filtered by state in SQL, paged along the (date desc, slug) index.
 */
export async function listStatementsForEditing(
  db: Db,
  filter: StatementListFilter,
  now: Date,
  request: PageRequest = {},
  size = LIST_PAGE_SIZE,
): Promise<KeysetPage<EditableStatementItem>> {
  const q = filter.q?.trim();
  const like = q ? likePattern(q) : '';
  const conditions = and(
    q ? or(ilike(t.statements.slug, like), localizedTextMatches(t.statements.title, like)) : undefined,
    filter.state ? stateCondition(statementStateColumns, filter.state, now) : undefined,
  );
  const page = await keysetPage<StatementRow>({
    keys: STATEMENTS_NEWEST_FIRST,
    request,
    size,
    keyOf: statementSortKey,
    fetch: (where, orderBy, limit) =>
      db
        .select()
        .from(t.statements)
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(limit),
  });
  const ids = page.items.map((r) => r.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({ statementId: t.recommendations.statementId, n: count() })
          .from(t.recommendations)
          .where(inArray(t.recommendations.statementId, ids))
          .groupBy(t.recommendations.statementId);
  const byId = new Map(counts.map((c) => [c.statementId, Number(c.n)]));
  return {
    ...page,
    items: page.items.map((statement) => ({
      statement,
      state: visibilityState(statement, now),
      recommendationCount: byId.get(statement.id) ?? 0,
    })),
  };
}
