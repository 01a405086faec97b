/**
 * The outbox (issue 18): 5,000 recipients, each message rendered (a personal greeting and a signed
 * unsubscribe link), queued in one transaction and sent by the outbox's sender to a local SMTP server,
 * against the floor: the same pre-rendered message handed to nodemailer 5,000 times (the same pooled
 * transport, the same 4 messages in flight), in the same run, to the same server. The ratio is the
 * figure; also how the outbox's time splits (render + enqueue, send), and the send alone to a mailer
 * that answers at once (what the database's bookkeeping costs per message).
 *
 * On PGlite (in memory) and, when TEST_DATABASE_URL or DATABASE_URL is set, on a throw-away PostgreSQL
 * database. `npm run bench -- outbox`; BENCH_OUTBOX_RECIPIENTS changes the count.
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { unsubscribeLink } from '../src/features/mail-preferences/index.js';
import { type DbHandle, openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import { messages } from '../src/platform/i18n/format.js';
import { createMailer, type Mailer } from '../src/platform/mail.js';
import { enqueueMail, type OutgoingMail, outboxCounts, sendDueMail } from '../src/platform/outbox/index.js';
import { postgresDatabase, postgresServerUrl } from './bench-databases.js';

const RECIPIENTS = Number(process.env.BENCH_OUTBOX_RECIPIENTS ?? 5_000);
const FROM = 'Puente <no-reply@puente.test>';
const BASE = 'https://puente.test';
/** The release text a press send carries: a few kB, like the demo release. */
const BODY = 'The coalition asks the authorities to act on its recommendations. '.repeat(60);

/** An SMTP server that accepts everything and counts it. */
async function smtpSink(): Promise<{ port: number; count: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    count: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The floor: one pre-rendered message, handed to nodemailer RECIPIENTS times, 4 in flight. */
async function nodemailerFloor(port: number): Promise<number> {
  const transport = nodemailer.createTransport({ url: `smtp://127.0.0.1:${port}`, pool: true, maxConnections: 4 });
  const message = { from: FROM, subject: 'Press release', text: BODY, html: `<p>${BODY}</p>` };
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < RECIPIENTS) {
      const i = next++;
      await transport.sendMail({ ...message, to: `journalist${i}@example.org` });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const ms = performance.now() - start;
  transport.close();
  return ms;
}

async function renderAll(db: DbHandle['db'], run: string): Promise<OutgoingMail[]> {
  const all: OutgoingMail[] = [];
  for (let i = 0; i < RECIPIENTS; i++) {
    const locale = i % 2 === 0 ? 'en' : 'es';
    const to = `journalist${i}@example.org`;
    const url = await unsubscribeLink(db, BASE, locale, to);
    const footer = messages(locale).mailUnsubscribeFooter(url);
    all.push({
      idempotencyKey: `bench:${run}:${i}`,
      to,
      subject: 'Press release',
      text: `Dear journalist ${i},\n\n${BODY}\n\n${footer}\n`,
      html: `<p>Dear journalist ${i},</p><p>${BODY}</p><p>${footer}</p>`,
      kind: 'release',
      unsubscribe: { url },
      ref: { table: 'bench', id: run },
    });
  }
  return all;
}

async function outboxRun(db: DbHandle['db'], mailer: Mailer, run: string) {
  const start = performance.now();
  const rendered = await renderAll(db, run);
  await db.transaction((tx) => enqueueMail(tx, rendered));
  const queued = performance.now();
  const report = await sendDueMail(db, { mailer, ratePerSecond: 1_000_000 });
  const done = performance.now();
  if (report.sent !== RECIPIENTS) throw new Error(`sent ${JSON.stringify(report)}, expected ${RECIPIENTS}`);
  return { total: done - start, enqueue: queued - start, send: done - queued };
}

const instant: Mailer = { from: FROM, send: async () => ({ response: '250 OK' }), close: () => {} };

async function benchOn(label: string, handle: DbHandle, sink: Awaited<ReturnType<typeof smtpSink>>) {
  await runMigrations(handle);
  const mailer = createMailer(`smtp://127.0.0.1:${sink.port}`, FROM);
  try {
    // Warm-up: JIT, the pool's connections, the database's caches.
    await nodemailerFloor(sink.port);
    await outboxRun(handle.db, mailer, 'warm-up');
    const floor = await nodemailerFloor(sink.port);
    const outbox = await outboxRun(handle.db, mailer, 'measured');
    const bookkeeping = await outboxRun(handle.db, instant, 'no-smtp');
    const counts = await outboxCounts(handle.db, { ref: { table: 'bench', id: 'measured' } });
    const perMs = (ms: number) => `${Math.round((RECIPIENTS / ms) * 1000)}/s`;
    console.log(`outbox on ${label}, ${RECIPIENTS} recipients (all sent: ${counts.sent === RECIPIENTS})`);
    console.log(`  nodemailer alone, one pre-rendered message: ${floor.toFixed(0)} ms (${perMs(floor)})`);
    console.log(
      `  outbox, rendered + queued + sent: ${outbox.total.toFixed(0)} ms (${perMs(outbox.total)}): render+enqueue ${outbox.enqueue.toFixed(0)} ms, send ${outbox.send.toFixed(0)} ms`,
    );
    console.log(`  ratio outbox / nodemailer alone: ${(outbox.total / floor).toFixed(2)}×`);
    console.log(
      `  the same without SMTP (a mailer that answers at once): ${bookkeeping.total.toFixed(0)} ms: the database's share`,
    );
  } finally {
    mailer.close();
  }
}

export async function benchOutbox(): Promise<void> {
  const sink = await smtpSink();
  try {
    const pglite = await openDb({ engine: 'pglite', dataDir: null });
    try {
      await benchOn('PGlite (in memory)', pglite, sink);
    } finally {
      await pglite.close();
    }
    const server = postgresServerUrl();
    if (server) {
      // The demo database (bench-databases.ts) is migrated already; the outbox's rows are its own.
      const database = await postgresDatabase(server, 'demo');
      const handle = await openDb(database.target);
      try {
        await benchOn('PostgreSQL', handle, sink);
      } finally {
        await handle.close();
        await database.drop();
      }
    }
  } finally {
    await sink.close();
  }
}
