/**
 * Workspace imports run in the background: an upload becomes a row of `sheet_import_jobs` (queued), and
 * a runner claims queued rows one at a time, with one statement that only one caller can win (`for update
 * skip locked`), so with several instances each job still runs once. A job whose runner stopped (a restart)
 * is claimed again once its row has not moved for STALE_MS. Progress is written to the row after each
 * chunk (the pass no longer holds the connection: run.ts), so the progress page needs nothing but the
 * row, on any instance, and a long import keeps its row moving.
 */
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { systemActor } from '../../platform/audit.js';
import { type Db, queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { actorOf } from '../../platform/write.js';
import { bufferSource, formatOf } from './read-sheet.js';
import type { SheetReport } from './report.js';
import { BULK_FROM_BYTES, runSheetImport } from './run.js';

const j = t.sheetImportJobs;
export type SheetImportJob = typeof j.$inferSelect;

/** A running job whose row has not moved for this long lost its runner. */
const STALE_MS = 5 * 60_000;
export function progressOf(job: { rowsDone: number; bytesDone: number }) {
  return { rows: job.rowsDone, bytes: job.bytesDone };
}

export async function createSheetImport(db: Db, input: { fileName: string; bytes: Buffer; userId: number; now: Date }) {
  const [row] = await db
    .insert(j)
    .values({
      fileName: input.fileName,
      file: input.bytes,
      fileBytes: input.bytes.length,
      createdBy: input.userId,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning({ id: j.id });
  return row!.id;
}

export async function getSheetImport(db: Db, id: number): Promise<Omit<SheetImportJob, 'file'> | null> {
  const { file: _file, ...columns } = getTableColumns(j);
  const [row] = await db.select(columns).from(j).where(eq(j.id, id));
  return row ?? null;
}

/** The editor confirmed the dry run: the same file is queued again, this time to be written. */
export async function queueSheetImportCommit(db: Db, id: number, now: Date): Promise<boolean> {
  const updated = await db
    .update(j)
    .set({ phase: 'commit', state: 'queued', rowsDone: 0, bytesDone: 0, updatedAt: now })
    .where(
      and(
        eq(j.id, id),
        eq(j.phase, 'check'),
        eq(j.state, 'done'),
        sql`${j.file} is not null`,
        sql`coalesce((${j.report}->>'problemCount')::int, 1) = 0 and ${j.report}->'fileProblem' = 'null'::jsonb`,
      ),
    )
    .returning({ id: j.id });
  return updated.length === 1;
}

async function claimNext(db: Db, now: Date): Promise<SheetImportJob | null> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update sheet_import_jobs set state = 'running', started_at = ${now.toISOString()}, updated_at = ${now.toISOString()}
        where id = (select id from sheet_import_jobs
                    where state = 'queued' or (state = 'running' and updated_at < ${new Date(now.getTime() - STALE_MS).toISOString()})
                    order by id limit 1 for update skip locked)
        returning id`,
  );
  if (!rows[0]) return null;
  const [job] = await db
    .select()
    .from(j)
    .where(eq(j.id, Number(rows[0].id)));
  return job ?? null;
}

async function runJob(db: Db, job: SheetImportJob, now: () => Date): Promise<void> {
  const format = formatOf(job.fileName) ?? 'csv';
  try {
    const [user] = job.createdBy ? await db.select().from(t.users).where(eq(t.users.id, job.createdBy)) : [];
    const report: SheetReport = await runSheetImport(db, bufferSource(job.file ?? Buffer.alloc(0)), {
      fileName: job.fileName,
      format,
      commit: job.phase === 'commit',
      bulk: job.fileBytes >= BULK_FROM_BYTES,
      actor: user ? actorOf(user) : systemActor(`sheet import ${job.id}`),
      now: now(),
      onProgress: async (rows, bytes) => {
        await db.update(j).set({ rowsDone: rows, bytesDone: bytes, updatedAt: now() }).where(eq(j.id, job.id));
      },
    });
    await db
      .update(j)
      .set({
        state: 'done',
        report,
        rowsDone: report.rows,
        bytesDone: job.fileBytes,
        finishedAt: now(),
        updatedAt: now(),
        // Written: the file is not needed again (a re-run of it is a new upload).
        ...(report.committed ? { file: null } : {}),
      })
      .where(eq(j.id, job.id));
  } catch (error) {
    await db
      .update(j)
      .set({
        state: 'failed',
        failure: String((error as Error).message ?? error).slice(0, 500),
        finishedAt: now(),
        updatedAt: now(),
      })
      .where(eq(j.id, job.id));
  }
}

let running: Promise<void> | null = null;

/**
 * Runs queued jobs until none is left, one at a time in this process; a call while it runs joins that
 * run. The returned promise settles when the queue is empty (tests await it instead of polling).
 */
export function runQueuedSheetImports(db: Db, now: () => Date = () => new Date()): Promise<void> {
  if (running) return running;
  running = (async () => {
    try {
      for (let job = await claimNext(db, now()); job; job = await claimNext(db, now())) await runJob(db, job, now);
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Settles when this process's runner is idle. */
export function sheetImportsIdle(): Promise<void> {
  return running ?? Promise.resolve();
}
