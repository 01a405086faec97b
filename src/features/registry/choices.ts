/**
 * Organizations and people as a form's choices (signatories, boilerplates, contacts, quotes,
 * follow-up participants…): the chosen ones plus a bounded number found by name
 * (platform/db/choices.ts), never the whole registry.
 */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { CHOICES_FIRST, CHOICES_LIMIT, type Choices, chosenAndOffered } from '../../platform/db/choices.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { likePattern, localizedTextMatches, textsMatch } from '../../platform/text/localized-search.js';

export type OrganizationChoice = typeof t.organizations.$inferSelect;
export type PersonChoice = typeof t.people.$inferSelect;

/**
 * Organizations by name (or acronym, slug, a translated name); `find` empty offers the first by name.
 * `activeOnly` leaves archived ones out of what is offered (a chosen one stays, so a form still shows it).
 */
export function organizationsToPick(
  db: Db,
  query: { chosen: number[]; find?: string | undefined; limit?: number; activeOnly?: boolean },
): Promise<Choices<OrganizationChoice>> {
  const find = query.find?.trim() ?? '';
  const like = likePattern(find);
  const found = find
    ? or(
        textsMatch([t.organizations.name, t.organizations.acronym, t.organizations.slug], like),
        localizedTextMatches(t.organizations.localizedName, like),
      )
    : undefined;
  return chosenAndOffered({
    id: t.organizations.id,
    chosen: query.chosen,
    // Said here: leaving archived ones out is a condition even without a search.
    limit: query.limit ?? (find ? CHOICES_LIMIT : CHOICES_FIRST),
    match: query.activeOnly ? and(isNull(t.organizations.archivedAt), found) : found,
    fetch: (where, limit) => {
      const q = db
        .select()
        .from(t.organizations)
        .where(where)
        .orderBy(asc(t.organizations.name), asc(t.organizations.id));
      return limit === null ? q : q.limit(limit);
    },
  });
}

/** What a form's organization list (by slug) offers, and what its search said. */
export interface OrganizationSlugChoices {
  rows: Pick<OrganizationChoice, 'id' | 'slug' | 'name'>[];
  search: { find: string; more: boolean; offered: number };
}

/**
 * For the forms that name an organization by its slug (a person's, an account's): the chosen one and
 * the first few active ones by name, or those `find` matches, sorted by name.
 */
export async function organizationsToPickBySlug(
  db: Db,
  query: { chosenSlug?: string | undefined; find?: string | undefined },
): Promise<OrganizationSlugChoices> {
  const chosen = query.chosenSlug
    ? await db
        .select({ id: t.organizations.id })
        .from(t.organizations)
        .where(eq(t.organizations.slug, query.chosenSlug))
    : [];
  const found = await organizationsToPick(db, { chosen: chosen.map((c) => c.id), find: query.find, activeOnly: true });
  const rows = [...found.rows].sort((a, b) => a.name.localeCompare(b.name));
  return { rows, search: { find: query.find?.trim() ?? '', more: found.more, offered: found.offered } };
}

/** People by name or e-mail; `find` empty offers the first by name. */
export function peopleToPick(
  db: Db,
  query: { chosen: number[]; find?: string | undefined; limit?: number },
): Promise<Choices<PersonChoice>> {
  const find = query.find?.trim() ?? '';
  return chosenAndOffered({
    id: t.people.id,
    chosen: query.chosen,
    ...(query.limit ? { limit: query.limit } : {}),
    match: find ? textsMatch([t.people.name, t.people.email], likePattern(find)) : undefined,
    fetch: (where, limit) => {
      const q = db.select().from(t.people).where(where).orderBy(asc(t.people.name), asc(t.people.id));
      return limit === null ? q : q.limit(limit);
    },
  });
}
