/**
 * The read replica option (DATABASE_REPLICA_URL, platform/db/read-replica.ts) with two PostgreSQL
 * databases standing for the primary and a replica: a copy of the primary, made read-only as a hot
 * standby is, and told apart by one website that differs. Public pages read the replica only while its
 * content version has caught up with the primary's; a write is on the next request all the same; signed-in
 * pages and every write stay on the primary.
 */
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase } from '../../test/support/db.js';
import { createUserWithPassword, signedIn } from '../../test/support/visitors.js';
import { loadDemo } from '../features/demo/index.js';
import { type DbHandle, openDb, withDefaultUser } from '../platform/db/client.js';
import { readContentVersion } from '../platform/db/content-version.js';
import { runMigrations } from '../platform/db/migrate.js';
import * as t from '../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';
import { buildApp } from './app.js';

const ORGANIZATION = 'cejil';
const PAGE = `/en/organizations/${ORGANIZATION}`;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDefaultUser(process.env.TEST_DATABASE_URL!) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.runIf(process.env.TEST_DATABASE_URL)('[postgres] read replica for public pages', () => {
  let primary: DbHandle;
  let replica: DbHandle;
  let dropPrimary: () => Promise<void>;
  const replicaName = `puente_test_replica_${process.pid}`;
  let app: FastifyTypeBox;

  const website = async (db: DbHandle['db']) =>
    (await db.select().from(t.organizations).where(eq(t.organizations.slug, ORGANIZATION)))[0]!.website;

  beforeAll(async () => {
    const made = await createEmptyPostgresDatabase();
    dropPrimary = made.drop;
    primary = await openDb({ engine: 'postgres', url: made.url });
    await runMigrations(primary);
    await loadDemo(primary.db);
    await createUserWithPassword(primary.db, { email: 'editor@example.org', role: 'editor' });
    await primary.close();
    // The replica: a copy, then one difference (so a page shows where it was read), its content version
    // set back to the primary's (it has "replayed" every public write), then read-only like a hot standby.
    await admin(`create database ${replicaName} template ${new URL(made.url).pathname.slice(1)}`);
    const replicaUrl = new URL(made.url);
    replicaUrl.pathname = `/${replicaName}`;
    primary = await openDb({ engine: 'postgres', url: made.url });
    replica = await openDb({ engine: 'postgres', url: replicaUrl.toString() });
    const { version } = await readContentVersion(primary.db);
    await replica.db
      .update(t.organizations)
      .set({ website: 'https://as-on-the-replica.example.org' })
      .where(eq(t.organizations.slug, ORGANIZATION));
    await replica.db.execute(sql`update content_version set version = ${version} where id = 1`);
    await admin(`alter database ${replicaName} set default_transaction_read_only = on`);
    await replica.close();
    replica = await openDb({ engine: 'postgres', url: replicaUrl.toString() });
    app = await buildApp({ db: primary.db, replicaDb: replica.db });
    await app.ready();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await replica?.close();
    await primary?.close();
    await admin(`drop database if exists ${replicaName} with (force)`);
    await dropPrimary?.();
  }, 60_000);

  it('reads a public page from a replica that has caught up, and from the primary once it lags', async () => {
    expect(await website(primary.db)).not.toContain('as-on-the-replica');
    const before = app.renderCache.stats().fromReplica;
    const fromReplica = await app.inject({ method: 'GET', url: PAGE });
    expect(fromReplica.statusCode).toBe(200);
    expect(fromReplica.body).toContain('as-on-the-replica.example.org');
    expect(app.renderCache.stats().fromReplica).toBe(before + 1);

    // A write on the primary: the replica has not replayed it, so the next request reads the primary.
    await primary.db
      .update(t.organizations)
      .set({ website: 'https://written-on-the-primary.example.org' })
      .where(eq(t.organizations.slug, ORGANIZATION));
    const next = await app.inject({ method: 'GET', url: PAGE });
    expect(next.body).toContain('written-on-the-primary.example.org');
    expect(next.body).not.toContain('as-on-the-replica');
    expect(app.renderCache.stats().fromReplica).toBe(before + 1);
  });

  it('keeps signed-in pages and writes on the primary, even while the replica has caught up', async () => {
    await replica.close();
    await admin(`alter database ${replicaName} set default_transaction_read_only = off`);
    replica = await openDb({ engine: 'postgres', url: (await replicaUrlOf(replicaName)).toString() });
    const { version } = await readContentVersion(primary.db);
    await replica.db.execute(sql`update content_version set version = ${version} where id = 1`);
    await admin(`alter database ${replicaName} set default_transaction_read_only = on`);
    await replica.close();
    replica = await openDb({ engine: 'postgres', url: (await replicaUrlOf(replicaName)).toString() });
    await app.close();
    app = await buildApp({ db: primary.db, replicaDb: replica.db });
    await app.ready();

    expect((await app.inject({ method: 'GET', url: PAGE })).body).toContain('as-on-the-replica.example.org');
    const editor = await signedIn(app, 'editor@example.org');
    const edit = await editor.get(`/en/workspace/organizations/${ORGANIZATION}`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('written-on-the-primary.example.org');
    // A public download writes its kept copy (release_downloads): to the primary, as the replica refuses writes.
    const download = await app.inject({ method: 'GET', url: '/en/releases/guatemala-vp-visit-2021/release.md' });
    expect(download.statusCode).toBe(200);
  });
});

async function replicaUrlOf(name: string): Promise<URL> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url;
}
