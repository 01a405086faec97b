/**
 * The product as operators meet it: real processes, real data directories, real failures.
 * Each case asserts one clear line on stderr and a non-zero exit, never a stack trace.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { demoCoalition } from '../../demo/coalition.js';
import { run, runCli, startServer } from '../../test/support/processes.js';

const freshDataDir = () => join(mkdtempSync(join(tmpdir(), 'puente-cli-')), 'data');

function expectOneLineError(result: { code: number | null; stderr: string; stdout: string }, message: RegExp) {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^puente: /);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('puente on the embedded database', () => {
  const dataDir = freshDataDir();

  it('loads the demo once, prints only its result on stdout, and adds nothing the second time', async () => {
    const first = await run('npm', ['run', '-s', 'puente', '--', 'demo', 'load'], { PUENTE_DATA_DIR: dataDir });
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(
      'Demo coalition loaded: 10 organizations, 4 people, 5 themes, 3 addressees, 1 statements, 1 releases, 11 follow-up entries.\n',
    );
    expect(first.code).toBe(0);
    const second = await runCli(['demo', 'load'], { PUENTE_DATA_DIR: dataDir });
    expect(second.stdout).toBe('Demo coalition already present: nothing added.\n');
  });

  // A server and two CLI processes: on a 2-CPU machine with the whole suite running, 30 s is too tight.
  it('serves the kept data after a restart, and turns away a second process naming the first', {
    timeout: 90_000,
  }, async () => {
    const server = await startServer({ PUENTE_DATA_DIR: dataDir }, { dev: true });
    try {
      expect(server.logs()).not.toContain('loaded the demo coalition');
      const page = await fetch(`${server.baseUrl}/es/statements/${demoCoalition.statements[0]!.slug}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(demoCoalition.statements[0]!.title.es);

      const second = await runCli(['demo', 'load'], { PUENTE_DATA_DIR: dataDir });
      expectOneLineError(second, new RegExp(`is in use by process ${server.pid} \\(puente serve`));
    } finally {
      const stopped = await server.stop();
      expect(stopped.code).toBe(0);
    }
    // The lock went with the server.
    const after = await runCli(['db', 'migrate'], { PUENTE_DATA_DIR: dataDir });
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/is up to date/);
  });

  it('runs compiled, as npm start does: a new data dir gets the template, migrations, demo, stylesheet and cookies', {
    timeout: 90_000,
  }, async () => {
    const build = await run(process.execPath, ['scripts/build.js', '--if-stale'], {});
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const server = await startServer({ PUENTE_DATA_DIR: freshDataDir() });
    try {
      expect(server.logs()).toContain('empty database: loaded the demo coalition');
      const page = await fetch(`${server.baseUrl}/en/`);
      expect(page.status).toBe(200);
      const stylesheet = /href="(\/assets\/style\.[0-9a-f]+\.css)"/.exec(await page.text())?.[1];
      expect(stylesheet).toBeDefined();
      expect((await fetch(`${server.baseUrl}${stylesheet}`)).status).toBe(200);
      // A page that sets a cookie (the sign-in form's CSRF token), through the bundled cookie plugin.
      const signIn = await fetch(`${server.baseUrl}/en/sign-in`);
      expect(signIn.status).toBe(200);
      expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    } finally {
      const stopped = await server.stop();
      expect(stopped.code).toBe(0);
    }
  });

  it('logs one readable line per event when stdout is a terminal, from the compiled bundle too', {
    timeout: 90_000,
  }, async () => {
    const build = await run(process.execPath, ['scripts/build.js', '--if-stale'], {});
    expect(build.code).toBe(0);
    // Not NODE_ENV=test (which asks for JSON): a person at a terminal.
    const server = await startServer(
      { PUENTE_DATA_DIR: freshDataDir(), PUENTE_DEMO: 'off', NODE_ENV: 'development' },
      { terminal: true },
    );
    try {
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    const lines = server.logs().split(/\r?\n/);
    // e.g. "[06:01:02.345] INFO: Server listening at http://127.0.0.1:41234", in colour.
    expect(lines.map((line) => stripVTControlCharacters(line))).toContainEqual(
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Server listening at http:\/\/127\.0\.0\.1:\d+$/),
    );
    expect(lines.some((line) => line.trimStart().startsWith('{'))).toBe(false);
  });

  it('says the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        PUENTE_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      expectOneLineError(result, new RegExp(`Port ${port} on 127.0.0.1 is already in use: .*PORT=`));
    } finally {
      blocker.close();
    }
  });
});

describe('puente with bad configuration', () => {
  it('rejects an unknown LOG_LEVEL', async () => {
    expectOneLineError(await runCli(['serve'], { LOG_LEVEL: 'loud' }), /LOG_LEVEL=loud is not a log level: use one of/);
  });

  it('explains an unreachable DATABASE_URL', async () => {
    const result = await runCli(['serve'], { DATABASE_URL: 'postgres://puente:secret@127.0.0.1:1/puente' });
    expectOneLineError(
      result,
      /Cannot connect to PostgreSQL at postgres:\/\/puente:\*\*\*@127\.0\.0\.1:1\/puente \(ECONNREFUSED/,
    );
    expect(result.stderr).not.toContain('secret');
  });

  it('explains a data directory it cannot write', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'puente-cli-')), 'not-a-dir');
    writeFileSync(file, '');
    expectOneLineError(await runCli(['serve'], { PUENTE_DATA_DIR: join(file, 'data') }), /cannot be used \(ENOTDIR\)/);
  });

  it('refuses to export the static copy over a folder of other files, before opening the database', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'puente-cli-'));
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    expectOneLineError(
      await runCli(['export', 'static', folder], { PUENTE_DATA_DIR: freshDataDir() }),
      /is not empty and is not a copy written by puente export static/,
    );
  });

  it('rejects unknown commands with a pointer to --help', async () => {
    expectOneLineError(
      await runCli(['frobnicate'], {}),
      /unknown command 'frobnicate' \(run puente --help for usage\)/,
    );
  });

  it('prints the stack trace when LOG_LEVEL=debug asks for it', async () => {
    const result = await runCli(['serve'], { LOG_LEVEL: 'debug', DATABASE_URL: 'postgres://127.0.0.1:1/x' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('[postgres] puente on a PostgreSQL server', () => {
  it('migrates, loads the demo into an empty database and serves the same pages', async () => {
    const { createEmptyPostgresDatabase } = await import('../../test/support/db.js');
    const database = await createEmptyPostgresDatabase();
    const server = await startServer({ DATABASE_URL: database.url });
    try {
      expect(server.logs()).toContain('empty database: loaded the demo coalition');
      const page = await fetch(`${server.baseUrl}/en/statements/${demoCoalition.statements[0]!.slug}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      for (const r of demoCoalition.statements[0]!.recommendations) expect(html).toContain(r.text.en);
    } finally {
      expect((await server.stop()).code).toBe(0);
      await database.drop();
    }
  });
});
