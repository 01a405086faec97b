/**
 * One real process contending for a PGlite data-dir lock (src/platform/db/data-dir-lock.test.ts runs
 * several). Run as `node --import tsx test/support/lock-contender.ts BARRIER_FIFO`.
 *
 * Each round, over stdin/stdout lines: the parent sends `round DIR`; we answer `ready`, then block on
 * a one-byte read of the barrier fifo, which the parent fills with one byte per contender in one
 * write, so every contender is released at the same instant. We try `lockDataDir(DIR)` and answer
 * `won` or `lost MESSAGE`, keep what we won until the parent sends `release`, and answer `released`.
 */
import { openSync, readSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type DataDirLock, lockDataDir } from '../../src/platform/db/data-dir-lock.js';

const barrier = openSync(process.argv[2]!, 'r');
const say = (line: string) => writeSync(1, `${line}\n`);
let held: DataDirLock | null = null;

for await (const line of createInterface({ input: process.stdin })) {
  if (line.startsWith('round ')) {
    say('ready');
    readSync(barrier, Buffer.alloc(1), 0, 1, null);
    try {
      held = lockDataDir(line.slice('round '.length), `contender ${process.pid}`);
      say('won');
    } catch (error) {
      say(`lost ${(error as Error).message.replaceAll('\n', ' ')}`);
    }
  } else if (line === 'release') {
    held?.release();
    held = null;
    say('released');
  }
}
