/**
 * Publishing, embargoing, unpublishing and withdrawing a statement: editors and the admin,
 * version-checked and audited. What each state means for the public is platform/visibility.ts.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { Problems } from '../../platform/forms/problems.js';
import { canPublishStatement } from '../../platform/policy.js';
import { type Editor, updateVersioned, versionedChange } from '../../platform/write.js';

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
  user: Editor,
  now: Date,
): Promise<StatementRow> {
  if (!canPublishStatement(user)) throw new Forbidden('You may not publish statements');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(t.statements).where(eq(t.statements.slug, input.slug));
    if (!before) throw new NotFound(`No statement "${input.slug}"`);
    // An embargo already past would publish at once, unasked: most likely a slip of day or zone.
    if (input.action === 'publish' && input.embargoUntil && input.embargoUntil <= now) {
      const problems = new Problems();
      problems.add('embargoLocal', 'editorialErrEmbargoPastPublishNow');
      problems.throwIfAny('The embargo time has already passed');
    }
    return updateVersioned(tx, {
      ...versionedChange(t.statements, 'statement', before, input.version, input.action, user, now),
      set: publicationFields(input, now),
      audited,
    });
  });
}
