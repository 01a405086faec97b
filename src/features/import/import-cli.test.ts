/** `puente import release` and `puente lint` as operators run them: real processes, real files. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxBomb, tinyDocx } from '../../../test/support/files.js';
import { run, runCli } from '../../../test/support/processes.js';
import { isImportedRelease } from '../release-text/index.js';

const fixtures = new URL('./__fixtures__/', import.meta.url).pathname;
const seed = new URL('../lint/__fixtures__/press-release-2021-06-03.md', import.meta.url).pathname;

// Each case starts real processes; a busy 2-CPU machine needs room.
describe('puente import release and puente lint', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-import-cli-'));
  const env = { PUENTE_DATA_DIR: join(dir, 'data') };

  beforeAll(async () => {
    expect((await runCli(['demo', 'load'], env)).code).toBe(0);
  });

  it('refuses bad files with one line and exit 1, before the database is opened', async () => {
    const file = (name: string, data: Buffer | string) => {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    };
    const zip = await new JSZip().file('notes.txt', 'not a Word document').generateAsync({ type: 'nodebuffer' });
    const cases: [string[], RegExp][] = [
      [['import', 'release', file('empty.md', '')], /"empty\.md" is empty/],
      [['import', 'release', file('garbage.md', Buffer.from([0x00, 0x9f, 0x92, 0x00, 0x01, 0x02]))], /not a text file/],
      [
        ['import', 'release', file('big.md', Buffer.alloc(20 * 1024 * 1024, 'a'))],
        /is 20\.0 MB; a release can be at most 2 MB/,
      ],
      [['import', 'release', file('other.docx', zip)], /not a Word document \(\.docx\)/],
      [['import', 'release', file('latin1.txt', Buffer.from('Difusi\xf3n inmediata', 'latin1'))], /not valid UTF-8/],
      [['import', 'release', join(dir, 'missing.md')], /no such file/],
      [['lint', join(dir, 'garbage.md')], /not a text file/],
      [['lint', join(dir, 'latin1.txt'), '--json'], /not valid UTF-8/],
    ];
    // A data dir nobody has opened: a refused file must not even create it.
    const untouched = { PUENTE_DATA_DIR: join(dir, 'never-opened') };
    const results = await Promise.all(cases.map(([args]) => runCli(args, untouched)));
    results.forEach((result, k) => {
      const [args, message] = cases[k] as [string[], RegExp];
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(result.stderr).toMatch(/^puente: [^\n]+\n$/);
      expect(result.stderr).toMatch(message);
    });
    expect(existsSync(untouched.PUENTE_DATA_DIR)).toBe(false);
  });

  it('refuses a DOCX that unpacks to 1 GiB (a ZIP bomb) with one line and exit 1, before the database is opened', async () => {
    const bomb = join(dir, 'bomb.docx');
    writeFileSync(bomb, await docxBomb(1024 ** 3));
    const untouched = { PUENTE_DATA_DIR: join(dir, 'never-opened-by-a-bomb') };
    const result = await runCli(['import', 'release', bomb], untouched);
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(
      /^puente: "bomb\.docx" unpacks to more than 16 MB, far more than any release: it is not imported\n$/,
    );
    expect(existsSync(untouched.PUENTE_DATA_DIR)).toBe(false);
  });

  it('the compiled CLI (dist/, as `puente` runs it) reads DOCX in its bundled worker: refuses the bomb, reads a real one', async () => {
    const build = await run(process.execPath, ['scripts/build.js', '--if-stale'], {});
    expect({ code: build.code, stderr: build.stderr }).toEqual({ code: 0, stderr: '' });
    const bomb = join(dir, 'bomb-built.docx');
    writeFileSync(bomb, await docxBomb(1024 ** 3));
    const refused = await run(process.execPath, ['dist/cli.js', 'import', 'release', bomb], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^puente: "bomb-built\.docx" unpacks to more than 16 MB/);
    const real = join(dir, 'real.docx');
    writeFileSync(real, await tinyDocx('Comunicado de prensa'));
    const read = await run(process.execPath, ['dist/cli.js', 'import', 'release', real, '--json'], env);
    // Read, not refused ("has no text"): its Spanish was recognized.
    expect({ code: read.code, language: JSON.parse(read.stdout).language }).toEqual({ code: 0, language: 'es' });
  });

  it('prints the JSON contract on a dry run, and commits a draft only with --commit', async () => {
    const dry = await runCli(['import', 'release', join(fixtures, 'difusion-es.md'), '--json'], env);
    expect(dry.code).toBe(0);
    const json = JSON.parse(dry.stdout);
    expect(isImportedRelease(json)).toBe(true);
    expect(json.committed).toBeNull();
    const committed = await runCli(['import', 'release', join(fixtures, 'difusion-es.md'), '--commit'], env);
    expect(committed.code).toBe(0);
    const slug = /as draft release "([^"]+)"/.exec(committed.stdout)?.[1];
    expect(slug).toBe('organizaciones-piden-al-congreso-proteger-a-las-personas');
    expect(committed.stdout).toContain('+ Red Solidaria de Mujeres (new: created)');
    const stored = await runCli(['lint', '--release', slug as string, '--json'], env);
    expect(JSON.parse(stored.stdout).map((f: { rule: string }) => f.rule)).toContain('missing-language');
  });

  it('lints the seed: JSON in the terminal language, exit 1 for its errors', async () => {
    const result = await runCli(['lint', seed, '--json'], { ...env, LANG: 'es_GT.UTF-8' });
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as { rule: string; message: string; line: number }[];
    const link = findings.find((f) => f.rule === 'placeholder-link');
    expect(link).toMatchObject({
      line: 19,
      message: 'El enlace «document» no lleva a ninguna parte: su dirección es «#».',
    });
    expect(Object.keys(findings[0] ?? {})).toEqual([
      'rule',
      'severity',
      'message',
      'line',
      'column',
      'block',
      'excerpt',
      'suggestion',
    ]);
  });
});
