/**
 * Editors' side of open sign-on: whether a statement's public form is open, until when, whether
 * individuals may sign, and which optional fields it asks. One row per statement, written the first time
 * as an insert (version 0 on the form), then version-checked; every change has its audit row.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { OPEN_SIGN_ON_FIELDS, type OpenSignOnField } from '../../platform/db/schema/index.js';
import { Forbidden, Invalid, NotFound } from '../../platform/errors.js';
import { Problems } from '../../platform/forms/problems.js';
import { canManageSignOn } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { localToInstant, resolveTimeZone } from '../../platform/text/time-zones.js';
import { actorOf, insertAudited, staleWrite, updateVersioned } from '../../platform/write.js';

export type OpenSignOnSettings = typeof t.openSignOnSettings.$inferSelect;
export type StatementRow = typeof t.statements.$inferSelect;

export async function statementBySlug(db: Db, slug: string): Promise<StatementRow> {
  const [statement] = await db.select().from(t.statements).where(eq(t.statements.slug, slug));
  if (!statement) throw new NotFound(`No statement "${slug}"`);
  return statement;
}

export async function readSettings(db: Db, statementId: number): Promise<OpenSignOnSettings | null> {
  const [row] = await db.select().from(t.openSignOnSettings).where(eq(t.openSignOnSettings.statementId, statementId));
  return row ?? null;
}

/** A statement and its sign-on settings (null: never opened) in one query: the public form reads both per post. */
export async function statementWithSettings(
  db: Db,
  slug: string,
): Promise<{ statement: StatementRow; settings: OpenSignOnSettings | null }> {
  const [row] = await db
    .select({ statement: t.statements, settings: t.openSignOnSettings })
    .from(t.statements)
    .leftJoin(t.openSignOnSettings, eq(t.openSignOnSettings.statementId, t.statements.id))
    .where(eq(t.statements.slug, slug));
  if (!row) throw new NotFound(`No statement "${slug}"`);
  return row;
}

/** Open now: opened by the editors and its deadline, if any, still ahead. */
export function openSignOnIsOpen(settings: Pick<OpenSignOnSettings, 'open' | 'deadline'> | null, now: Date): boolean {
  return Boolean(settings?.open) && (!settings?.deadline || now < settings.deadline);
}

export interface SettingsInput {
  slug: string;
  version: number;
  open: boolean;
  /** "2026-12-15T18:00" in `timeZone`; empty: no deadline. */
  deadlineLocal: string;
  timeZone: string;
  individualsAllowed: boolean;
  fields: string[];
}

export async function saveOpenSignOnSettings(
  db: Db,
  user: UserRow,
  input: SettingsInput,
  now: Date,
): Promise<OpenSignOnSettings> {
  if (!canManageSignOn(user)) throw new Forbidden('Only editors open a statement for public sign-on');
  const problems = new Problems();
  const timeZone = resolveTimeZone(input.timeZone);
  if (!timeZone) problems.add('timeZone', 'editorialErrTimeZone');
  const local = input.deadlineLocal.trim();
  const deadline = local === '' || !timeZone ? null : localToInstant(local, timeZone);
  if (local !== '' && timeZone && (!deadline || deadline <= now))
    problems.add('deadlineLocal', 'workspaceErrOpenSignonDeadline');
  for (const field of input.fields) problems.oneOf('fields', field, OPEN_SIGN_ON_FIELDS);
  problems.throwIfAny('The open sign-on settings have problems');
  const set = {
    open: input.open,
    deadline,
    timeZone: timeZone as string,
    individualsAllowed: input.individualsAllowed,
    fields: OPEN_SIGN_ON_FIELDS.filter((f) => input.fields.includes(f)) as OpenSignOnField[],
  };
  return db.transaction(async (tx) => {
    const statement = await statementBySlug(tx, input.slug);
    const before = await readSettings(tx, statement.id);
    // Keyed by its statement: the audit and the conflict history use the statement's id.
    const change = {
      entityType: 'open_sign_on',
      what: 'open sign-on',
      action: 'set_open_sign_on',
      actor: actorOf(user),
      now,
      audited: (s: OpenSignOnSettings) => ({
        open: s.open,
        deadline: s.deadline?.toISOString() ?? null,
        timeZone: s.timeZone,
        individualsAllowed: s.individualsAllowed,
        fields: s.fields,
      }),
    };
    if (before) {
      return updateVersioned(tx, {
        ...change,
        table: t.openSignOnSettings,
        key: { column: t.openSignOnSettings.statementId, value: statement.id },
        before: { ...before, id: statement.id },
        seenVersion: input.version,
        set,
      });
    }
    if (input.version !== 0) {
      throw await staleWrite(tx, { ...change, entityId: statement.id, seenVersion: input.version, version: 0 });
    }
    return insertAudited<OpenSignOnSettings>(tx, {
      ...change,
      table: t.openSignOnSettings,
      values: { statementId: statement.id, ...set, createdAt: now, updatedAt: now },
      entityId: statement.id,
      orConflict: {},
    });
  });
}

/** Thrown when a public form is posted to a statement whose open sign-on is closed or past its deadline. */
export function closedRefusal(settings: OpenSignOnSettings | null, now: Date): Invalid {
  return settings?.open && settings.deadline && now >= settings.deadline
    ? new Invalid('The deadline to sign this statement has passed', [], 'openSignonDeadlinePassedReason')
    : new Invalid('This statement is not open for signatures', [], 'openSignonClosedReason');
}
