/**
 * npm run eval:import [-- --corpus DIR] [-- --verbose]
 * Runs the importer over every `*.md` in the corpus that has a `*.expected.json` beside it and prints
 * precision, recall and F1 per field and in total (micro-averaged over all fields). See
 * src/features/import/score.ts for what counts as a hit.
 */
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
import { extractRelease } from '../src/features/release-text/index.js';

const args = process.argv.slice(2);
const corpusAt = args.indexOf('--corpus');
const corpus = corpusAt >= 0 ? (args[corpusAt + 1] ?? '') : '/work/shared/corpus/press-releases';
const verbose = args.includes('--verbose');

if (!existsSync(corpus)) {
  process.stderr.write(`eval:import: no corpus at ${corpus} (use --corpus DIR)\n`);
  process.exit(1);
}

const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.md') && existsSync(join(corpus, f.replace(/\.md$/, '.expected.json'))))
  .sort();
const counts: FieldCounts = {};
for (const file of files) {
  const text = await readSource(readFileSync(join(corpus, file)), file);
  const want = JSON.parse(readFileSync(join(corpus, file.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected;
  const mine = scoreRelease(extractRelease(text).release, want);
  for (const [field, c] of Object.entries(mine)) add(counts, field, c);
  if (verbose) {
    const misses = Object.entries(mine).filter(([, c]) => c.fp + c.fn > 0);
    process.stdout.write(
      `${file}: ${misses.map(([f, c]) => `${f} fp=${c.fp} fn=${c.fn}`).join(', ') || 'all correct'}\n`,
    );
  }
}

const pct = (n: number) => n.toFixed(3);
const rows = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
process.stdout.write(`${files.length} releases from ${corpus}\n\n`);
process.stdout.write(
  `${'field'.padEnd(26)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}  precision  recall     F1\n`,
);
for (const [field, c] of [...rows, ['TOTAL', total(counts)] as const]) {
  const { precision, recall, f1 } = prf(c);
  process.stdout.write(
    `${field.padEnd(26)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}  ${pct(precision).padStart(9)} ${pct(recall).padStart(7)} ${pct(f1).padStart(6)}\n`,
  );
}
