/**
 * `puente users create-admin EMAIL` and `puente users invite EMAIL --role ROLE` as operators run them: a
 * real process, then the printed link in the app; then `puente maintenance cleanup` on the same data.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { runCli } from '../../../test/support/processes.js';
import { Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { listAudit } from '../../platform/audit.js';
import { openDb } from '../../platform/db/client.js';
import { users } from '../../platform/db/schema/index.js';
import { StartupError } from '../../platform/errors.js';
import { loadDemo } from '../demo/index.js';
import { createAdminWithLink, inviteWithLink } from './cli.js';
import { TOKEN_TTL_MS } from './service.js';

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

describe('[pglite] puente users invite', () => {
  it('prints the link and its expiry; the link sets the password; a wrong role is refused before the database opens', {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'puente-invite-'));
    const env = { PUENTE_DATA_DIR: dataDir, PUENTE_BASE_URL: 'https://puente.example.org/' };
    const before = Date.now();
    const invited = await runCli(['users', 'invite', 'Editor@Example.org', '--role', 'editor'], env);
    expect(invited.stderr).toBe('');
    expect(invited.code).toBe(0);
    const match =
      /^https:\/\/puente\.example\.org(\/en\/set-password\/[A-Za-z0-9_-]+)\nThe link works once, until (\d{4}-\d\d-\d\d \d\d:\d\d) UTC\.\n$/.exec(
        invited.stdout,
      );
    expect(match, invited.stdout).not.toBeNull();
    // 72 hours from when it ran, to the minute.
    const expires = new Date(`${match![2]!.replace(' ', 'T')}:00Z`).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + TOKEN_TTL_MS.invitation - 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + TOKEN_TTL_MS.invitation);

    const wrongRole = await runCli(['users', 'invite', 'x@example.org', '--role', 'boss'], env);
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stdout).toBe('');
    expect(wrongRole.stderr).toBe('puente: unknown role "boss": use one of member, editor, admin\n');

    const handle = await openDb({ engine: 'pglite', dataDir });
    try {
      const [user] = await handle.db.select().from(users).where(eq(users.email, 'Editor@Example.org'));
      const trail = await listAudit(handle.db, 'user', user!.id);
      expect(trail.map((e) => [e.action, e.actorLabel])).toEqual([
        ['create', 'puente users invite'],
        ['invite', 'puente users invite'],
      ]);
      const app = await buildApp({ db: handle.db });
      const visitor = new Visitor(app);
      const path = match![1]!;
      expect((await visitor.post(path, { password: 'invited from the shell' }, path)).statusCode).toBe(303);
      expect((await visitor.signIn('editor@example.org', 'invited from the shell')).statusCode).toBe(303);
      expect((await visitor.get('/en/account')).body).toContain('editor');
    } finally {
      await handle.close();
    }
  });
});

describeEachEngine('inviteWithLink, as `puente users invite` runs it', (ctx) => {
  const now = new Date('2026-11-27T12:00:00Z');
  beforeAll(async () => {
    await loadDemo(ctx.db);
  });

  it('makes a member of an organization with a link valid for 72 hours', async () => {
    const link = await inviteWithLink(
      ctx.db,
      { email: 'ana@cejil.org', role: 'member', organization: 'cejil' },
      'https://x.example',
      now,
    );
    expect(link.url).toMatch(/^https:\/\/x\.example\/en\/set-password\/[A-Za-z0-9_-]+$/);
    expect(link.expiresAt.toISOString()).toBe('2026-11-30T12:00:00.000Z');
    const [user] = await ctx.db.select().from(users).where(eq(users.email, 'ana@cejil.org'));
    expect(user).toMatchObject({ role: 'member', passwordHash: null });
    expect(user!.organizationId).not.toBeNull();
  });

  const refusals: [string, { email: string; role: string; organization?: string }, string][] = [
    ['an existing account', { email: 'ANA@cejil.org', role: 'editor' }, 'ANA@cejil.org already has an account.'],
    ['not an email', { email: 'ana at cejil', role: 'editor' }, 'ana at cejil is not an email address.'],
    [
      'an unknown role',
      { email: 'b@example.org', role: 'owner' },
      'unknown role "owner": use one of member, editor, admin',
    ],
    ['a member without organization', { email: 'b@example.org', role: 'member' }, 'add --organization SLUG'],
    [
      'an editor with an organization',
      { email: 'b@example.org', role: 'editor', organization: 'cejil' },
      'leave out --organization',
    ],
    [
      'an unknown organization',
      { email: 'b@example.org', role: 'member', organization: 'nope' },
      'no organization "nope"',
    ],
  ];
  for (const [what, input, message] of refusals) {
    it(`refuses ${what} with one clear line, and creates nothing`, async () => {
      const error = await inviteWithLink(ctx.db, input, 'https://x.example', now).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toContain(message);
      expect(await ctx.db.select().from(users).where(eq(users.email, 'b@example.org'))).toEqual([]);
    });
  }
});
