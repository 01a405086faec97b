/** The dashboards' filter form: its choices, bounded (the newest statements, the first addressees A to Z). */
import { and, asc, desc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { countryCodes } from '../../platform/i18n/countries.js';
import { publicStatementsCondition } from '../../platform/visibility.js';
import type { DashboardFilters } from './filters.js';

/**
 * How many statements the filter form offers: the newest in the chosen dates, so the form stays small
 * however many statements there are; narrowing the dates reaches any older one.
 */
export const STATEMENT_CHOICES = 50;

/**
 * How many addressees the filter form offers, A to Z (plus the chosen one): the form is on every
 * dashboard page, so it must not grow with the addressees; the full table (`?all=1`) links each
 * addressee to its own dashboard.
 */
export const ADDRESSEE_CHOICES = 50;

/**
 * The choices of the filter form: every theme and country, the UPR cycles and recommending States
 * of public reviews, the first addressees A to Z, and the
 * newest public statements within the chosen dates (plus the chosen statement and addressee,
 * wherever they fall).
 */
export async function filterOptions(db: Db, now: Date, filters: DashboardFilters = {}) {
  const inDates = and(
    publicStatementsCondition(now),
    filters.from ? gte(t.statements.date, filters.from) : undefined,
    filters.to ? lte(t.statements.date, filters.to) : undefined,
  );
  const choice = { slug: t.statements.slug, title: t.statements.title, date: t.statements.date };
  const addresseeChoice = { slug: t.addressees.slug, name: t.addressees.name };
  const rr = t.recommendationRecommenders;
  const [themes, firstAddressees, chosenAddressee, countries, newest, chosen, cycles, recommenders] = await Promise.all(
    [
      db.select().from(t.themes).orderBy(asc(t.themes.position), asc(t.themes.slug)),
      db
        .select(addresseeChoice)
        .from(t.addressees)
        .orderBy(asc(t.addressees.slug))
        .limit(ADDRESSEE_CHOICES + 1),
      filters.addressee
        ? db.select(addresseeChoice).from(t.addressees).where(eq(t.addressees.slug, filters.addressee))
        : Promise.resolve([]),
      db
        .selectDistinct({ country: t.addressees.country })
        .from(t.addressees)
        .where(isNotNull(t.addressees.country))
        .orderBy(asc(t.addressees.country)),
      db
        .select(choice)
        .from(t.statements)
        .where(inDates)
        .orderBy(desc(t.statements.date), asc(t.statements.slug))
        .limit(STATEMENT_CHOICES),
      filters.statement
        ? db
            .select(choice)
            .from(t.statements)
            .where(and(publicStatementsCondition(now), eq(t.statements.slug, filters.statement)))
        : Promise.resolve([]),
      db
        .selectDistinct({ cycle: t.statements.cycle })
        .from(t.statements)
        .where(and(publicStatementsCondition(now), isNotNull(t.statements.cycle)))
        .orderBy(asc(t.statements.cycle)),
      // The recommending States of public recommendations: one index probe per country code (249), not a
      // scan of every recommendation's States, so the form costs the same at 250,000 recommendations.
      queryRows<{ code: string }>(
        db,
        sql`select code from unnest(${`{${countryCodes().join(',')}}`}::text[]) as code
          where exists (select 1 from ${rr}
            join ${t.recommendations} on ${t.recommendations.id} = ${rr.recommendationId}
            join ${t.statements} on ${t.statements.id} = ${t.recommendations.statementId}
            where ${rr.country} = code and ${publicStatementsCondition(now)})`,
      ),
    ],
  );
  const statements = [...newest, ...chosen.filter((c) => !newest.some((s) => s.slug === c.slug))];
  const shown = firstAddressees.slice(0, ADDRESSEE_CHOICES);
  const addressees = [...shown, ...chosenAddressee.filter((c) => !shown.some((a) => a.slug === c.slug))];
  return {
    themes,
    addressees,
    /** Whether some addressees are not offered (the form then says where they are). */
    moreAddressees: firstAddressees.length > ADDRESSEE_CHOICES,
    statements,
    countries: countries.map((c) => c.country).filter((c): c is string => Boolean(c)),
    cycles: cycles.map((c) => c.cycle).filter((c): c is number => c !== null),
    recommenders: recommenders.map((r) => r.code),
  };
}
