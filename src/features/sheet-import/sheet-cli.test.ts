/**
 * `puente import recommendations` as operators run it: a real process on a real file. A dry run prints
 * what it read and would create and writes nothing; `--commit` writes; the same file again adds nothing;
 * a bad row exits 1 with its row, column and fix; a file that is not a spreadsheet is refused before the
 * database is opened. No progress bar: stderr is not a terminal here.
 * PostgreSQL: the same pass is covered on both engines by sheet-import.test.ts; this file tests the command.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/processes.js';
import { HEADERS } from '../exports/index.js';

const row = (r: Record<string, string>) => ({
  ...Object.fromEntries(HEADERS.map((h) => [h, ''])),
  statement_slug: 'cli-import-2024',
  statement_date: '2024-03-01',
  statement_state: 'published',
  statement_title_en: 'Imported from the command line',
  recommendation_slug: 'r1',
  recommendation_number: '1',
  recommendation_text_en: 'Ratify the Escazú Agreement.',
  addressees: 'Government of Guatemala',
  entry_type: 'response',
  entry_date: '2024-06-01',
  entry_publication: 'published',
  entry_value: 'accepted',
  entry_addressee: 'guatemala-government',
  ...r,
});

describe('puente import recommendations', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-sheet-cli-'));
  const env = { PUENTE_DATA_DIR: join(dir, 'data'), LANG: 'en_US.UTF-8' };
  const file = (name: string, rows: Record<string, string>[]) => {
    writeFileSync(join(dir, name), stringify(rows.map(row), { header: true, columns: [...HEADERS], bom: true }));
    return join(dir, name);
  };

  beforeAll(async () => {
    expect((await runCli(['demo', 'load'], env)).code).toBe(0);
  });

  it('dry run, commit, and the same file again adding nothing', async () => {
    const good = file('good.csv', [
      {},
      { recommendation_slug: 'r2', recommendation_number: '2', entry_value: 'noted' },
    ]);
    const dry = await runCli(['import', 'recommendations', good], env);
    expect({ code: dry.code, stderr: dry.stderr }).toEqual({ code: 0, stderr: '' });
    expect(dry.stdout).toContain('good.csv: The file is ready to import. Nothing has been written yet. (--commit)');
    expect(dry.stdout).toMatch(/Recommendations\s+new 2, already in puente 0/);
    expect(dry.stdout).toContain('Responses by position: accepted 1, noted 1');
    expect(dry.stdout).toContain('= Government of Guatemala → guatemala-government (Same name)');

    const commit = await runCli(['import', 'recommendations', good, '--commit'], env);
    expect(commit.code).toBe(0);
    expect(commit.stdout).toContain('good.csv: Imported. Every row was written.');

    const again = await runCli(['import', 'recommendations', good, '--commit'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing new: everything in this file is already in Puente.');
    expect(again.stdout).toMatch(/Recommendations\s+new 0, already in puente 2/);
  });

  it('exits 1 with each bad row, and refuses a file that is not a spreadsheet before opening the database', async () => {
    const bad = file('bad.csv', [{ statement_slug: 'other-2024', entry_value: 'yes' }]);
    const result = await runCli(['import', 'recommendations', bad, '--commit'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'row 2, entry_value: "yes" is not a response position. Use accepted, partially_accepted, noted, rejected or no_response.',
    );
    const untouched = { PUENTE_DATA_DIR: join(dir, 'never-opened') };
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const refused = await runCli(['import', 'recommendations', join(dir, 'notes.txt')], untouched);
    expect({ code: refused.code, stdout: refused.stdout }).toEqual({ code: 1, stdout: '' });
    expect(refused.stderr).toBe('puente: "notes.txt" is not a .csv or .xlsx file\n');
    expect(existsSync(untouched.PUENTE_DATA_DIR)).toBe(false);
  });
});
