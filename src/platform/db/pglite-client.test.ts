import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { type Db, type DbHandle, openDb } from './client.js';
import { DRIZZLE_TEXT_TYPES, DrizzlePGlite } from './pglite-client.js';
import { pgliteExtensions } from './pglite-template.js';

/**
 * Values of every type whose parsing matters here (the nine Drizzle reads as text, and their neighbours), as
 * SQL literals, and what a query through Drizzle answers for each, the same on both engines. The time zone is
 * set in the query's transaction, so timestamptz's text does not depend on the server's.
 */
const VALUES: Record<string, [literal: string, expected: unknown]> = {
  date: [`'2024-02-29'::date`, '2024-02-29'],
  timestamp: [`'2024-02-29 13:45:01.5'::timestamp`, '2024-02-29 13:45:01.5'],
  timestamptz: [`'2024-02-29 13:45:01.5+02'::timestamptz`, '2024-02-29 11:45:01.5+00'],
  forever: [`'infinity'::timestamptz`, 'infinity'],
  interval: [`'1 year 2 mons 3 days 04:05:06.5'::interval`, '1 year 2 mons 3 days 04:05:06.5'],
  numeric: [`'12345.678900'::numeric`, '12345.678900'],
  json: [`'{"a":[1,"b",null]}'::json`, { a: [1, 'b', null] }],
  jsonb: [`'{"b":{"c":true}}'::jsonb`, { b: { c: true } }],
  dates: [`array['2024-02-29'::date, null]`, '{2024-02-29,NULL}'],
  timestamps: [`array['2024-02-29 13:45:01.5'::timestamp]`, '{"2024-02-29 13:45:01.5"}'],
  timestamptzs: [`array['2024-02-29 13:45:01.5+02'::timestamptz]`, '{"2024-02-29 11:45:01.5+00"}'],
  intervals: [`array['1 day'::interval, '-02:00'::interval]`, '{"1 day",-02:00:00}'],
  numerics: [`array[1.5, 2]::numeric[]`, '{1.5,2}'],
  jsons: [`array['{"a":1}'::json]`, [{ a: 1 }]],
  jsonbs: [`array['{"a":1}'::jsonb, null]`, [{ a: 1 }, null]],
  ints: [`array[1, 2]::int4[]`, [1, 2]],
  texts: [`array['x,y', 'z"']`, ['x,y', 'z"']],
  int4: ['7::int4', 7],
  float8: ['0.25::float8', 0.25],
  bool: ['true', true],
  text: [`'text'`, 'text'],
  none: ['null::date', null],
};

/** Types whose answer already differs between the engines' drivers (node-postgres leaves int8 and enum arrays as text): PGlite against PGlite only. */
const PGLITE_VALUES: Record<string, string> = {
  int8: '9007199254740993::int8',
  small: '42::int8',
  positions: `array['accepted', 'noted']::response_position[]`,
  bytes: `'\\x0102'::bytea`,
  time: `'13:45:01'::time`,
};

const literals = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).map(([name, literal]) => [name, sql.raw(literal)]));
const SHARED = literals(Object.fromEntries(Object.entries(VALUES).map(([name, [literal]]) => [name, literal])));
const EXPECTED = Object.fromEntries(Object.entries(VALUES).map(([name, [, expected]]) => [name, expected]));
const EVERY = { ...SHARED, ...literals(PGLITE_VALUES) };

const selectText = (fields: Record<string, SQL>) =>
  sql.join(
    Object.entries(fields).map(([name, value]) => sql`${value} as ${sql.identifier(name)}`),
    sql`, `,
  );

/** Both of Drizzle's ways to run a query: `execute` (rows as objects) and a select of fields (rows as arrays). */
async function readBothWays(db: Pick<Db, 'execute' | 'select'>, fields: Record<string, SQL>) {
  const executed = ((await db.execute(sql`select ${selectText(fields)}`)) as unknown as { rows: unknown[] }).rows;
  const selected = await db.select(fields).from(sql`(select 1) as one`);
  return { executed, selected };
}

