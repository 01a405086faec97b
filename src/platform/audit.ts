/** The audit log: every change writes who, when, what, and before/after values without secrets. */
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { type KeysetPage, keysetPage, LIST_PAGE_SIZE, type PageRequest, type SortKey } from './db/keyset.js';
import { auditLog } from './db/schema/index.js';

export interface Actor {
  id: number | null;
  label: string;
}

export const systemActor = (label: string): Actor => ({ id: null, label });

// Anything that looks like a credential is dropped before it reaches the log.
const SECRET_KEY = /password|hash|token|secret|totp|recovery/i;

export function withoutSecrets(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) continue;
    out[key] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

export interface AuditInput {
  actor: Actor;
  at: Date;
  entityType: string;
  entityId: string | number;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export async function writeAudit(db: Db, input: AuditInput): Promise<void> {
  await db.insert(auditLog).values(auditRow(input));
}

/** The audit row of a change, for a caller that writes it in the change's own statement (insertFrom). */
export function auditRow(input: AuditInput): typeof auditLog.$inferInsert {
  return {
    actorUserId: input.actor.id,
    actorLabel: input.actor.label,
    at: input.at,
    entityType: input.entityType,
    entityId: String(input.entityId),
    action: input.action,
    before: withoutSecrets(input.before),
    after: withoutSecrets(input.after),
  };
}

export type AuditEntry = typeof auditLog.$inferSelect;

export async function listAudit(db: Db, entityType: string, entityId: string | number): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId))))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}

const newestFirst: SortKey[] = [
  { column: auditLog.at, direction: 'desc' },
  { column: auditLog.id, direction: 'desc' },
];

/** One page of an entity's history, newest first, along the (entity, at, id) index. */
export async function listAuditPage(
  db: Db,
  entityType: string,
  entityId: string | number,
  request: PageRequest = {},
  size = LIST_PAGE_SIZE,
): Promise<KeysetPage<AuditEntry>> {
  const page = await keysetPage<AuditEntry & { sortAt: string }>({
    keys: newestFirst,
    request,
    size,
    // The instant as the database prints it (microseconds and offset), so the cursor loses nothing.
    keyOf: (row) => [row.sortAt, row.id],
    fetch: (where, orderBy, limit) =>
      db
        .select({ ...getTableColumns(auditLog), sortAt: sql<string>`${auditLog.at}::text` })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId)), where))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: page.items.map(({ sortAt: _, ...entry }) => entry) };
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Fields whose value differs; bookkeeping columns are left out of what people read. */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (field === 'updatedAt' || field === 'version') continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** What happened to an entity after the version a stale writer had: shown with the 409. */
export async function changesSince(db: Db, entityType: string, entityId: number, version: number) {
  const entries = await listAudit(db, entityType, entityId);
  return entries
    .filter((e) => Number(e.after?.version ?? 0) > version)
    .map((e) => ({ actorLabel: e.actorLabel, at: e.at.toISOString(), changes: diffRecords(e.before, e.after) }));
}
