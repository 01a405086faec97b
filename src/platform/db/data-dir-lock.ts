/**
 * PGlite is one process per data directory: two processes writing the same files corrupt them.
 * We take an exclusive lock file that names its holder, so a second process can say exactly who
 * holds the directory. A lock left by a dead process (kill -9, power loss) is taken over.
 *
 * Both steps are atomic, so of any number of processes starting at the same instant exactly one
 * gets the directory (test: data-dir-lock.test.ts, "several real processes at the same instant"):
 * - Taking: the holder's record is written to a temporary file first and then hard-linked to
 *   `puente.lock`; link() fails if the name exists, so the lock never exists half-written.
 * - Taking over: a lock is stale only if the process it names is dead. Only the one process that
 *   creates `puente.lock.takeover-<hash of that stale record>` (the same atomic link) may replace it,
 *   and only after checking, under that claim, that `puente.lock` still holds the very record it
 *   judged stale (each record carries a random token, so a new lock never looks like an old one).
 *   A takeover claim left by a process that died is itself taken over by the same rule.
 *
 * Why our own code rather than proper-lockfile: it judges staleness by mtime (a holder must keep
 * touching the lock) and cannot tell the user which process holds the lock, the message the
 * operator needs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../errors.js';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export interface DataDirLock {
  path: string;
  release(): void;
}

const LOCK_FILE = 'puente.lock';
/** Takeover claims of takeover claims, each left by a process that died mid-takeover: far more means something else is wrong. */
const MAX_TAKEOVER_DEPTH = 8;

export function lockDataDir(dataDir: string, command: string): DataDirLock {
  ensureWritableDir(dataDir);
  const path = join(dataDir, LOCK_FILE);
  const record = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    command,
    startedAt: new Date().toISOString(),
    token: randomBytes(16).toString('hex'),
  });
  let outcome: 'mine' | LockHolder;
  try {
    outcome = claim(path, record, 0);
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw dataDirError(dataDir, error);
  }
  if (outcome !== 'mine') throw busyError(dataDir, outcome);
  return { path, release: () => releaseIfMine(path, record) };
}

/**
 * Makes `path` hold `record` unless a live process holds it (then names that process). Used for the
 * lock itself and, one level down each time, for the claim to take over a stale one.
 */
function claim(path: string, record: string, depth: number): 'mine' | LockHolder {
  if (depth > MAX_TAKEOVER_DEPTH) throw contendedError(path);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (place(path, record, 'create')) return 'mine';
    const seen = readRecord(path);
    if (seen === null) continue; // released in between: try again
    const holder = parseHolder(seen);
    if (holder && isAlive(holder)) return holder;
    // Stale. Whoever claims this very record's takeover replaces it; a live claimant is about to hold the lock.
    const takeover = `${path}.takeover-${createHash('sha256').update(seen).digest('hex').slice(0, 16)}`;
    const claimed = claim(takeover, record, depth + 1);
    if (claimed !== 'mine') return claimed;
    try {
      if (readRecord(path) === seen) {
        place(path, record, 'replace');
        return 'mine';
      }
    } finally {
      removeFile(takeover);
    }
  }
  throw contendedError(path);
}

/**
 * Puts a complete `record` at `path` in one step: `create` fails (false) if `path` exists, `replace`
 * overwrites it (only ever done under a takeover claim).
 */
function place(path: string, record: string, how: 'create' | 'replace'): boolean {
  const temporary = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, record, { mode: 0o600, flag: 'wx' });
  try {
    if (how === 'create') linkSync(temporary, path);
    else renameSync(temporary, path);
    return true;
  } catch (error) {
    if (how === 'create' && errnoCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    removeFile(temporary);
  }
}

function ensureWritableDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw dataDirError(dataDir, error);
  }
}

function dataDirError(dataDir: string, error: unknown): StartupError {
  const code = errnoCode(error) ?? 'error';
  return new StartupError(
    `The data directory ${dataDir} cannot be used (${code}): set PUENTE_DATA_DIR to a directory this user can write to, or fix its permissions.`,
    { cause: error },
  );
}

function busyError(dataDir: string, holder: LockHolder): StartupError {
  return new StartupError(
    `The data directory ${dataDir} is in use by process ${holder.pid} (${holder.command}, started ${holder.startedAt}). ` +
      'The embedded database allows one process at a time: stop that process first, or use a PostgreSQL server (DATABASE_URL) to run several.',
  );
}

/** The lock's record as written, or null if there is none (any other read error is the directory's problem). */
function readRecord(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Null for a record no Puente wrote (empty, or cut short by an older version): stale, taken over by the same rule. */
function parseHolder(record: string): LockHolder | null {
  try {
    const holder = JSON.parse(record) as Partial<LockHolder> | null;
    return typeof holder?.pid === 'number' && typeof holder.host === 'string' ? (holder as LockHolder) : null;
  } catch {
    return null;
  }
}

function contendedError(path: string): StartupError {
  return new StartupError(
    `Could not lock ${path}: it keeps changing hands. Check that no other program writes there, then try again.`,
  );
}

function isAlive(holder: LockHolder): boolean {
  // A lock written on another machine (a shared volume) cannot be checked: respect it.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}

/** Only our own record, token included: a lock taken over from us (we were thought dead) is not ours to remove. */
function releaseIfMine(path: string, record: string): void {
  if (readRecord(path) === record) removeFile(path);
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