describeEachEngine('values read through Drizzle', (t) => {
  it('every type is read as on the other engine', async () => {
    const read = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'UTC'`);
      return readBothWays(tx, SHARED);
    });
    expect(read.executed).toEqual([EXPECTED]);
    expect(read.selected).toEqual([EXPECTED]);
  });
});

describeEachEngine('a bytea parameter', (t) => {
  it('arrives byte for byte, every byte value (PGlite sends it as binary: DrizzlePGlite)', async () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, k) => (k * 7) % 256));
    const [row] = (
      (await t.db.execute(
        sql`select length(${bytes}::bytea) as n, md5(${bytes}::bytea) as md5, convert_from(${Buffer.from('añ{}')}::bytea, 'UTF8') as text`,
      )) as unknown as { rows: { n: number; md5: string; text: string }[] }
    ).rows;
    expect(row).toEqual({ n: 512, md5: createHash('md5').update(bytes).digest('hex'), text: 'añ{}' });
  });
});

function clientOf(handle: DbHandle): PGlite {
  if (handle.driver.engine !== 'pglite') throw new Error('not a PGlite handle');
  return handle.driver.client;
}

describe('PGlite with the text types in its own table (DrizzlePGlite)', () => {
  let ours: DbHandle;
  let plain: PGlite;
  let before: Db;
  beforeAll(async () => {
    const snapshot = () => new Blob([readFileSync(inject('pgliteSnapshotPath'))]);
    ours = await openDb({ engine: 'pglite', dataDir: null, snapshot: snapshot() });
    // As every query ran before: PGlite's own parsers, Drizzle's merged into a copy per query.
    plain = new PGlite('memory://', { extensions: pgliteExtensions, loadDataDir: snapshot() });
    before = drizzle(plain) as unknown as Db;
  });
  afterAll(async () => {
    await ours?.close();
    await plain?.close();
  });

  it('reads every value as PGlite with per-query parsers did, in and out of a transaction', async () => {
    const expected = await readBothWays(before, EVERY);
    expect(await readBothWays(ours.db, EVERY)).toEqual(expected);
    expect(await ours.db.transaction((tx) => readBothWays(tx, EVERY))).toEqual(
      await before.transaction((tx) => readBothWays(tx, EVERY)),
    );
    // The values themselves, so an engine-wide change of both sides is caught too.
    expect(expected.executed).toEqual([
      expect.objectContaining({
        ...EXPECTED,
        timestamptz: expect.stringMatching(/^2024-02-29 /),
        int8: 9007199254740993n,
      }),
    ]);
  });

  it('keeps a query’s own parsers for any other type, or for these types parsed otherwise', async () => {
    const client = clientOf(ours);
    const day = (value: string) => `day ${value}`;
    const asked = await client.query<{ date: string; n: string }>(`select '2024-02-29'::date as date, 5 as n`, [], {
      parsers: { [DRIZZLE_TEXT_TYPES[0]!]: day, 23: (value: string) => `int ${value}` },
    });
    expect(asked.rows).toEqual([{ date: 'day 2024-02-29', n: 'int 5' }]);
    // One of the text types, parsed otherwise: not dropped either.
    const otherwise = await client.query(`select '2024-02-29'::date as date`, [], {
      parsers: { [DRIZZLE_TEXT_TYPES[0]!]: day },
    });
    expect(otherwise.rows).toEqual([{ date: 'day 2024-02-29' }]);
    // Without parsers, the client's own table reads the date as text.
    expect((await client.query(`select '2024-02-29'::date as date`)).rows).toEqual([{ date: '2024-02-29' }]);
  });

  // The saving itself, which no value read shows: if Drizzle or PGlite changed how a query asks for its parsers (other
  // parsers, another option), every value would still read right while each query went back to merging a copy of the
  // whole table. Both ways a query runs (client and transaction) reach PGlite's wire protocol through
  // execProtocolStream, with the query's options.
  it('runs Drizzle’s queries without a parser table to merge, in and out of a transaction', async () => {
    const askedForParsers = async (client: PGlite, db: Pick<Db, 'execute' | 'select' | 'transaction'>) => {
      const protocol = vi.spyOn(client, 'execProtocolStream');
      try {
        await readBothWays(db, SHARED);
        await db.transaction((tx) => readBothWays(tx, SHARED));
        expect(protocol).toHaveBeenCalled();
        return protocol.mock.calls.filter(
          ([, options]) => (options as { parsers?: unknown } | undefined)?.parsers !== undefined,
        ).length;
      } finally {
        protocol.mockRestore();
      }
    };
    // Without this client, every Drizzle query asks for its parsers: the check can fail.
    expect(await askedForParsers(plain, before)).toBeGreaterThan(0);
    expect(await askedForParsers(clientOf(ours), ours.db)).toBe(0);
  });

  it('still reads the arrays as text after PGlite makes its array parsers again', async () => {
    const client = clientOf(ours);
    expect(client).toBeInstanceOf(DrizzlePGlite);
    await client.refreshArrayTypes();
    expect((await client.query(`select array['2024-02-29'::date] as dates`)).rows).toEqual([{ dates: '{2024-02-29}' }]);
  });
});
