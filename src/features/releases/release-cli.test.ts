/** `puente release render` as operators run it: real process, real data directory. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoRelease } from '../../../demo/release-2021-06-03.js';
import { run, runCli } from '../../../test/support/processes.js';

describe('puente release render', () => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-release-cli-'));
  const env = { PUENTE_DATA_DIR: join(dir, 'data') };
  const render = (...args: string[]) => runCli(['release', 'render', ...args], env);

  beforeAll(async () => {
    expect((await runCli(['demo', 'load'], env)).code).toBe(0);
  });

  it('writes the file and reports each gap on stderr', async () => {
    const out = join(dir, 'release.md');
    const result = await render(demoRelease.slug, '--format', 'md', '--lang', 'es', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'gap: Plataforma de Migración y Desarrollo no tiene texto de presentación en español.\n',
    );
    expect(readFileSync(out, 'utf8')).toContain(demoRelease.headline.es);
  });

  // LibreOffice's first start with a new profile takes most of this; on a loaded machine, well past 30 s.
  it('writes a DOCX that LibreOffice opens and converts without complaint', { timeout: 120_000 }, async () => {
    const docx = join(dir, 'release.docx');
    expect((await render(demoRelease.slug, '--format', 'docx', '--lang', 'es', '--out', docx)).code).toBe(0);
    // A profile of its own, so a LibreOffice the developer has open does not take the job.
    const profile = `file://${join(dir, 'lo-profile')}`;
    const converted = await run(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
      {},
    );
    expect(converted.code, converted.stderr).toBe(0);
    const text = await run('pdftotext', [join(dir, 'release.pdf'), '-'], {});
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(demoRelease.headline.es);
  });

  it('prints to stdout without --out', async () => {
    const result = await render(demoRelease.slug, '--format', 'txt', '--lang', 'en');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^FOR IMMEDIATE RELEASE\n/);
  });

  for (const [args, message] of [
    [['no-such-release', '--format', 'md', '--lang', 'en'], /^puente: no release "no-such-release"/],
    [[demoRelease.slug, '--format', 'xls', '--lang', 'en'], /^puente: unknown format "xls": use one of html, md/],
    [[demoRelease.slug, '--format', 'pdf', '--lang', 'fr'], /^puente: unknown language "fr": use one of en, es/],
    [[demoRelease.slug, '--lang', 'en'], /^puente: required option '--format <format>' not specified/],
  ] as const) {
    it(`fails with one line and exit code 1: ${args.join(' ')}`, async () => {
      const result = await render(...args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    });
  }
});
