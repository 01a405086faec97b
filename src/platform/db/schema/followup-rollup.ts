/**
 * Follow-up dashboard rollup (issue 7 performance): how many recommendations fall in each
 * (theme | all, addressee | all, country | all, current status) cell, kept by database triggers
 * (drizzle/0010_followup_rollup_triggers.sql) so that writes from any feature keep it true.
 *
 * Two levels:
 * - `followup_rollup_statements`: the cells of ONE statement (every statement, drafts too). A request
 *   sums the rows of the statements that are public *now* (platform/visibility.ts decides at request time),
 *   which is what date-range filters need.
 * - `followup_rollup`: the same cells summed over statements whose status is `published`. An
 *   unfiltered request reads this and subtracts the few published statements that are embargoed or
 *   withdrawn at `now` (their per-statement rows), so the visibility rule is still applied live.
 *
 * Key convention: theme_id 0 / addressee_id 0 / country '' mean "all". Kept cells: (all, all, all),
 * (theme), (addressee), (country), (theme × country), (theme × addressee). status 'none' counts
 * recommendations without a current status update. In (addressee) cells `answered` and `accepted`
 * count the scorecard's shares for that addressee. A row is an index of the base tables, never a
 * second source of truth: the consistency test compares every number with the live queries.
 */
import { boolean, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const followupRollupStatements = pgTable(
  'followup_rollup_statements',
  {
    statementId: integer('statement_id').notNull(),
    themeId: integer('theme_id').notNull(),
    addresseeId: integer('addressee_id').notNull(),
    country: text('country').notNull(),
    status: text('status').notNull(),
    /** Whether these rows are included in `followup_rollup` (the statement's status was `published`). */
    published: boolean('published').notNull(),
    n: integer('n').notNull(),
    /** Scorecard, in (addressee) cells only: of those n, answered / accepted by that addressee (scorecard.ts). */
    answered: integer('answered').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.themeId, t.addresseeId, t.country, t.statementId, t.status] }),
    // The triggers replace one statement's rows at a time.
    index('followup_rollup_statements_statement_idx').on(t.statementId),
  ],
);

export const followupRollup = pgTable(
  'followup_rollup',
  {
    themeId: integer('theme_id').notNull(),
    addresseeId: integer('addressee_id').notNull(),
    country: text('country').notNull(),
    status: text('status').notNull(),
    n: integer('n').notNull(),
    /** Scorecard, in (addressee) cells only: of those n, answered / accepted by that addressee (scorecard.ts). */
    answered: integer('answered').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.themeId, t.addresseeId, t.country, t.status] })],
);

/**
 * Status over time (issue 7): the same cells, keyed also by year, holding the net change that year
 * in how many recommendations are in each status. Each published status update is a transition
 * (previous status → its status, previous by the timeline order of status.ts); it adds 1 to its
 * status and takes 1 from the previous one ('none' before the first). Summing a cell's deltas year by
 * year from "every recommendation in 'none'" gives the status at the end of each year; that start is
 * stored too, as year 0 (status 'none', delta = how many recommendations the cell has). Kept by the
 * same refresh (drizzle/0012_followup_rollup_transitions_refresh.sql). Transitions dated after today
 * are in the rows too: the reader takes them back out (followup/over-time-service.ts), so nothing here depends
 * on the clock.
 *
 * The totals are also keyed by the statements' year (`statement_year`), so that a date range reads
 * the whole years it covers from the totals and only the statements of its two edge years one by one:
 * "since 2018" then costs the same as no range, not 2,000 statements' rows.
 */
export const followupRollupTransitionsStatements = pgTable(
  'followup_rollup_transitions_statements',
  {
    statementId: integer('statement_id').notNull(),
    themeId: integer('theme_id').notNull(),
    addresseeId: integer('addressee_id').notNull(),
    country: text('country').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    /** Whether these rows are included in the totals, and under which statement year (at the last refresh). */
    published: boolean('published').notNull(),
    statementYear: integer('statement_year').notNull(),
    delta: integer('delta').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.themeId, t.addresseeId, t.country, t.statementId, t.year, t.status] }),
    index('followup_rollup_transitions_statements_statement_idx').on(t.statementId),
  ],
);

export const followupRollupTransitions = pgTable(
  'followup_rollup_transitions',
  {
    themeId: integer('theme_id').notNull(),
    addresseeId: integer('addressee_id').notNull(),
    country: text('country').notNull(),
    statementYear: integer('statement_year').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    delta: integer('delta').notNull(),
  },
  (t) => [primaryKey({ columns: [t.themeId, t.addresseeId, t.country, t.statementYear, t.year, t.status] })],
);
