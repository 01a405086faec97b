/**
 * Uploaded copies of follow-up sources: a response's source document, an evidence link's copy, a
 * meeting's minutes. The bytes go into the content-addressed files table (features/files); the entry
 * keeps the hash, a foreign key. Attaching, replacing and removing follow the house write pattern: the
 * entry's version as the page saw it (an evidence row has none of its own, so its status update's
 * version is checked and bumped), and one audit row on the entry with the file before and after.
 * Whether the public may fetch a copy is decided by the files feature from the entry's visibility.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { canRecordFollowup } from '../../platform/policy.js';
import { assertAllowed, type Editor, type Tx, updateVersioned, versionedChange } from '../../platform/write.js';
import { auditedFile, type FileRef, fileRef, type NewFile, storeFile } from '../files/index.js';

export const COPY_KINDS = ['response', 'evidence', 'meeting'] as const;
export type CopyKind = (typeof COPY_KINDS)[number];

export interface CopyInput {
  kind: CopyKind;
  /** The response, evidence row or meeting. */
  id: number;
  /** The entry's version the page showed (for evidence: its status update's). */
  version: number;
  /** null: remove the copy. */
  file: NewFile | null;
}

interface Target {
  /** The versioned row and how it is audited. */
  table: typeof t.followupResponses | typeof t.followupStatusUpdates | typeof t.followupMeetings;
  entityType: string;
  owner: { id: number; version: number };
  previous: string | null;
  /** Sets the hash on the row that holds it. */
  link: (tx: Tx, sha256: string | null) => Promise<unknown>;
  /** Which copy of the audited entity changed (the evidence row, for a status update). */
  detail: Record<string, unknown>;
}

async function targetOf(tx: Tx, kind: CopyKind, id: number): Promise<Target> {
  if (kind === 'response') {
    const r = t.followupResponses;
    const [owner] = await tx.select().from(r).where(eq(r.id, id));
    if (!owner) throw new NotFound(`No response ${id}`);
    return {
      table: r,
      entityType: 'followup_response',
      owner,
      previous: owner.sourceUpload,
      link: (db, sha256) => db.update(r).set({ sourceUpload: sha256 }).where(eq(r.id, id)),
      detail: {},
    };
  }
  if (kind === 'meeting') {
    const m = t.followupMeetings;
    const [owner] = await tx.select().from(m).where(eq(m.id, id));
    if (!owner) throw new NotFound(`No meeting ${id}`);
    return {
      table: m,
      entityType: 'followup_meeting',
      owner,
      previous: owner.minutesUpload,
      link: (db, sha256) => db.update(m).set({ minutesUpload: sha256 }).where(eq(m.id, id)),
      detail: {},
    };
  }
  const e = t.followupEvidence;
  const [row] = await tx
    .select({ evidence: e, owner: t.followupStatusUpdates })
    .from(e)
    .innerJoin(t.followupStatusUpdates, eq(t.followupStatusUpdates.id, e.statusUpdateId))
    .where(eq(e.id, id));
  if (!row) throw new NotFound(`No evidence ${id}`);
  return {
    table: t.followupStatusUpdates,
    entityType: 'followup_status_update',
    owner: row.owner,
    previous: row.evidence.upload,
    link: (db, sha256) => db.update(e).set({ upload: sha256 }).where(eq(e.id, id)),
    detail: { evidenceId: id, evidenceUrl: row.evidence.url },
  };
}

/** Attach or replace (file) or remove (null) the copy; returns the copy now attached. */
export async function setFollowupCopy(db: Db, input: CopyInput, user: Editor, now: Date): Promise<FileRef | null> {
  assertAllowed(canRecordFollowup(user), 'Only editors may attach copies');
  return db.transaction(async (tx) => {
    const target = await targetOf(tx, input.kind, input.id);
    const previous = await fileRef(tx, target.previous);
    const action = input.file ? (previous ? 'replace_copy' : 'attach_copy') : 'remove_copy';
    let current: FileRef | null = null;
    await updateVersioned(tx, {
      ...versionedChange(target.table, target.entityType, target.owner, input.version, action, user, now),
      alongside: async () => {
        const sha256 = input.file ? await storeFile(tx, input.file, user.id, now) : null;
        await target.link(tx, sha256);
        current = await fileRef(tx, sha256);
      },
      audit: {
        before: { ...target.detail, copy: auditedFile(previous), version: target.owner.version },
        after: (row) => ({ ...target.detail, copy: auditedFile(current), version: row.version }),
      },
    });
    return current;
  });
}
