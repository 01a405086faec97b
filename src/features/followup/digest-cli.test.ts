/**
 * `puente followup digest` as a scheduler runs it: a real process, mailing through a real SMTP
 * server (the smtp-server package on a local port), like the accounts link tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/processes.js';
import { bodyOf, captureSmtp } from '../../../test/support/smtp.js';
import { createUserWithPassword } from '../../../test/support/visitors.js';
import { openDb } from '../../platform/db/client.js';
import { runMigrations } from '../../platform/db/migrate.js';
import { loadDemo } from '../demo/index.js';
import { buildDigest } from './digest.js';

describe('[pglite] puente followup digest', () => {
  const { received, listen, close } = captureSmtp();
  let port = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'puente-digest-'));
  let expected = { subject: '', staleCount: 0, overdueCount: 0 };

  beforeAll(async () => {
    port = await listen();
    const handle = await openDb({ engine: 'pglite', dataDir });
    try {
      await runMigrations(handle);
      await loadDemo(handle.db);
      await createUserWithPassword(handle.db, { email: 'editor@example.org', role: 'editor' });
      await createUserWithPassword(handle.db, { email: 'admin@example.org', role: 'admin' });
      await createUserWithPassword(handle.db, { email: 'member@example.org', role: 'member', organizationId: 1 });
      expected = await buildDigest(handle.db, new Date(), 6, 'https://puente.test');
    } finally {
      await handle.close();
    }
  }, 120_000);
  afterAll(async () => {
    await close();
  });

  it('mails every editor and admin (not members) the reminders, in both languages, with links', {
    timeout: 120_000,
  }, async () => {
    const env = {
      PUENTE_DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      PUENTE_BASE_URL: 'https://puente.test',
    };
    const result = await runCli(['followup', 'digest'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Follow-up digest (${expected.staleCount} without update, ${expected.overdueCount} overdue) sent to 2 editors.\n`,
    );
    expect(received.flatMap((m) => m.to).sort()).toEqual(['admin@example.org', 'editor@example.org']);
    expect(expected.staleCount).toBeGreaterThan(0);
    expect(expected.overdueCount).toBeGreaterThan(0);
    const body = bodyOf(received[0]!.raw);
    expect(body).toContain('https://puente.test/en/workspace/followup/recommendations/');
    expect(body).toContain('https://puente.test/es/workspace/followup');
    expect(body).toContain(
      'Example data, not a real record: publish a register of licensed labor recruiting agencies.',
    );
    expect(received[0]!.raw).toMatch(/^Subject: /m);
  });

  it('fails with one line when SMTP_URL is not set', { timeout: 120_000 }, async () => {
    const result = await runCli(['followup', 'digest'], { PUENTE_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('puente: SMTP_URL is not set: the digest goes out by email (smtp://…).\n');
  });
});
