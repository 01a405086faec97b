/**
 * Stored files and what uses them. Writes follow the house pattern: policy, the owner's
 * `where version = seen`, and an audit row in the same transaction; reads for the public ask the
 * visibility rule (a statement's document is public only while the statement is).
 */
import { createHash } from 'node:crypto';
import { and, eq, exists, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import * as t from '../../db/schema.js';
import type { FileMediaType } from '../../db/schema-files.js';
import { Conflict, Forbidden, NotFound } from '../../lib/errors.js';
import { publicStatementsCondition } from '../../lib/visibility.js';
import { type Actor, changesSince, writeAudit } from '../accounts/audit.js';
import { canSetOrganizationLogo, canSetStatementDocument, type PolicyUser } from '../accounts/policy.js';
import type { InspectedFile } from './sniff.js';

export type FileRow = typeof t.files.$inferSelect;
/** A file as pages link to it: everything but the bytes. */
export type FileRef = Omit<FileRow, 'bytes'>;
type Editor = NonNullable<PolicyUser> & { email: string };

const refColumns = {
  sha256: t.files.sha256,
  mediaType: t.files.mediaType,
  size: t.files.size,
  originalName: t.files.originalName,
  uploadedBy: t.files.uploadedBy,
  uploadedAt: t.files.uploadedAt,
};

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface NewFile extends InspectedFile {
  originalName: string;
}

/** Stores the bytes once: the same content uploaded again is the same row (the first name is kept). */
export async function storeFile(db: Db, file: NewFile, uploadedBy: number | null, at: Date): Promise<string> {
  const sha256 = sha256Hex(file.bytes);
  await db
    .insert(t.files)
    .values({
      sha256,
      mediaType: file.mediaType,
      size: file.bytes.length,
      bytes: toBytea(file.bytes),
      originalName: file.originalName.slice(0, 255),
      uploadedBy,
      uploadedAt: at,
    })
    .onConflictDoNothing();
  return sha256;
}

/**
 * Bytes cross the driver as base64 text, decoded and encoded by the database. PGlite moves a bytea
 * parameter or result as hex text parsed in JavaScript: 1 MB took ~800 ms to insert and ~200 ms to
 * read that way, ~15 ms as base64 (PostgreSQL: the same either way). See bench/uploads.bench.ts.
 */
const toBytea = (bytes: Buffer) => sql<Buffer>`decode(${bytes.toString('base64')}, 'base64')`;
const bytesAsBase64 = sql<string>`encode(${t.files.bytes}, 'base64')`;

/** How the audit log records a file: enough to recognize it, never the bytes. */
const audited = (file: FileRef | null) =>
  file ? { sha256: file.sha256, mediaType: file.mediaType, size: file.size, originalName: file.originalName } : null;

async function fileRef(db: Db, sha256: string | undefined): Promise<FileRef | null> {
  if (!sha256) return null;
  const [row] = await db.select(refColumns).from(t.files).where(eq(t.files.sha256, sha256));
  return row ?? null;
}

// ---- organization logos ----------------------------------------------------------------------

export interface LogoTarget {
  organization: typeof t.organizations.$inferSelect;
  logo: FileRef | null;
}

export async function getLogoTarget(db: Db, slug: string, user: PolicyUser): Promise<LogoTarget> {
  const [organization] = await db.select().from(t.organizations).where(eq(t.organizations.slug, slug));
  if (!organization) throw new NotFound(`No organization "${slug}"`);
  if (!canSetOrganizationLogo(user, organization)) throw new Forbidden('You may not change this organization’s logo');
  const [link] = await db
    .select()
    .from(t.organizationLogos)
    .where(eq(t.organizationLogos.organizationId, organization.id));
  return { organization, logo: await fileRef(db, link?.fileSha256) };
}

/** Sets (file) or removes (null) an organization's logo, checked against the version the form showed. */
export async function setOrganizationLogo(
  db: Db,
  input: { slug: string; version: number; file: NewFile | null },
  user: Editor,
  now: Date,
): Promise<FileRef | null> {
  const actor: Actor = { id: user.id, label: user.email };
  return db.transaction(async (tx) => {
    const { organization: before, logo: previous } = await getLogoTarget(tx, input.slug, user);
    const [after] = await tx
      .update(t.organizations)
      .set({ version: before.version + 1, updatedAt: now })
      .where(and(eq(t.organizations.id, before.id), eq(t.organizations.version, input.version)))
      .returning();
    if (!after) {
      throw new Conflict('This organization was changed by someone else', {
        version: before.version,
        changes: await changesSince(tx, 'organization', before.id, input.version),
      });
    }
    let current: FileRef | null = null;
    if (input.file) {
      const sha256 = await storeFile(tx, input.file, user.id, now);
      await tx
        .insert(t.organizationLogos)
        .values({ organizationId: before.id, fileSha256: sha256, setBy: user.id, setAt: now })
        .onConflictDoUpdate({
          target: t.organizationLogos.organizationId,
          set: { fileSha256: sha256, setBy: user.id, setAt: now },
        });
      current = await fileRef(tx, sha256);
    } else {
      await tx.delete(t.organizationLogos).where(eq(t.organizationLogos.organizationId, before.id));
    }
    await writeAudit(tx, {
      actor,
      at: now,
      entityType: 'organization',
      entityId: before.id,
      action: input.file ? 'set_logo' : 'remove_logo',
      before: { logo: audited(previous), version: before.version },
      after: { logo: audited(current), version: after.version },
    });
    return current;
  });
}

/** Logos of these organizations, for pages that list or show them. */
export async function logosFor(db: Db, organizationIds: number[]): Promise<Map<number, FileRef>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db
    .select({ organizationId: t.organizationLogos.organizationId, file: refColumns })
    .from(t.organizationLogos)
    .innerJoin(t.files, eq(t.files.sha256, t.organizationLogos.fileSha256))
    .where(inArray(t.organizationLogos.organizationId, organizationIds));
  return new Map(rows.map((r) => [r.organizationId, r.file]));
}

