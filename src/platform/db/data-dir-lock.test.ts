import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StartupError } from '../errors.js';
import { lockDataDir } from './data-dir-lock.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'puente-lock-'));

/** A pid that certainly belongs to no running process: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid;
}

describe('lockDataDir', () => {
  it('lets one holder in and names it to the next', () => {
    const dir = freshDir();
    const lock = lockDataDir(dir, 'puente serve (port 3000)');
    const holder = JSON.parse(readFileSync(lock.path, 'utf8'));
    // Pretend another live process holds it: our parent is alive and not us.
    writeFileSync(lock.path, JSON.stringify({ ...holder, pid: process.ppid }));
    expect(() => lockDataDir(dir, 'puente demo load')).toThrow(StartupError);
    expect(() => lockDataDir(dir, 'puente demo load')).toThrow(
      new RegExp(`in use by process ${process.ppid} \\(puente serve \\(port 3000\\), started `),
    );
  });

  it('takes over a lock left by a process that died', () => {
    const dir = freshDir();
    writeFileSync(
      join(dir, 'puente.lock'),
      JSON.stringify({ pid: deadPid(), host: hostname(), command: 'puente serve', startedAt: '2026-01-01T00:00:00Z' }),
    );
    const lock = lockDataDir(dir, 'puente serve');
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('is free again once released', () => {
    const dir = freshDir();
    lockDataDir(dir, 'first').release();
    const again = lockDataDir(dir, 'second');
    expect(JSON.parse(readFileSync(again.path, 'utf8')).command).toBe('second');
    again.release();
  });

  it('explains a directory it cannot create', () => {
    // Tests run as root in CI, where permissions do not stop anything: a path through a file does.
    const file = join(freshDir(), 'a-file');
    writeFileSync(file, '');
    expect(() => lockDataDir(join(file, 'data'), 'puente serve')).toThrow(
      /The data directory .*a-file\/data cannot be used \(ENOTDIR\): set PUENTE_DATA_DIR to a directory this user can write to/,
    );
  });
});
