/**
 * One counter for everything the public can see, bumped by a trigger on every table that holds public
 * material (migration 0015), in the same transaction as the write, whoever writes: a service, the
 * CLI, an import, or SQL typed by an operator. The render cache (platform/web/render-cache.ts) keys
 * pages by it, so a page is never served from before a committed write, on any instance.
 *
 * One row, so the triggers of one transaction never wait on each other in different orders (no
 * deadlock), at the price of content writes taking turns on it for the moment between the write and
 * its commit — human-paced writes and one-transaction imports, so nothing waits long.
 * Tables without public material (accounts, sessions, links, rate limits, the audit log, kept
 * downloads) have no trigger: `content-version.test.ts` fails when a new table is neither.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable } from 'drizzle-orm/pg-core';
import { tz } from './columns.js';

export const contentVersion = pgTable(
  'content_version',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    changedAt: tz('changed_at').notNull().defaultNow(),
  },
  (table) => [check('content_version_one_row', sql`${table.id} = 1`)],
);
