/**
 * Where a child process's resident memory is, sampled from outside it (the parent reads /proc/PID/smaps):
 * a timer inside the child would fire only between PGlite's statements, never during the long ones, which
 * are what issue 17's publish is made of. Each mapping is put in one of four kinds:
 * - `wasm`: PGlite's WebAssembly memory, V8's one reservation of ≥ 4 GB (address space with guard pages;
 *   resident only as PGlite first touches its pages, and never given back);
 * - `anon`: every other anonymous mapping: V8's heap, malloc's arenas, compiled code, Node's buffers;
 * - `brk`: malloc's main heap ([heap]);
 * - `file`: file-backed mappings (node, its libraries, ICU), shared or not.
 * Linux only: elsewhere `sample()` answers null and the bench prints no breakdown.
 */
import { readFileSync } from 'node:fs';

export type MemoryKind = 'wasm' | 'anon' | 'brk' | 'file';
export type MemorySample = Record<MemoryKind, number> & { rss: number };

const GUARD_REGION = 4 * 1024 ** 3;
const HEADER = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ (\d+)\s*(.*)$/;

interface Mapping {
  start: number;
  end: number;
  perms: string;
  anonymous: boolean;
  name: string;
  rss: number;
}

/**
 * /proc/PID/smaps as one entry per mapping. A WebAssembly memory is V8's one reservation, shown as two
 * mappings: the memory's pages (rw-p, as large as the memory) and, right after them, an inaccessible
 * guard region of several GB (---p): found by that pair.
 */
function readMappings(pid: number): Mapping[] | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  } catch {
    return null;
  }
  const mappings: Mapping[] = [];
  for (const line of text.split('\n')) {
    const header = HEADER.exec(line);
    if (header) {
      mappings.push({
        start: Number.parseInt(header[1]!, 16),
        end: Number.parseInt(header[2]!, 16),
        perms: header[3]!,
        anonymous: header[4] === '0' && !header[5]!.startsWith('/'),
        name: header[5]!,
        rss: 0,
      });
    } else if (line.startsWith('Rss:') && mappings.length > 0) {
      mappings.at(-1)!.rss = Number(/(\d+)/.exec(line)![1]) * 1024;
    }
  }
  return mappings;
}

/** One reading of /proc/PID/smaps, in bytes by kind; null once the process is gone (or not on Linux). */
export function sampleSmaps(pid: number): MemorySample | null {
  const mappings = readMappings(pid);
  if (!mappings) return null;
  const sample: MemorySample = { wasm: 0, anon: 0, brk: 0, file: 0, rss: 0 };
  mappings.forEach((m, k) => {
    const next = mappings[k + 1];
    const isWasm =
      m.anonymous &&
      m.perms.startsWith('rw') &&
      next?.anonymous &&
      next.perms.startsWith('---') &&
      next.start === m.end &&
      next.end - next.start >= GUARD_REGION;
    const kind: MemoryKind =
      m.name === '[heap]' ? 'brk' : !m.anonymous && m.name.startsWith('/') ? 'file' : isWasm ? 'wasm' : 'anon';
    sample[kind] += m.rss;
    sample.rss += m.rss;
  });
  return sample;
}

/**
 * Samples `pid` every `everyMs` until `stop()`, keeping for each phase (the label `phase()` was last told,
 * e.g. from the child's log lines) the sample of its highest RSS and the highest of each kind.
 */
export function startSmapsSampler(pid: number, everyMs: number) {
  let phase = 'start';
  const peaks = new Map<string, { atPeak: MemorySample; highest: MemorySample; samples: number }>();
  const timeline: { at: number; phase: string; sample: MemorySample }[] = [];
  const started = Date.now();
  const take = () => {
    const sample = sampleSmaps(pid);
    if (!sample) return;
    timeline.push({ at: (Date.now() - started) / 1000, phase, sample });
    const seen = peaks.get(phase);
    if (!seen) {
      peaks.set(phase, { atPeak: sample, highest: { ...sample }, samples: 1 });
      return;
    }
    seen.samples++;
    if (sample.rss > seen.atPeak.rss) seen.atPeak = sample;
    for (const key of Object.keys(sample) as (keyof MemorySample)[]) {
      seen.highest[key] = Math.max(seen.highest[key], sample[key]);
    }
  };
  const timer = setInterval(take, everyMs);
  return {
    phase(label: string) {
      take();
      phase = label;
    },
    stop() {
      clearInterval(timer);
      return { peaks, timeline };
    },
  };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)}`.padStart(5);

/** The per-phase table the bench prints: at each phase's RSS peak, MB by kind, and each kind's own highest. */
export function smapsTable({ peaks }: ReturnType<ReturnType<typeof startSmapsSampler>['stop']>): string[] {
  const lines = [`    ${'phase (samples)'.padEnd(40)}   RSS  wasm  anon   brk  file | highest: wasm  anon`];
  for (const [phase, { atPeak, highest, samples }] of peaks) {
    lines.push(
      `    ${`${phase} (${samples})`.slice(0, 40).padEnd(40)} ${mb(atPeak.rss)} ${mb(atPeak.wasm)} ${mb(atPeak.anon)} ${mb(atPeak.brk)} ${mb(atPeak.file)} |        ${mb(highest.wasm)} ${mb(highest.anon)}`,
    );
  }
  return lines;
}

/** The samples of one phase, one line each (MB), to see what grows when within it. */
export function smapsTimeline(
  { timeline }: ReturnType<ReturnType<typeof startSmapsSampler>['stop']>,
  phase: string,
): string[] {
  return timeline
    .filter((t) => t.phase === phase)
    .map(
      ({ at, sample: s }) =>
        `    ${`${at.toFixed(1)} s`.padStart(8)} RSS ${mb(s.rss)} = wasm ${mb(s.wasm)} anon ${mb(s.anon)} brk ${mb(s.brk)} file ${mb(s.file)}`,
    );
}
