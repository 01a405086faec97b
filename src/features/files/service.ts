/**
 * Stored files and what uses them. Writes follow the house pattern: policy, the owner's
 * `where version = seen`, and an audit row in the same transaction; reads for the public ask the
 * visibility rule (a statement's document is public only while the statement is).
 */
import { createHash } from 'node:crypto';
import { and, eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.js';
import type { FileMediaType } from '../../platform/db/schema/files.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { canSetOrganizationLogo, canSetStatementDocument, type PolicyUser } from '../../platform/policy.js';
import {
  publicFollowupCondition,
  publicMeetingCondition,
  publicStatementsCondition,
} from '../../platform/visibility.js';
import { type Editor, updateVersioned, versionedChange } from '../../platform/write.js';
import type { InspectedFile } from './sniff.js';

export type FileRow = typeof t.files.$inferSelect;
/** A file as pages link to it: everything but the bytes. */
export type FileRef = Omit<FileRow, 'bytes'>;

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
export const auditedFile = (file: FileRef | null) =>
  file ? { sha256: file.sha256, mediaType: file.mediaType, size: file.size, originalName: file.originalName } : null;

export async function fileRef(db: Db, sha256: string | null | undefined): Promise<FileRef | null> {
  if (!sha256) return null;
  const [row] = await db.select(refColumns).from(t.files).where(eq(t.files.sha256, sha256));
  return row ?? null;
}

/** Several files by hash (for a page that links many copies); unknown hashes are simply absent. */
export async function fileRefs(db: Db, hashes: (string | null)[]): Promise<Map<string, FileRef>> {
  const wanted = [...new Set(hashes.filter((h): h is string => h !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select(refColumns).from(t.files).where(inArray(t.files.sha256, wanted));
  return new Map(rows.map((r) => [r.sha256, r]));
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
export function setOrganizationLogo(db: Db, input: AttachInput, user: Editor, now: Date): Promise<FileRef | null> {
  return setAttachedFile(db, input, user, now, {
    entityType: 'organization',
    kind: 'logo',
    ownerTable: t.organizations,
    linkTable: t.organizationLogos,
    ownerKey: 'organizationId',
    target: async (tx) => {
      const { organization, logo } = await getLogoTarget(tx, input.slug, user);
      return { owner: organization, previous: logo };
    },
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

export function setStatementDocument(db: Db, input: AttachInput, user: Editor, now: Date): Promise<FileRef | null> {
  return setAttachedFile(db, input, user, now, {
    entityType: 'statement',
    kind: 'document',
    ownerTable: t.statements,
    linkTable: t.statementDocuments,
    ownerKey: 'statementId',
    target: async (tx) => {
      const { statement, document } = await getDocumentTarget(tx, input.slug, user);
      return { owner: statement, previous: document };
    },
  });
}

// ---- both: one attached file per owner ---------------------------------------------------------

interface AttachInput {
  slug: string;
  version: number;
  file: NewFile | null;
}

/** Where an owner's one file is linked: organizations' logos or statements' documents. */
type Attachment =
  | {
      entityType: 'organization';
      kind: 'logo';
      ownerTable: typeof t.organizations;
      linkTable: typeof t.organizationLogos;
      ownerKey: 'organizationId';
    }
  | {
      entityType: 'statement';
      kind: 'document';
      ownerTable: typeof t.statements;
      linkTable: typeof t.statementDocuments;
      ownerKey: 'statementId';
    };

/**
 * Sets (file) or removes (null) the owner's file: the owner's version check (its version is bumped,
 * a stale form gets a Conflict), the link row, and an audit row (`set_<kind>`/`remove_<kind>`).
 */
async function setAttachedFile(
  db: Db,
  input: AttachInput,
  user: Editor,
  now: Date,
  spec: Attachment & {
    target: (tx: Db) => Promise<{ owner: { id: number; version: number }; previous: FileRef | null }>;
  },
): Promise<FileRef | null> {
  // Drizzle cannot type insert/delete over a union of tables; both link tables have the owner's key,
  // fileSha256, setBy and setAt.
  const linkTable = spec.linkTable as typeof t.organizationLogos;
  const ownerColumn = (spec.linkTable as unknown as Record<string, PgColumn>)[spec.ownerKey]!;
  return db.transaction(async (tx) => {
    const { owner: before, previous } = await spec.target(tx);
    const action = input.file ? `set_${spec.kind}` : `remove_${spec.kind}`;
    let current: FileRef | null = null;
    await updateVersioned(tx, {
      ...versionedChange(spec.ownerTable, spec.entityType, before, input.version, action, user, now),
      alongside: async () => {
        if (input.file) {
          const sha256 = await storeFile(tx, input.file, user.id, now);
          await tx
            .insert(linkTable)
            .values({ [spec.ownerKey]: before.id, fileSha256: sha256, setBy: user.id, setAt: now } as never)
            .onConflictDoUpdate({ target: ownerColumn, set: { fileSha256: sha256, setBy: user.id, setAt: now } });
          current = await fileRef(tx, sha256);
        } else {
          await tx.delete(linkTable).where(eq(ownerColumn, before.id));
        }
      },
      audit: {
        before: { [spec.kind]: auditedFile(previous), version: before.version },
        after: (row) => ({ [spec.kind]: auditedFile(current), version: row.version }),
      },
    });
    return current;
  });
}

/**
 * A stored file with its bytes, whoever may see it: for a route that has already decided the reader may
 * (an editor looking at a logo sent with an open sign-on form). Public routes use getPublicFile.
 */
export async function storedFile(db: Db, sha256: string): Promise<FileRow | null> {
  const [file] = await db
    .select({ ...refColumns, base64: bytesAsBase64 })
    .from(t.files)
    .where(eq(t.files.sha256, sha256));
  if (!file) return null;
  const { base64, ...ref } = file;
  return { ...ref, bytes: Buffer.from(base64, 'base64') };
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
 * A file the public may fetch: the logo of an organization (the registry is public), the document
 * of a statement the visibility rule shows now, or the uploaded copy of a follow-up entry (a
 * response's source, a status update's evidence, a meeting's minutes) the follow-up rule shows now.
 * Anything else (a draft's or embargoed statement's document, a draft entry's copy, a replaced logo,
 * an unknown hash) is NotFound, the same answer as for a hash that was never stored, so the route
 * does not reveal that a draft has a file.
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
    .where(and(eq(t.files.sha256, sha256), or(isLogo, isPublicDocument, ...publicFollowupCopy(db, now))));
  if (!file) throw new NotFound(`No public file ${sha256}`);
  const { base64, ...ref } = file;
  return { ...ref, bytes: Buffer.from(base64, 'base64') };
}

/** The copies of follow-up entries the public sees now, each by the follow-up rule of platform/visibility.ts. */
function publicFollowupCopy(db: Db, now: Date): SQL[] {
  const r = t.followupResponses;
  const su = t.followupStatusUpdates;
  const m = t.followupMeetings;
  return [
    exists(
      db
        .select({ one: sql`1` })
        .from(r)
        .innerJoin(t.recommendations, eq(t.recommendations.id, r.recommendationId))
        .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
        .where(and(eq(r.sourceUpload, t.files.sha256), publicFollowupCondition(r.publication, now))),
    ),
    exists(
      db
        .select({ one: sql`1` })
        .from(t.followupEvidence)
        .innerJoin(su, eq(su.id, t.followupEvidence.statusUpdateId))
        .innerJoin(t.statements, eq(t.statements.id, su.statementId))
        .where(and(eq(t.followupEvidence.upload, t.files.sha256), publicFollowupCondition(su.publication, now))),
    ),
    exists(
      db
        .select({ one: sql`1` })
        .from(m)
        .where(and(eq(m.minutesUpload, t.files.sha256), publicMeetingCondition(m.id, m.publication, now))),
    ),
  ];
}

export const isDocumentType = (mediaType: FileMediaType) => !mediaType.startsWith('image/');
