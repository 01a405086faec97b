/**
 * Publishing, embargoing, unpublishing and withdrawing a statement: editors and the admin,
 * version-checked and audited. What each state means for the public is platform/visibility.ts.
 */
import { and, eq } from 'drizzle-orm';
import { type Actor, changesSince, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Conflict, Forbidden, NotFound } from '../../platform/errors.js';
import { canPublishStatement, type PolicyUser } from '../../platform/policy.js';

export type StatementRow = typeof t.statements.$inferSelect;
export type PublicationAction = 'publish' | 'unpublish' | 'withdraw';

export interface PublicationChange {
  slug: string;
  action: PublicationAction;
  /** With `publish`: public only from this instant (a press embargo). */
  embargoUntil?: Date | null;
  version: number;
}

function publicationFields(input: PublicationChange, now: Date) {
  switch (input.action) {
    case 'publish':
      return { status: 'published' as const, embargoUntil: input.embargoUntil ?? null, withdrawnAt: null };
    case 'unpublish':
      return { status: 'draft' as const, embargoUntil: null, withdrawnAt: null };
    case 'withdraw':
      return { withdrawnAt: now };
  }
}

const audited = (s: StatementRow) => ({
  status: s.status,
  embargoUntil: s.embargoUntil,
  withdrawnAt: s.withdrawnAt,
  version: s.version,
});

export async function changePublication(
  db: Db,
  input: PublicationChange,
  user: NonNullable<PolicyUser> & { email: string },
  now: Date,
): Promise<StatementRow> {
  if (!canPublishStatement(user)) throw new Forbidden('You may not publish statements');
  const actor: Actor = { id: user.id, label: user.email };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(t.statements).where(eq(t.statements.slug, input.slug));
    if (!before) throw new NotFound(`No statement "${input.slug}"`);
    const [after] = await tx
      .update(t.statements)
      .set({ ...publicationFields(input, now), version: before.version + 1, updatedAt: now })
      .where(and(eq(t.statements.id, before.id), eq(t.statements.version, input.version)))
      .returning();
    if (!after) {
      throw new Conflict('This statement was changed by someone else', {
        version: before.version,
        changes: await changesSince(tx, 'statement', before.id, input.version),
      });
    }
    await writeAudit(tx, {
      actor,
      at: now,
      entityType: 'statement',
      entityId: after.id,
      action: input.action,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}
