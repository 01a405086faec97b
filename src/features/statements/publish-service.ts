/** Publishing and unpublishing a statement: editors and the admin, version-checked and audited. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import * as t from '../../db/schema.js';
import { Conflict, Forbidden, NotFound } from '../../lib/errors.js';
import { type Actor, changesSince, writeAudit } from '../accounts/audit.js';
import { canPublishStatement, type PolicyUser } from '../accounts/policy.js';

export type StatementRow = typeof t.statements.$inferSelect;

export async function setStatementStatus(
  db: Db,
  input: { slug: string; status: StatementRow['status']; version: number },
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
      .set({ status: input.status, version: before.version + 1, updatedAt: now })
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
      action: input.status === 'published' ? 'publish' : 'unpublish',
      before: { status: before.status, version: before.version },
      after: { status: after.status, version: after.version },
    });
    return after;
  });
}
