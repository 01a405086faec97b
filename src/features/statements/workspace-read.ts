/** What the editorial workspace reads: every statement in any state, with what its forms need. */
import { and, asc, count, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import { type Choices, chosenAndOffered } from '../../platform/db/choices.js';
import type { Db } from '../../platform/db/client.js';
import {
  type KeysetPage,
  keysetPage,
  LIST_PAGE_SIZE,
  type PageRequest,
  type SortKey,
} from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
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
}

export interface StatementForEditing {
  statement: typeof t.statements.$inferSelect;
  state: VisibilityState;
  addresseeIds: number[];
  signatories: { organizationId: number; role: 'convener' | 'signatory' }[];
  recommendations: RecommendationForEditing[];
  quotes: (QuoteRow & { person: PersonRow })[];
}

export async function getStatementForEditing(db: Db, slug: string, now: Date): Promise<StatementForEditing> {
  const statement = await statementBySlug(db, slug);
  const id = statement.id;
  const [addressees, signatories, recommendations, quotes] = await Promise.all([
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
    db
      .select()
      .from(t.recommendations)
      .where(eq(t.recommendations.statementId, id))
      .orderBy(...recommendationOrder()),
    db
      .select({ quote: t.quotes, person: t.people })
      .from(t.quotes)
      .innerJoin(t.people, eq(t.people.id, t.quotes.personId))
      .where(eq(t.quotes.statementId, id))
      .orderBy(asc(t.quotes.position), asc(t.quotes.id)),
  ]);
  const links = await recommendationLinks(
    db,
    recommendations.map((r) => r.id),
  );
  return {
    statement,
    state: visibilityState(statement, now),
    addresseeIds: addressees.map((a) => a.id),
    signatories,
    recommendations: recommendations.map((r) => ({
      ...r,
      themeIds: links.themes.get(r.id) ?? [],
      addresseeIds: links.addressees.get(r.id) ?? [],
    })),
    quotes: quotes.map(({ quote, person }) => ({ ...quote, person })),
  };
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

const statementListKeys: SortKey[] = [
  { column: t.statements.date, direction: 'desc' },
  { column: t.statements.slug, direction: 'asc' },
];

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
    keys: statementListKeys,
    request,
    size,
    keyOf: (row) => [row.date, row.slug],
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
