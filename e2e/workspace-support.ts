/**
 * Plumbing for the editorial journeys: an EMPTY instance whose first admin was made by the real CLI,
 * served with an injected clock (the design checks for each page are in page-checks.ts).
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app/app.js';
import { type DbHandle, type Engine, openDb } from '../src/platform/db/client.js';
import { createEmptyPostgresDatabase } from '../test/support/db.js';
import { runCli } from '../test/support/processes.js';

export interface EmptyInstance {
  baseUrl: string;
  db: DbHandle['db'];
  /** The path of the one-time link `puente users create-admin` printed. */
  adminLinkPath: string;
  /** Moves the app's clock forward (it otherwise runs with real time). */
  advance(ms: number): void;
  now(): Date;
  close(): Promise<void>;
}

/** `puente users create-admin` on a fresh database (a real process), then the app on that database. */
export async function startEmptyInstance(engine: Engine, adminEmail: string): Promise<EmptyInstance> {
  const baseUrl = 'https://puente.example.org';
  let target: Parameters<typeof openDb>[0];
  let env: Record<string, string>;
  let drop = async () => {};
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'puente-journey-'));
    env = { PUENTE_DATA_DIR: dataDir, PUENTE_BASE_URL: baseUrl };
    target = { engine: 'pglite', dataDir };
  } else {
    const database = await createEmptyPostgresDatabase();
    env = { DATABASE_URL: database.url, PUENTE_BASE_URL: baseUrl };
    target = { engine: 'postgres', url: database.url, maxConnections: 4 };
    drop = database.drop;
  }
  const created = await runCli(['users', 'create-admin', adminEmail], env);
  const link = /^https:\/\/puente\.example\.org(\/en\/set-password\/[A-Za-z0-9_-]+)\n$/.exec(created.stdout);
  if (created.code !== 0 || !link) throw new Error(`create-admin failed: ${created.stderr}${created.stdout}`);
  const handle = await openDb(target);
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const app = await buildApp({ db: handle.db, now, baseUrl });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db: handle.db,
    adminLinkPath: link[1]!,
    advance: (ms) => {
      offset += ms;
    },
    now,
    close: async () => {
      try {
        await app.close();
      } finally {
        await handle.close();
        await drop();
      }
    },
  };
}
