/**
 * `puente import upr-info FILE` and `puente import ohchr-list FILE.docx`: read and check the file before
 * the database is opened, plan against it, print the dry run, and with `--commit` write it all or
 * nothing. A progress bar on a terminal (stderr), none when output goes to a file or a pipe.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { systemActor } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { StartupError } from '../../platform/errors.js';
import { docxHtmlIsolated, UploadRejected } from '../files/index.js';
import { commitImport } from './commit.js';
import { planImport } from './plan.js';
import { readOhchrList, reviewFromFileName } from './read-ohchr.js';
import { type Encoding, readUprInfo, UnreadableFile } from './read-upr-info.js';
import { importReport } from './report.js';
import type { SourceRead } from './source-rows.js';

/** 200 MB: far above any UPR export (all of UPR Info's database is about 30 MB). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

async function readBytes(file: string, max: number): Promise<Buffer> {
  const info = await stat(file).catch(() => {
    throw new StartupError(`cannot read "${file}": no such file`);
  });
  if (!info.isFile()) throw new StartupError(`cannot read "${file}": not a file`);
  if (info.size === 0) throw new StartupError(`"${basename(file)}" is empty`);
  if (info.size > max) {
    throw new StartupError(
      `"${basename(file)}" is ${(info.size / 1024 / 1024).toFixed(1)} MB; at most ${max / 1024 / 1024} MB`,
    );
  }
  return readFile(file);
}

function asStartupError(error: unknown): never {
  if (error instanceof UnreadableFile || error instanceof UploadRejected)
    throw new StartupError((error as Error).message);
  throw error;
}

export async function readUprInfoFile(file: string, encoding?: Encoding): Promise<SourceRead> {
  const bytes = await readBytes(file, MAX_IMPORT_BYTES);
  try {
    return readUprInfo(bytes, basename(file), encoding);
  } catch (error) {
    asStartupError(error);
  }
}

export async function readOhchrListFile(
  file: string,
  review: { state?: string; session?: string },
): Promise<SourceRead> {
  const bytes = await readBytes(file, 20 * 1024 * 1024);
  const name = basename(file);
  if (bytes.subarray(0, 4).toString('latin1') !== 'PK\x03\x04') {
    throw new StartupError(`"${name}" is not a Word document (.docx): open it in Word and save it as .docx`);
  }
  const fromName = reviewFromFileName(name);
  const state = review.state ?? fromName?.state;
  const session = review.session !== undefined ? Number(review.session) : fromName?.session;
  try {
    const html = await docxHtmlIsolated(bytes);
    return readOhchrList(html, name, state !== undefined && session !== undefined ? { state, session } : null);
  } catch (error) {
    asStartupError(error);
  }
}

/** Plans, prints and (with `commit`) writes; sets a failing exit code when the file has errors. */
export async function runReviewImport(
  db: Db,
  read: SourceRead,
  options: { commit: boolean; fileName: string; command: string },
  now: Date,
): Promise<{ out: string; failed: boolean }> {
  const plan = await planImport(db, read);
  const refused = read.problems.length > 0;
  if (!options.commit || refused || plan.added === 0) {
    const result =
      options.commit && !refused ? { added: 0, createdReviews: [], createdThemes: [], createdAddressees: [] } : null;
    return { out: importReport(options.fileName, plan, result, refused && options.commit), failed: refused };
  }
  const bar =
    process.stderr.isTTY && plan.added > 1000
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: 'Writing [{bar}] {percentage}% | {value}/{total} recommendations | {eta}s left',
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(plan.added, 0);
  try {
    const result = await commitImport(
      db,
      plan,
      systemActor(`${options.command} ${options.fileName}`),
      now,
      options.fileName,
      (done) => bar?.update(done),
    );
    return { out: importReport(options.fileName, plan, result, false), failed: false };
  } finally {
    bar?.stop();
  }
}
