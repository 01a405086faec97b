import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from './processes.js';
import { ensureSystemTools, MissingSystemTools, missingTools, systemTools } from './system-tools.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puente-tools-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An executable stand-in for a real tool, in `dir` (which the tests use as PATH). */
function fakeExecutable(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

function caught(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

describe('the system tools the tests need', () => {
  it('finds a command on PATH and misses one that is not there', () => {
    fakeExecutable('present-tool');
    const tools = [
      { package: 'present', neededBy: 'x', commands: ['present-tool'], installable: true },
      { package: 'absent', neededBy: 'y', commands: ['puente-no-such-command'], installable: true },
      { package: 'absent-file', neededBy: 'z', files: [join(dir, 'nothing-here')], installable: true },
    ];
    expect(missingTools(tools, dir).map((tool) => tool.package)).toEqual(['absent', 'absent-file']);
  });

  it('stops with one line naming the exact package to install when it may not install it', () => {
    fakeExecutable('pdftotext');
    fakeExecutable('pdfinfo');
    fakeExecutable('localc');
    const env = { PATH: dir, CHROMIUM_PATH: fakeExecutable('chromium') };
    const error = caught(() => ensureSystemTools({ env, canInstall: false }));
    expect(error).toBeInstanceOf(MissingSystemTools);
    expect((error as Error).message).toBe(
      'The tests need libreoffice-writer (DOCX checks), which this machine lacks: sudo apt-get install libreoffice-writer.',
    );
  });

  it('names every missing package in the one command', () => {
    const env = { PATH: dir };
    const missing = missingTools(systemTools(env), env.PATH).map((tool) => tool.package);
    // /usr/bin/chromium may or may not be on this machine; poppler and LibreOffice are not on this PATH.
    expect(missing).toEqual(expect.arrayContaining(['poppler-utils', 'libreoffice-writer', 'libreoffice-calc']));
    const message = (caught(() => ensureSystemTools({ env, canInstall: false })) as Error).message;
    expect(message).toContain(`sudo apt-get install ${missing.join(' ')}.`);
    expect(message).not.toContain('\n');
  });

  it('installs the missing packages itself when it may, saying what and why in one line', () => {
    fakeExecutable('pdftotext');
    fakeExecutable('pdfinfo');
    fakeExecutable('localc');
    const env = { PATH: dir, CHROMIUM_PATH: fakeExecutable('chromium') };
    const logged: string[] = [];
    const installed: string[][] = [];
    ensureSystemTools({
      env,
      canInstall: true,
      install: (packages) => {
        installed.push(packages);
        fakeExecutable('soffice');
        return true;
      },
      log: (line) => logged.push(line),
    });
    expect(installed).toEqual([['libreoffice-writer']]);
    expect(logged).toEqual([
      'Installing libreoffice-writer (apt-get install -y --no-install-recommends), which the DOCX checks need and this machine lacks.',
    ]);
  });

  it('stops when installing did not bring the tool', () => {
    fakeExecutable('pdftotext');
    fakeExecutable('pdfinfo');
    fakeExecutable('localc');
    const env = { PATH: dir, CHROMIUM_PATH: fakeExecutable('chromium') };
    const error = caught(() => ensureSystemTools({ env, canInstall: true, install: () => false, log: () => {} }));
    expect((error as Error).message).toMatch(/sudo apt-get install libreoffice-writer\.$/);
  });

  it('does not install Chromium when CHROMIUM_PATH names a file that is not there: it says to fix CHROMIUM_PATH', () => {
    fakeExecutable('pdftotext');
    fakeExecutable('pdfinfo');
    fakeExecutable('localc');
    fakeExecutable('soffice');
    const env = { PATH: dir, CHROMIUM_PATH: join(dir, 'no-chromium') };
    const installed: string[][] = [];
    const error = caught(() =>
      ensureSystemTools({ env, canInstall: true, install: (packages) => installed.push(packages) > 0 }),
    );
    expect(installed).toEqual([]);
    expect((error as Error).message).toBe(
      `The tests need chromium (browser tests), which this machine lacks: point CHROMIUM_PATH at a Chromium binary (it is ${env.CHROMIUM_PATH}, which is not an executable file).`,
    );
  });

  it('the global setup stops a real vitest run before any test, with that one line', async () => {
    const chromiumPath = join(dir, 'no-chromium');
    const result = await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'src/app/config.test.ts'], {
      CHROMIUM_PATH: chromiumPath,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `The tests need chromium (browser tests), which this machine lacks: point CHROMIUM_PATH at a Chromium binary (it is ${chromiumPath}, which is not an executable file).`,
    );
    // Before the PGlite snapshot and before any test file.
    expect(result.stdout).not.toContain('Database engines under test');
    expect(result.stdout).not.toContain('config.test.ts');
  });
});
