/** Rows follow-up tests start from, as the editorial side would have left them, and the rows their posts wrote. */
import { desc, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  type EntryKind,
  type ResponseInput,
  recordResponse,
  recordStatusUpdate,
  type StatusUpdateInput,
  setEntryPublication,
} from '../../src/features/followup/index.js';
import type { Db } from '../../src/platform/db/client.js';
import * as t from '../../src/platform/db/schema/index.js';
import { type LocalizedText, localized } from '../../src/platform/text/localized-text.js';
import type { Editor } from '../../src/platform/write.js';

/** A text in English with its Spanish translation. */
export const bilingual = (s: string): LocalizedText => localized('en', s, { es: `${s} (es)` });

/** A statement dated 2023-01-10 and its `count` recommendations (slugs r1…, texts R1…), in order. */
export async function seedStatement(
  db: Db,
  statement: { slug: string; title: string; status: 'draft' | 'published'; count: number },
): Promise<{ statementId: number; recommendationIds: number[] }> {
  const [row] = await db
    .insert(t.statements)
    .values({ slug: statement.slug, title: bilingual(statement.title), date: '2023-01-10', status: statement.status })
    .returning();
  const recommendationIds: number[] = [];
  for (let i = 1; i <= statement.count; i++) {
    const [r] = await db
      .insert(t.recommendations)
      .values({ statementId: row!.id, slug: `r${i}`, position: i, text: bilingual(`R${i}`) })
      .returning();
    recommendationIds.push(r!.id);
  }
  return { statementId: row!.id, recommendationIds };
}

type WithId = PgTable & { id: AnyPgColumn };

/** The row a form post just wrote: the newest of `table` matching `where`. */
export async function newestRow<T extends WithId>(
  db: Db,
  table: T,
  where: SQL,
): Promise<T['$inferSelect'] | undefined> {
  const rows = await db
    .select()
    .from(table as WithId)
    .where(where)
    .orderBy(desc(table.id))
    .limit(1);
  return rows[0] as T['$inferSelect'] | undefined;
}

/**
 * Records follow-up entries through the services, as one editor at one instant: published unless said
 * otherwise, with a bilingual summary naming what was recorded. The database and `editor` are read at
 * each call, so a test can build it before its beforeAll opens the database and creates the editor.
 */
export function followupRecorder(ctx: { readonly db: Db }, editor: () => Editor, now: Date) {
  return {
    statusUpdate: (
      recommendationId: number,
      date: string,
      status: StatusUpdateInput['status'],
      extra: Partial<StatusUpdateInput> = {},
    ) =>
      recordStatusUpdate(
        ctx.db,
        {
          recommendationId,
          status,
          date,
          summary: bilingual(`${status} on ${date}`),
          evidence: [],
          publication: 'published',
          seenLatestId: 1e9,
          ...extra,
        },
        editor(),
        now,
      ),
    response: (
      recommendationId: number,
      addresseeId: number,
      position: ResponseInput['position'],
      date: string,
      publication: ResponseInput['publication'] = 'published',
    ) =>
      recordResponse(
        ctx.db,
        {
          recommendationId,
          addresseeId,
          position,
          date,
          summary: bilingual(position),
          sourceUrl: null,
          sourceTitle: null,
          publication,
        },
        editor(),
        now,
      ),
    /** Publishes or unpublishes an entry, against the version given (the row as last written, usually). */
    publication: (kind: EntryKind, entry: { id: number; version: number }, publication: 'draft' | 'published') =>
      setEntryPublication(ctx.db, { kind, id: entry.id, publication, version: entry.version }, editor(), now),
  };
}