// ---- statement documents ---------------------------------------------------------------------

export interface DocumentTarget {
  statement: typeof t.statements.$inferSelect;
  document: FileRef | null;
}

export async function getDocumentTarget(db: Db, slug: string, user: PolicyUser): Promise<DocumentTarget> {
  if (!canSetStatementDocument(user)) throw new Forbidden('You may not change statements’ documents');
  const [statement] = await db.select().from(t.statements).where(eq(t.statements.slug, slug));
  if (!statement) throw new NotFound(`No statement "${slug}"`);
  const [link] = await db.select().from(t.statementDocuments).where(eq(t.statementDocuments.statementId, statement.id));
  return { statement, document: await fileRef(db, link?.fileSha256) };
}

export async function setStatementDocument(
  db: Db,
  input: { slug: string; version: number; file: NewFile | null },
  user: Editor,
  now: Date,
): Promise<FileRef | null> {
  const actor: Actor = { id: user.id, label: user.email };
  return db.transaction(async (tx) => {
    const { statement: before, document: previous } = await getDocumentTarget(tx, input.slug, user);
    const [after] = await tx
      .update(t.statements)
      .set({ version: before.version + 1, updatedAt: now })
      .where(and(eq(t.statements.id, before.id), eq(t.statements.version, input.version)))
      .returning();
    if (!after) {
      throw new Conflict('This statement was changed by someone else', {
        version: before.version,
        changes: await changesSince(tx, 'statement', before.id, input.version),
      });
    }
    let current: FileRef | null = null;
    if (input.file) {
      const sha256 = await storeFile(tx, input.file, user.id, now);
      await tx
        .insert(t.statementDocuments)
        .values({ statementId: before.id, fileSha256: sha256, setBy: user.id, setAt: now })
        .onConflictDoUpdate({
          target: t.statementDocuments.statementId,
          set: { fileSha256: sha256, setBy: user.id, setAt: now },
        });
      current = await fileRef(tx, sha256);
    } else {
      await tx.delete(t.statementDocuments).where(eq(t.statementDocuments.statementId, before.id));
    }
    await writeAudit(tx, {
      actor,
      at: now,
      entityType: 'statement',
      entityId: before.id,
      action: input.file ? 'set_document' : 'remove_document',
      before: { document: audited(previous), version: before.version },
      after: { document: audited(current), version: after.version },
    });
    return current;
  });
}

/** The full document of a statement the caller already knows is public (its page is being shown). */
export async function documentOf(db: Db, statementId: number): Promise<FileRef | null> {
  const [row] = await db
    .select(refColumns)
    .from(t.statementDocuments)
    .innerJoin(t.files, eq(t.files.sha256, t.statementDocuments.fileSha256))
    .where(eq(t.statementDocuments.statementId, statementId));
  return row ?? null;
}

// ---- the public file route -------------------------------------------------------------------

/**
 * A file the public may fetch: the logo of an organization (the registry is public), or the
 * document of a statement the visibility rule shows now. Anything else (a draft's or embargoed
 * statement's document, a replaced logo, an unknown hash) is NotFound, the same answer as for a
 * hash that was never stored, so the route does not reveal that a draft has a document.
 */
export async function getPublicFile(db: Db, sha256: string, now: Date): Promise<FileRow> {
  const isLogo = exists(
    db.select({ one: sql`1` }).from(t.organizationLogos).where(eq(t.organizationLogos.fileSha256, t.files.sha256)),
  );
  const isPublicDocument = exists(
    db
      .select({ one: sql`1` })
      .from(t.statementDocuments)
      .innerJoin(t.statements, eq(t.statements.id, t.statementDocuments.statementId))
      .where(and(eq(t.statementDocuments.fileSha256, t.files.sha256), publicStatementsCondition(now))),
  );
  const [file] = await db
    .select({ ...refColumns, base64: bytesAsBase64 })
    .from(t.files)
    .where(and(eq(t.files.sha256, sha256), or(isLogo, isPublicDocument)));
  if (!file) throw new NotFound(`No public file ${sha256}`);
  const { base64, ...ref } = file;
  return { ...ref, bytes: Buffer.from(base64, 'base64') };
}

export const isDocumentType = (mediaType: FileMediaType) => !mediaType.startsWith('image/');
