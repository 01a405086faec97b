/**
 * The translations page's list, kept as rows (features/registry/translations-service.ts): computing
 * every field's state from the JSONB texts (a fingerprint per translation) costs about a second at a
 * large coalition, so it is done once per change of the texts and the page reads counts and one
 * keyset page of these rows. `translation_todos_stamp` says which state of the source tables the rows
 * were computed from (their row counts and latest `updated_at`); a different stamp recomputes them.
 */
import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const translationTodos = pgTable(
  'translation_todos',
  {
    locale: text('locale').notNull(),
    /** The source's place among the manifests' translation sources. */
    kind: integer('kind').notNull(),
    sort: text('sort').notNull(),
    itemId: integer('item_id').notNull(),
    fieldOrder: integer('field_order').notNull(),
    fieldNumber: integer('field_number').notNull(),
    field: text('field').notNull(),
    name: jsonb('name'),
    own: text('own').notNull(),
    fallback: text('fallback').notNull(),
    editPath: text('edit_path').notNull(),
    /** 'missing' or 'stale'. */
    state: text('state').notNull(),
  },
  (t) => [
    // The page's order (keyset pages) …
    primaryKey({ columns: [t.locale, t.kind, t.sort, t.itemId, t.fieldOrder] }),
    // … and the same order within one state (the state filter, the home's counts).
    index('translation_todos_state_idx').on(t.state, t.locale, t.kind, t.sort, t.itemId, t.fieldOrder),
  ],
);

export const translationTodosStamp = pgTable('translation_todos_stamp', {
  id: integer('id').primaryKey(),
  stamp: text('stamp').notNull(),
});
