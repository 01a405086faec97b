/**
 * When each start-up phase ended, in milliseconds since the process started (`performance.now()`
 * counts from there), so the server can log where its start-up time went (`LOG_LEVEL=debug`,
 * "start-up phases"). Process-wide on purpose: the phases happen in modules that share nothing
 * else (the database opening, the app's build, the demo check), and one process starts once.
 */
import { performance } from 'node:perf_hooks';

export interface StartupPhase {
  phase: string;
  /** Milliseconds since the process started. */
  atMs: number;
}

const phases: StartupPhase[] = [];

export function markStartupPhase(phase: string): void {
  phases.push({ phase, atMs: Math.round(performance.now()) });
}

/** The phases so far, in the order they ended (phases of parallel steps interleave). */
export function startupPhases(): StartupPhase[] {
  return [...phases].sort((a, b) => a.atMs - b.atMs);
}
