/** `puente import upr-info` and `puente import ohchr-list` as operators run them: real processes, real files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/processes.js';

const fixtures = new URL('./__fixtures__/', import.meta.url).pathname;

// Each case starts real processes; a busy 2-CPU machine needs room.
describe('puente import upr-info and ohchr-list', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-upr-cli-'));
  const env = { PUENTE_DATA_DIR: join(dir, 'data') };

  it('refuses what is not an export with one line and exit 1, before the database is opened', async () => {
    writeFileSync(join(dir, 'other.csv'), 'Name,Email\nAna,ana@example.org\n');
    writeFileSync(join(dir, 'list.docx'), 'not a zip');
    const untouched = { PUENTE_DATA_DIR: join(dir, 'never-opened') };
    const cases: [string[], RegExp][] = [
      [['import', 'upr-info', join(dir, 'other.csv')], /is not a UPR Info export: it has no column "To"/],
      [['import', 'upr-info', join(dir, 'missing.csv')], /no such file/],
      [['import', 'ohchr-list', join(dir, 'list.docx')], /is not a Word document/],
      [['import', 'upr-info', join(fixtures, 'upr-info-excerpt.csv'), '--encoding', 'latin9'], /unknown encoding/],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args, untouched)));
    results.forEach((result, k) => {
      const [args, message] = cases[k] as [string[], RegExp];
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(result.stderr).toMatch(/^puente: [^\n]+\n$/);
      expect(result.stderr).toMatch(message);
    });
  });

  it('dry run, commit, then nothing new; no progress bar when stderr is not a terminal', async () => {
    const csv = join(fixtures, 'upr-info-excerpt.csv');
    const dry = await runCli(['import', 'upr-info', csv], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run of upr-info-excerpt\.csv: nothing was written/);
    expect(dry.stdout).toContain('Read: Mac Roman, CR line endings.');
    expect(dry.stdout).toContain('new:       42');

    const commit = await runCli(['import', 'upr-info', csv, '--commit'], env);
    expect(commit.code).toBe(0);
    expect(commit.stdout).toMatch(/^Imported upr-info-excerpt\.csv: 42 new recommendations written/);
    expect(commit.stderr).not.toMatch(/Writing \[/);

    const again = await runCli(['import', 'upr-info', csv, '--commit'], env);
    expect(again.stdout).toContain('unchanged: 42 (already imported)');
    expect(again.stdout).toContain('Nothing new');

    const list = await runCli(
      ['import', 'ohchr-list', join(fixtures, 'UPR34_Slovenia_Thematic_list_excerpt.docx'), '--commit'],
      env,
    );
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Recommendations: 11 read (accepted 10, noted 1)');
    expect(list.stdout).toContain('upr-34-slovenia: Slovenia, session 34, cycle 3 (11 new, 0 unchanged)');
  });
});
