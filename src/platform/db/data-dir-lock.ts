/**
 * PGlite is one process per data directory: two processes writing the same files corrupt them.
 * We take an exclusive lock file that names its holder, so a second process can say exactly who
 * holds the directory. A lock left by a dead process (kill -9, power loss) is taken over.
 *
 * Why our own ~60 lines rather than proper-lockfile: it judges staleness by mtime and cannot tell
 * the user which process holds the lock, which is the message the operator needs.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
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

export function lockDataDir(dataDir: string, command: string): DataDirLock {
  ensureWritableDir(dataDir);
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return { path, release: () => releaseIfMine(path) };
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw dataDirError(dataDir, error);
      const holder = readHolder(path);
      if (holder && isAlive(holder)) throw busyError(dataDir, holder);
      removeStaleLock(path);
    }
  }
  throw new StartupError(`Could not lock the data directory ${dataDir}: another process keeps taking it. Try again.`);
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

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return null; // unreadable or half-written: treat as stale
  }
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

function removeStaleLock(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}

function releaseIfMine(path: string): void {
  const holder = readHolder(path);
  if (holder?.pid === process.pid && holder.host === hostname()) removeStaleLock(path);
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
