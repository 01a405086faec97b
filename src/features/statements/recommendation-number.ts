/**
 * How a recommendation is numbered, everywhere it is named ("Recommendation 3"): its place in its
 * statement's order, counted from 1. The order is the stored position, then the id (positions start
 * at 0 for loaded data and at 1 for the editor's, and may have gaps or ties), so the stored position
 * is never shown as the number.
 */
import { asc, type SQL, sql } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';

const r = t.recommendations;

/** A statement's recommendations in their order: for every list of them. */
export const recommendationOrder = (): SQL[] => [asc(r.position), asc(r.id)];

/**
 * The recommendation's number in its statement, as a column of any query over `recommendations`:
 * how many of its statement's recommendations come before it in `recommendationOrder`, plus one.
 * Counted over the whole statement, so a query that filters recommendations still shows the same number.
 */
export const recommendationNumber = (): SQL<number> =>
  // The outer row's columns are qualified by hand: drizzle leaves a column of a one-table select
  // unqualified, which inside this subquery would name the sibling's own column.
  sql<number>`(select count(*) from ${r} as sibling
    where sibling.statement_id = ${r}.statement_id and (sibling.position, sibling.id) <= (${r}.position, ${r}.id))::int`.mapWith(
    Number,
  );
