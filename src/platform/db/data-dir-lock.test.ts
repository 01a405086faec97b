import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test/support/processes.js';
import { StartupError } from '../errors.js';
import { lockDataDir } from './data-dir-lock.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'puente-lock-'));

/** A pid that certainly belongs to no running process: one that just exited. */
function deadPid(): number {
  const child = spawnSync('true');
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

  it('takes over a lock whose takeover was begun by a process that died, and leaves nothing behind', () => {
    const dir = freshDir();
    const stale = JSON.stringify({
      pid: deadPid(),
      host: hostname(),
      command: 'puente serve',
      startedAt: '2026-01-01',
    });
    writeFileSync(join(dir, 'puente.lock'), stale);
    const claim = `puente.lock.takeover-${createHash('sha256').update(stale).digest('hex').slice(0, 16)}`;
    writeFileSync(join(dir, claim), JSON.stringify({ pid: deadPid(), host: hostname(), command: 'x', startedAt: '' }));
    const lock = lockDataDir(dir, 'puente serve');
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
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

/** A real process that contends for the lock when the barrier opens (test/support/lock-contender.ts). */
class Contender {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;

  constructor(barrier: string) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'test/support/lock-contender.ts', barrier], {
      cwd: repoRoot,
    });
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  /** Closes its input, so it exits; resolves once it has. */
  async end(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.stdin.end();
    await exited;
  }

  async next(): Promise<string> {
    const line = await this.lines.next();
    if (line.done) throw new Error(`contender ${this.child.pid} exited`);
    return line.value;
  }
}

describe('lockDataDir: several real processes at the same instant', () => {
  const CONTENDERS = 4;
  const TRIALS = 100;
  const contenders: Contender[] = [];
  let barrier = -1;

  beforeAll(() => {
    const fifo = join(freshDir(), 'barrier');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Opened read-write by us, so the contenders' read-only opens never wait for a writer.
    barrier = openSync(fifo, 'r+');
    for (let i = 0; i < CONTENDERS; i++) contenders.push(new Contender(fifo));
  });

  afterAll(async () => {
    await Promise.all(contenders.map((c) => c.end()));
    closeSync(barrier);
  });

  /** One trial: every contender tries `dir` when the barrier opens. The pids of those that got it, and what the others were told. */
  async function race(dir: string): Promise<{ winners: number[]; refusals: string[] }> {
    for (const c of contenders) c.send(`round ${dir}`);
    for (const c of contenders) expect(await c.next()).toBe('ready');
    writeSync(barrier, Buffer.alloc(CONTENDERS)); // one byte each, in one write: all released at once
    const results = await Promise.all(contenders.map(async (c) => ({ pid: c.child.pid!, said: await c.next() })));
    for (const c of contenders) c.send('release');
    for (const c of contenders) expect(await c.next()).toBe('released');
    expect(readdirSync(dir), 'no temporary or takeover file is left behind').toEqual([]);
    return {
      winners: results.filter((r) => r.said === 'won').map((r) => r.pid),
      refusals: results.filter((r) => r.said !== 'won').map((r) => r.said),
    };
  }

  async function trials(prepare: (dir: string) => void): Promise<void> {
    const winnersPerTrial: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = freshDir();
      prepare(dir);
      const { winners, refusals } = await race(dir);
      winnersPerTrial.push(winners.length);
      // Everyone else is told who holds the directory: the one winner.
      if (winners.length === 1) {
        for (const said of refusals) expect(said).toMatch(new RegExp(`^lost .*in use by process ${winners[0]} `));
      }
    }
    expect(winnersPerTrial).toEqual(Array(TRIALS).fill(1));
  }

  it('a fresh directory: exactly one process gets it, every time', async () => {
    await trials(() => {});
  }, 120_000);

  it('a lock left by a dead process: exactly one process takes it over, every time', async () => {
    await trials((dir) =>
      writeFileSync(
        join(dir, 'puente.lock'),
        JSON.stringify({
          pid: deadPid(),
          host: hostname(),
          command: 'puente serve',
          startedAt: '2026-01-01T00:00:00Z',
        }),
      ),
    );
  }, 120_000);
});
