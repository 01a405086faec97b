/**
 * npm run lint:corpus [-- --corpus DIR]
 * Lints every corpus document (`NN-*.md` with an `*.expected.json` beside it) with no registry and a fixed
 * `now`, and prints one line per finding: document, rule, severity, line, the English message and the text
 * it points at. The output depends only on the corpus and the linter, so the reviewed table in
 * docs/lint-corpus-review.md can be regenerated and compared line by line after a linter change.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource } from '../src/features/import/index.js';
import { lintText } from '../src/features/lint/index.js';

const args = process.argv.slice(2);
const corpusAt = args.indexOf('--corpus');
const corpus = corpusAt >= 0 ? (args[corpusAt + 1] ?? '') : '/work/shared/corpus/press-releases';
// Fixed, so "embargo-past" and other date rules give the same answer every day the table is regenerated.
const now = new Date('2026-12-03T12:00:00Z');

if (!existsSync(corpus)) {
  process.stderr.write(`lint:corpus: no corpus at ${corpus} (use --corpus DIR)\n`);
  process.exit(1);
}

const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.md') && existsSync(join(corpus, f.replace(/\.md$/, '.expected.json'))))
  .sort();
const perRule = new Map<string, number>();
let total = 0;
let withFindings = 0;
for (const file of files) {
  const text = await readSource(readFileSync(join(corpus, file)), file);
  const findings = lintText(text, { now });
  if (findings.length > 0) withFindings++;
  const doc = file.slice(0, 2);
  for (const f of findings) {
    total++;
    perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
    const excerpt = f.excerpt.replace(/\s+/g, ' ').slice(0, 70);
    process.stdout.write(`${doc}\t${f.rule}\t${f.severity}\t${f.line}\t${f.message.en}\t«${excerpt}»\n`);
  }
}
process.stdout.write(`\n${total} findings on ${withFindings} of ${files.length} documents\n`);
for (const [rule, n] of [...perRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
  process.stdout.write(`${rule}\t${n}\n`);
