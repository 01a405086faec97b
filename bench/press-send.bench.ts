/**
 * A press send to 5,000 contacts (issue 18): `createSend` picks the recipients from three lists by the
 * visibility rule, renders the release once per language from its own HTML and text formats, signs
 * each contact's unsubscribe link and queues one message each, in one transaction. Against the floor:
 * queueing the same 5,000 pre-rendered messages with `enqueueMail`, in the same run. The ratio is what
 * choosing and rendering costs on top of queueing; sending is the outbox's (bench/outbox.bench.ts).
 *
 * On PGlite (in memory). `npm run bench -- press`; BENCH_PRESS_RECIPIENTS changes the count.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createList, createSend } from '../src/features/press/index.js';
import { openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import * as t from '../src/platform/db/schema/index.js';
import { enqueueMail, type OutgoingMail, outboxStatus } from '../src/platform/outbox/index.js';
import { localized } from '../src/platform/text/localized-text.js';
import type { Editor } from '../src/platform/write.js';

const RECIPIENTS = Number(process.env.BENCH_PRESS_RECIPIENTS ?? 5_000);
const NOW = new Date('2026-06-01T10:00:00Z');
const LIFT = new Date('2026-06-01T12:00:00Z');

export async function benchPressSend(): Promise<void> {
  const handle = await openDb({ engine: 'pglite', dataDir: null });
  try {
    await runMigrations(handle);
    const db = handle.db;
    const [editor] = await db.insert(t.users).values({ email: 'bench-editor@example.org', role: 'editor' }).returning();
    const user = editor as unknown as Editor;
    await db.insert(t.themes).values({ slug: 'migration', label: localized('en', 'Migration') });
    const body = 'The coalition asks the authorities to act on its recommendations. '.repeat(40);
    await db.insert(t.releases).values({
      slug: 'bench-release',
      status: 'published',
      embargoedUntil: LIFT,
      releaseDate: '2026-06-01',
      headline: localized('en', 'Coalition asks for safe passage', { es: 'La coalición pide un paso seguro' }),
      lead: localized('en', body, { es: body }),
    });
    await db.execute(sql`insert into press_contacts (name, email, languages, country, created_at, updated_at)
      select 'Journalist ' || i, 'journalist' || i || '@example.org',
             case when i % 3 = 0 then array['es'] when i % 3 = 1 then array['en'] else array['es', 'en'] end,
             case when i % 2 = 0 then 'MX' else 'US' end, ${NOW.toISOString()}::timestamptz, ${NOW.toISOString()}::timestamptz
      from generate_series(1, ${RECIPIENTS}) i`);
    const list = (name: string, languages: string[], countries: string[]) =>
      createList(db, { name, kind: 'filter', languages, countries, beats: [], members: '' }, user, NOW);
    const lists = [
      await list('Spanish', ['es'], []),
      await list('English', ['en'], []),
      await list('Mexico', [], ['MX']),
    ];

    const run = async (label: string) => {
      const start = performance.now();
      const send = await createSend(
        db,
        user,
        {
          release: 'bench-release',
          mode: 'lift',
          note: `Note ${label}`,
          listIds: lists.map((l) => l.id),
          contactIds: [],
        },
        { baseUrl: 'https://puente.test', now: NOW },
      );
      return { ms: performance.now() - start, id: send.id };
    };
    await run('warm-up');
    const measured = await run('measured');
    const rows = await outboxStatus(db, {
      ref: { table: 'press_sends', id: String(measured.id) },
      limit: RECIPIENTS + 1,
    });
    if (rows.length !== RECIPIENTS) throw new Error(`queued ${rows.length}, expected ${RECIPIENTS}`);

    // The floor: the same number of messages, already rendered, queued in one transaction.
    const [sample] = await db.select().from(t.mailOutbox).limit(1);
    const floorRun = async (key: string) => {
      const mails: OutgoingMail[] = rows.map((r, i) => ({
        idempotencyKey: `${key}:${i}`,
        to: r.to,
        subject: sample!.subject,
        text: sample!.text,
        html: sample!.html ?? '',
        kind: 'release',
        sendAfter: LIFT,
        unsubscribe: { url: sample!.unsubscribeUrl ?? '' },
      }));
      const start = performance.now();
      await db.transaction((tx) => enqueueMail(tx, mails, NOW));
      return performance.now() - start;
    };
    await floorRun('floor-warm-up');
    const floor = await floorRun('floor');
    console.log(`press send on PGlite (in memory), ${RECIPIENTS} recipients from 3 lists, 2 languages`);
    console.log(`  enqueueMail of ${RECIPIENTS} pre-rendered messages: ${floor.toFixed(0)} ms`);
    console.log(`  createSend (choose, render per language, sign links, queue): ${measured.ms.toFixed(0)} ms`);
    console.log(`  ratio createSend / enqueue alone: ${(measured.ms / floor).toFixed(2)}×`);
  } finally {
    await handle.close();
  }
}
