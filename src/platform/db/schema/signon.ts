/**
 * Sign-on (issue 5): editors open a statement for sign-on; members ask to sign it for their own
 * organization; editors approve or decline. An approved request becomes a row in `signatories`,
 * which the public sees only when the statement is public (platform/visibility.ts), like everything else.
 * Kept apart from schema.ts so feature branches touching content tables merge cleanly.
 */
import { boolean, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { id, requiredRef, timestampsSetByService, tz, version } from './columns.js';
import { organizations, statements } from './core.js';

/** A statement's sign-on: whether members may still ask to sign it. One row per statement, once opened. */
export const signOnCalls = pgTable('sign_on_calls', {
  statementId: integer('statement_id')
    .primaryKey()
    .references(() => statements.id, { onDelete: 'cascade' }),
  open: boolean('open').notNull().default(true),
  /** When sign-on closes by itself (none: until the editors close it), and the zone members read it in. */
  deadline: tz('deadline'),
  timeZone: text('time_zone').notNull().default('UTC'),
  version: version(),
  ...timestampsSetByService,
});

export const signOnStatus = pgEnum('sign_on_status', ['pending', 'approved', 'declined', 'withdrawn']);

/** One organization's request to sign one statement, and the editors' decision. */
export const signOnRequests = pgTable(
  'sign_on_requests',
  {
    id: id(),
    statementId: requiredRef('statement_id', () => statements.id, 'cascade'),
    organizationId: requiredRef('organization_id', () => organizations.id, 'restrict'),
    status: signOnStatus('status').notNull().default('pending'),
    /** Who asked (a member of the organization) and who decided (an editor); kept if they leave. */
    requestedBy: integer('requested_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    version: version(),
    ...timestampsSetByService,
  },
  (t) => [
    uniqueIndex('sign_on_requests_statement_organization_key').on(t.statementId, t.organizationId),
    index('sign_on_requests_organization_idx').on(t.organizationId),
  ],
);
