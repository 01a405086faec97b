/**
 * Uploaded files (issue 6): organization logos and statements' full documents.
 * Kept apart from schema.ts so this feature's tables merge cleanly with other branches.
 *
 * `files` is content-addressed: the key is the sha256 of the bytes, so the same file uploaded twice is
 * stored once, and a URL `/files/<sha256>` can never show other bytes. The bytes live in the database
 * (bytea) so a database dump is a whole backup: there is no second store to forget.
 *
 * What a file is used for is said by link tables, one row per owner, rather than by columns on
 * `organizations` and `statements`: those tables stay as they are (other branches edit them), and
 * replacing a logo is one upsert. The owner's `version` is still bumped on every change, so a logo
 * upload takes part in the owner's optimistic locking and audit history like any other edit.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { bytea, tz } from './columns.js';
import { organizations, statements } from './core.js';

/** Media types Puente accepts and serves; anything else is refused at upload (features/files/sniff.ts). */
export const FILE_MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/svg+xml',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export type FileMediaType = (typeof FILE_MEDIA_TYPES)[number];

export const files = pgTable(
  'files',
  {
    /** Lower-case hex sha256 of `bytes`. */
    sha256: text('sha256').primaryKey(),
    /** As found by looking at the bytes, never as declared by the browser. */
    mediaType: text('media_type').$type<FileMediaType>().notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    /** The name on the uploader's disk (first upload wins when the same bytes come again). */
    originalName: text('original_name').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: tz('uploaded_at').notNull(),
  },
  (t) => [
    check('files_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('files_size_matches', sql`${t.size} = octet_length(${t.bytes})`),
    check(
      'files_media_type_known',
      sql`${t.mediaType} in (${sql.raw(FILE_MEDIA_TYPES.map((m) => `'${m}'`).join(', '))})`,
    ),
  ],
);

/** An organization's current logo (PNG, JPEG or sanitized SVG). */
export const organizationLogos = pgTable(
  'organization_logos',
  {
    organizationId: integer('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256, { onDelete: 'restrict' }),
    setBy: integer('set_by').references(() => users.id, { onDelete: 'set null' }),
    setAt: tz('set_at').notNull(),
  },
  (t) => [index('organization_logos_file_idx').on(t.fileSha256)],
);

/** A statement's full document (PDF or DOCX); public only while the statement is (platform/visibility.ts). */
export const statementDocuments = pgTable(
  'statement_documents',
  {
    statementId: integer('statement_id')
      .primaryKey()
      .references(() => statements.id, { onDelete: 'cascade' }),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256, { onDelete: 'restrict' }),
    setBy: integer('set_by').references(() => users.id, { onDelete: 'set null' }),
    setAt: tz('set_at').notNull(),
  },
  (t) => [index('statement_documents_file_idx').on(t.fileSha256)],
);
