/**
 * The outbox under a crash and under two instances, with real server processes (`npm start`'s entry
 * point, from dist/) and a real SMTP server counting what arrives:
 * - 5,000 recipients queued; the server is killed with SIGKILL mid-send and started again: every
 *   recipient has received exactly one distinct Message-ID (a message accepted by SMTP just before the
 *   kill, but not yet marked sent, may arrive twice: the same message, the same Message-ID);
 * - two PostgreSQL-backed servers sending the same queue at once: each recipient gets exactly one message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedPostgresDatabase, testEngines } from '../../../test/support/db.js';
import { startInstances } from '../../../test/support/instances.js';
import { startServer } from '../../../test/support/processes.js';
import { type Captured, captureSmtp, messageIdOf } from '../../../test/support/smtp.js';
import { openDb } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { enqueueMail, type OutgoingMail, outboxCounts } from './index.js';

const RECIPIENTS = 5_000;
const FROM = 'no-reply@puente.test';

function releaseMail(count: number, run: string): OutgoingMail[] {
  return Array.from({ length: count }, (_, i) => ({
    idempotencyKey: `crash-test:${run}:${i}`,
    to: `journalist${i}@example.org`,
    subject: `Release for journalist ${i}`,
    text: `Embargoed until now. Recipient ${i}.`,
    kind: 'release',
  }));
}

/** Recipient → the Message-IDs they received (with repeats), checked to be one distinct id each. */
function byRecipient(received: Captured[]): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const mail of received) {
    for (const to of mail.to) ids.set(to, [...(ids.get(to) ?? []), messageIdOf(mail.raw) ?? 'none']);
  }
  return ids;
}

function expectOneDistinctMessageEach(received: Captured[]): { duplicates: number } {
  const ids = byRecipient(received);
  expect(ids.size).toBe(RECIPIENTS);
  const distinct = [...ids.values()].map((list) => new Set(list).size);
  expect(distinct.every((n) => n === 1)).toBe(true);
  expect(new Set([...ids.values()].map((list) => list[0])).size).toBe(RECIPIENTS);
  return { duplicates: received.length - RECIPIENTS };
}

/** A cheap check for whenReceived: counts new recipients only, since the last message. */
function everyRecipientReached(): (all: Captured[]) => boolean {
  const seen = new Set<string>();
  let checked = 0;
  return (all) => {
    for (; checked < all.length; checked++) for (const to of all[checked]!.to) seen.add(to);
    return seen.size >= RECIPIENTS;
  };
}

const serverEnv = (smtpPort: number) => ({
  PUENTE_DEMO: 'off',
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  PUENTE_BASE_URL: 'https://puente.test',
  // Fast enough to finish in seconds, slow enough that the kill lands mid-send.
  PUENTE_MAIL_RATE: '1000',
  // A killed PostgreSQL-backed server's claims are retried after this (PGlite reclaims them at start).
  PUENTE_MAIL_LEASE_SECONDS: '2',
});

describe('the outbox survives a crash', () => {
  for (const engine of testEngines) {
    it(`[${engine}] killed with SIGKILL mid-send and restarted: every one of ${RECIPIENTS} recipients gets one distinct Message-ID`, {
      timeout: 90_000,
    }, async () => {
      const smtp = captureSmtp();
      const port = await smtp.listen();
      const dataDir = mkdtempSync(join(tmpdir(), 'puente-outbox-crash-'));
      const pg = engine === 'postgres' ? await createMigratedPostgresDatabase() : null;
      const where: Record<string, string> = pg ? { DATABASE_URL: pg.url } : { PUENTE_DATA_DIR: dataDir };
      try {
        const handle = await openDb(pg ? { engine: 'postgres', url: pg.url } : { engine: 'pglite', dataDir });
        try {
          await runMigrations(handle);
          await enqueueMail(handle.db, releaseMail(RECIPIENTS, engine));
        } finally {
          await handle.close();
        }

        const first = await startServer({ ...where, ...serverEnv(port) });
        await smtp.whenReceived((all) => all.length >= RECIPIENTS / 4);
        process.kill(first.pid, 'SIGKILL');
        const killed = await first.stop();
        expect(killed.code).toBe(null);
        const beforeRestart = smtp.received.length;
        expect(beforeRestart).toBeLessThan(RECIPIENTS);

        const second = await startServer({ ...where, ...serverEnv(port) });
        await smtp.whenReceived(everyRecipientReached());
        const stopped = await second.stop();
        expect(stopped.code, stopped.stderr).toBe(0);

        const { duplicates } = expectOneDistinctMessageEach(smtp.received);
        // At most the messages in flight at the kill (the SMTP pool's connections) arrive twice.
        expect(duplicates).toBeLessThanOrEqual(8);
        const after = await openDb(pg ? { engine: 'postgres', url: pg.url } : { engine: 'pglite', dataDir });
        try {
          expect(await outboxCounts(after.db)).toEqual({ sent: RECIPIENTS });
        } finally {
          await after.close();
        }
      } finally {
        await smtp.close();
        await pg?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }
});

describe.runIf(testEngines.includes('postgres'))('[postgres] two instances sending one queue', () => {
  const smtp = captureSmtp();
  let port = 0;
  beforeAll(async () => {
    port = await smtp.listen();
  });
  afterAll(() => smtp.close());

  it(`send each of ${RECIPIENTS} recipients exactly one message`, { timeout: 90_000 }, async () => {
    const instances = await startInstances(2, serverEnv(port));
    try {
      expect(instances.servers).toHaveLength(2);
      await enqueueMail(instances.handle.db, releaseMail(RECIPIENTS, 'two-instances'));
      await smtp.whenReceived((all) => all.length >= RECIPIENTS);
    } finally {
      await instances.stop();
    }
    expect(smtp.received).toHaveLength(RECIPIENTS);
    expect(expectOneDistinctMessageEach(smtp.received)).toEqual({ duplicates: 0 });
    expect(smtp.received.every((m) => m.raw.includes(FROM))).toBe(true);
  });
});
