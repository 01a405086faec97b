/**
 * A hostile file against a real server (`node dist/main.js`, as `npm start` runs it): an editor
 * uploads a 1 MB DOCX that unpacks to 1 GiB at /en/workspace/import, three times, while /healthz is
 * asked every 20 ms and the server's resident memory is read from /proc every 20 ms. Reported: how
 * long each refusal took, the slowest /healthz answer meanwhile, and the memory before, at its peak
 * and after. Targets (issue 13): /healthz under 100 ms, memory within +100 MB of its level before.
 * Before the worker (issue 13): 37–51 s per upload, 0.77 → 2.75 GB, /healthz up to 7.8 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import { packageRoot } from '../src/platform/package-root.js';
import { docxBomb, multipartBody } from '../test/support/files.js';
import { startServer } from '../test/support/processes.js';
import { createUserWithPassword, PASSWORD } from '../test/support/visitors.js';

const UPLOADS = 3;
const SAMPLE_MS = 20;
const EMAIL = 'editor@example.org';

function residentMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error('no VmRSS: this benchmark needs Linux');
  return Number(kb) / 1024;
}

/** A browser's cookie jar, enough for sign-in and one form. */
class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  }

  async csrf(path: string): Promise<string> {
    const html = await (await this.fetch(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no _csrf on ${path}`);
    return token;
  }
}

export async function benchHostileUpload(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: packageRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const dir = mkdtempSync(join(tmpdir(), 'puente-hostile-'));
  const dataDir = join(dir, 'data');
  const handle = await openDb({ engine: 'pglite', dataDir });
  await runMigrations(handle);
  await createUserWithPassword(handle.db, { email: EMAIL, role: 'editor' });
  await handle.close();

  const server = await startServer({ PUENTE_DATA_DIR: dataDir, PUENTE_DEMO: 'off' });
  try {
    const browser = new Browser(server.baseUrl);
    const signIn = new URLSearchParams({ _csrf: await browser.csrf('/en/sign-in'), email: EMAIL, password: PASSWORD });
    const signedIn = await browser.fetch('/en/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: signIn.toString(),
    });
    if (signedIn.status !== 303) throw new Error(`sign-in answered ${signedIn.status}`);
    const bomb = await docxBomb(1024 ** 3);
    const before = residentMb(server.pid);
    console.log(
      `hostile upload: ${(bomb.length / 1024 / 1024).toFixed(2)} MB DOCX unpacking to 1 GiB, POST /en/workspace/import, ${UPLOADS}×, node dist/main.js`,
    );
    console.log(`  server RSS before: ${before.toFixed(0)} MB`);
    for (let n = 1; n <= UPLOADS; n++) {
      const { payload, contentType } = multipartBody(
        { _csrf: await browser.csrf('/en/workspace/import') },
        { field: 'file', filename: 'bomb.docx', contentType: 'application/octet-stream', bytes: bomb },
      );
      let peak = residentMb(server.pid);
      const health: number[] = [];
      let answered = false;
      const started = performance.now();
      const upload = browser
        .fetch('/en/workspace/import', {
          method: 'POST',
          headers: { 'content-type': contentType },
          body: new Uint8Array(payload),
        })
        .then(async (response) => ({ status: response.status, body: await response.text() }))
        .finally(() => {
          answered = true;
        });
      const probe = (async () => {
        while (!answered) {
          const t = performance.now();
          await (await fetch(`${server.baseUrl}/healthz`)).text();
          health.push(performance.now() - t);
          peak = Math.max(peak, residentMb(server.pid));
          await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
        }
      })();
      const result = await upload;
      const ms = performance.now() - started;
      await probe;
      const refused = result.status === 400 && result.body.includes('unpacks to more than 16 MB');
      health.sort((a, b) => a - b);
      const slowest = health.at(-1) ?? Number.NaN;
      const median = health[Math.floor(health.length / 2)] ?? Number.NaN;
      console.log(
        `  upload ${n}: ${result.status}${refused ? ' (refused: unpacks to more than 16 MB)' : ' UNEXPECTED ANSWER'} in ${ms.toFixed(0)} ms;` +
          ` /healthz ${health.length}× median ${median.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms;` +
          ` RSS peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB)`,
      );
    }
    const after = residentMb(server.pid);
    console.log(`  server RSS after: ${after.toFixed(0)} MB (+${(after - before).toFixed(0)} MB)`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
