/**
 * `puente users create-admin EMAIL` as operators run it: a real process, then the printed link in the app;
 * then `puente maintenance cleanup` on the same data.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/processes.js';
import { Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { openDb } from '../../platform/db/client.js';
import { createAdminWithLink } from './cli.js';

describe('[pglite] puente users create-admin', () => {
  // A CLI process and a PGlite start: past the default 30 s when the whole suite runs in parallel.
  it('prints one link that sets the password once; a second admin with the same email is refused', {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'puente-admin-'));
    const env = { PUENTE_DATA_DIR: dataDir, PUENTE_BASE_URL: 'https://puente.example.org/' };
    const created = await runCli(['users', 'create-admin', 'Admin@Example.org'], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const match = /^https:\/\/puente\.example\.org(\/en\/set-password\/[A-Za-z0-9_-]+)\n$/.exec(created.stdout);
    expect(match, created.stdout).not.toBeNull();
    const handle = await openDb({ engine: 'pglite', dataDir });
    try {
      // The same service the command runs; in-process, as one more process would only add time.
      await expect(createAdminWithLink(handle.db, 'admin@EXAMPLE.org', 'https://x', new Date())).rejects.toThrow(
        'admin@EXAMPLE.org already has an account.',
      );
      const app = await buildApp({ db: handle.db });
      const visitor = new Visitor(app);
      const path = match![1]!;
      expect((await visitor.post(path, { password: 'the first admin password' }, path)).statusCode).toBe(303);
      expect((await visitor.get(path)).statusCode).toBe(404);
      expect((await visitor.signIn('admin@example.org', 'the first admin password')).statusCode).toBe(303);
      expect((await visitor.get('/en/account')).body).toContain('coalition admin');
    } finally {
      await handle.close();
    }
    // The used invitation can never work again: `puente maintenance cleanup` deletes it, nothing else.
    const cleaned = await runCli(['maintenance', 'cleanup'], env);
    expect(cleaned.stderr).toBe('');
    expect(cleaned.stdout).toBe('Deleted 0 ended sessions, 1 used or expired links, 0 old rate-limit counters.\n');
  });
});
