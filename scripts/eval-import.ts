/**
 * npm run eval:import [-- --corpus DIR] [-- --verbose] [-- --half A|B]
 * Runs the importer over every `*.md` in the corpus that has a `*.expected.json` beside it and prints
 * precision, recall and F1 per field (micro-averaged totals; see src/features/import/score.ts for what
 * counts as a hit) for: half A and half B with the shipped parameters, the whole corpus, and the
 * cross-over — every tunable parameter (src/features/release-text/params.ts) fitted on one half by a
 * deterministic coordinate search, then measured on the other half, and swapped. The cross-over numbers
 * are the honest ones: they estimate how the importer does on releases it has never seen.
 *
 * The split is fixed and documented in docs/import-evaluation.md: documents are grouped by language and
 * kind (advisory, letter, release), ordered by a SHA-256 of the file name inside each group, and dealt
 * alternately to A and B, so the halves are balanced and adding a document moves few others.
 *
 * `--half A` scores only half A with the shipped parameters (and `--verbose` lists only A's documents):
 * the working mode while rules are written from A's misses, so half B stays unseen — no per-field or
 * per-document output of B is printed. Run the full evaluation (which prints B's aggregate) only to take
 * the baseline and the final figure.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  add,
  type Expected,
  type FieldCounts,
  prf,
  readSource,
  scoreRelease,
  total,
} from '../src/features/import/index.js';
import { DEFAULT_PARAMS, extractRelease, type ImportParams, PARAM_GRID } from '../src/features/release-text/index.js';

const args = process.argv.slice(2);
const corpusAt = args.indexOf('--corpus');
const corpus = corpusAt >= 0 ? (args[corpusAt + 1] ?? '') : '/work/shared/corpus/press-releases';
const verbose = args.includes('--verbose');
const halfAt = args.indexOf('--half');
const onlyHalf = halfAt >= 0 ? args[halfAt + 1] : undefined;
if (onlyHalf !== undefined && onlyHalf !== 'A' && onlyHalf !== 'B') {
  process.stderr.write(`eval:import: --half takes A or B, not ${onlyHalf ?? 'nothing'}\n`);
  process.exit(1);
}

if (!existsSync(corpus)) {
  process.stderr.write(`eval:import: no corpus at ${corpus} (use --corpus DIR)\n`);
  process.exit(1);
}

interface Doc {
  file: string;
  text: string;
  want: Expected;
  language: string;
  kind: 'advisory' | 'letter' | 'release';
  half: 'A' | 'B';
}

const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.md') && existsSync(join(corpus, f.replace(/\.md$/, '.expected.json'))))
  .sort();
const docs: Doc[] = [];
for (const file of files) {
  const raw = readFileSync(join(corpus, file), 'utf8');
  const text = await readSource(Buffer.from(raw), file);
  const want = JSON.parse(readFileSync(join(corpus, file.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected;
  const language = /^language:\s*(\w+)/m.exec(raw)?.[1] ?? extractRelease(text).release.language;
  const top = text.slice(0, 1200);
  const kind =
    /\b(?:media\s+advisory|press\s+(?:call|conference)|aviso\s+de\s+prensa|conferencia\s+de\s+prensa)\b/i.test(top)
      ? 'advisory'
      : /\b(?:letter|carta|dear|estimad[oa])\b/i.test(top)
        ? 'letter'
        : 'release';
  docs.push({ file, text, want, language, kind, half: 'A' });
}
// The split: per (language, kind) group, by hash of the file name, alternately A and B.
const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const groups = new Map<string, Doc[]>();
for (const d of docs) groups.set(`${d.language}/${d.kind}`, [...(groups.get(`${d.language}/${d.kind}`) ?? []), d]);
let turn = 0;
for (const key of [...groups.keys()].sort()) {
  for (const d of (groups.get(key) ?? []).sort((a, b) => hash(a.file).localeCompare(hash(b.file)))) {
    d.half = turn++ % 2 === 0 ? 'A' : 'B';
  }
}

function score(set: Doc[], params: ImportParams, log = false): FieldCounts {
  const counts: FieldCounts = {};
  for (const d of set) {
    const mine = scoreRelease(extractRelease(d.text, undefined, params).release, d.want);
    for (const [field, c] of Object.entries(mine)) add(counts, field, c);
    if (log) {
      const misses = Object.entries(mine).filter(([, c]) => c.fp + c.fn > 0);
      process.stdout.write(
        `${d.half} ${d.file}: ${misses.map(([f, c]) => `${f} fp=${c.fp} fn=${c.fn}`).join(', ') || 'all correct'}\n`,
      );
    }
  }
  return counts;
}

const f1 = (counts: FieldCounts) => prf(total(counts)).f1;

/** Coordinate search over PARAM_GRID from the defaults: best F1 on `set`, ties kept at the earlier value. */
function fitParams(set: Doc[]): ImportParams {
  let best: ImportParams = { ...DEFAULT_PARAMS };
  let bestF1 = f1(score(set, best));
  for (let round = 0; round < 3; round++) {
    let moved = false;
    for (const key of Object.keys(PARAM_GRID) as (keyof ImportParams)[]) {
      for (const value of PARAM_GRID[key]) {
        if (value === best[key]) continue;
        const trial = { ...best, [key]: value };
        const trialF1 = f1(score(set, trial));
        if (trialF1 > bestF1 + 1e-9) {
          best = trial;
          bestF1 = trialF1;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return best;
}

const halfA = docs.filter((d) => d.half === 'A');
const halfB = docs.filter((d) => d.half === 'B');
const started = Date.now();
if (onlyHalf !== undefined) {
  // One half alone: its scores with the shipped parameters, nothing of the other half is run or printed.
  const set = onlyHalf === 'A' ? halfA : halfB;
  const counts = score(set, DEFAULT_PARAMS, verbose);
  process.stdout.write(`half ${onlyHalf} only (${set.length} documents), shipped parameters\n\n`);
  for (const field of [...Object.keys(counts).sort(), 'TOTAL']) {
    const { precision, recall, f1 } = prf(
      field === 'TOTAL' ? total(counts) : (counts[field] ?? { tp: 0, fp: 0, fn: 0 }),
    );
    process.stdout.write(`${field.padEnd(26)}   ${precision.toFixed(3)} ${recall.toFixed(3)} ${f1.toFixed(3)}\n`);
  }
  process.exit(0);
}
const fitA = fitParams(halfA);
const fitB = fitParams(halfB);
const runs: [string, FieldCounts][] = [
  ['B|A', score(halfB, fitA)],
  ['A|B', score(halfA, fitB)],
  ['A', score(halfA, DEFAULT_PARAMS)],
  ['B', score(halfB, DEFAULT_PARAMS, verbose)],
  ['whole', score(docs, DEFAULT_PARAMS, verbose)],
];
if (verbose) score(halfA, DEFAULT_PARAMS, true);

const pct = (n: number) => n.toFixed(3);
const out = (s: string) => process.stdout.write(s);
out(`${docs.length} releases from ${corpus}: half A ${halfA.length}, half B ${halfB.length}\n`);
out('B|A = half B measured with the parameters fitted on half A (A|B the other way round): the honest numbers.\n');
out('A, B, whole = the shipped default parameters.\n\n');
const fields = [...new Set(runs.flatMap(([, c]) => Object.keys(c)))].sort();
out(`${'field'.padEnd(26)}${runs.map(([name]) => `${name.padStart(7)}  P     R     F1   `).join('')}\n`);
for (const field of [...fields, 'TOTAL']) {
  const cells = runs.map(([, c]) => {
    const { precision, recall, f1 } = prf(field === 'TOTAL' ? total(c) : (c[field] ?? { tp: 0, fp: 0, fn: 0 }));
    return `   ${pct(precision)} ${pct(recall)} ${pct(f1)}`;
  });
  out(`${field.padEnd(26)}${cells.join('')}\n`);
}
const changed = (p: ImportParams) =>
  (Object.keys(p) as (keyof ImportParams)[])
    .filter((k) => p[k] !== DEFAULT_PARAMS[k])
    .map((k) => `${k}=${p[k]}`)
    .join(', ') || 'the defaults';
out(`\nfitted on A: ${changed(fitA)}\nfitted on B: ${changed(fitB)}\n`);
out(
  `half A: ${halfA.map((d) => d.file.slice(0, 2)).join(' ')}\nhalf B: ${halfB.map((d) => d.file.slice(0, 2)).join(' ')}\n`,
);
out(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
if (args.includes('--split')) {
  for (const d of docs) out(`| ${d.file} | ${d.language} | ${d.kind} | ${d.half} |\n`);
}
