/**
 * The PGlite client behind Drizzle, reading Drizzle's text types itself instead of copying its parser table per
 * query.
 *
 * Drizzle's PGlite driver (drizzle-orm/pglite/session.js) asks on every query for nine types to come back as
 * PostgreSQL's text, which Drizzle then parses itself as it does on node-postgres: date, timestamp, timestamptz,
 * interval, and the arrays numeric[], date[], timestamp[], timestamptz[], interval[]. It asks by passing `parsers`
 * with the query, and PGlite merges them into a copy of its whole table of type parsers (~320 entries, held as an
 * array as long as the largest type id: ~130 KB) for each query and drops it: most of a query's garbage, which
 * a 250,000-row import's thousands of queries, and every page's, left to Node's collector (docs/deployment.md,
 * "Memory"). This client's own table reads those nine types as text, so a query asking for them needs no
 * merged copy and is run without it. A query asking for any other parser (or for these to be parsed otherwise)
 * keeps its own, merged as before: what a query's rows look like never depends on this shortcut.
 */
import { PGlite, type QueryOptions, type Results, type Transaction, types } from '@electric-sql/pglite';

/** The types Drizzle's PGlite session reads as text (its `parsers`), by type id. */
export const DRIZZLE_TEXT_TYPES: readonly number[] = [
  types.DATE,
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  1231, // numeric[]
  1182, // date[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
];

/** The value as PostgreSQL wrote it. */
const asText = (value: string): string => value;

/**
 * A bytea parameter as it is, in the protocol's binary format (PGlite sends a byte array so), as node-postgres
 * sends a Buffer. PGlite's own serializer spelled it as hex text, a string twice the size, built a byte at a
 * time, then measured and encoded again to be sent: an import's staged chunks (platform/db/staged-write.ts)
 * and every upload.
 */
// PGlite's Serializer type says string, but its bind message sends any byte array it is given as binary.
const asBinary = ((value: unknown): Uint8Array => {
  if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
  return value;
}) as unknown as (value: unknown) => string;

/** Drizzle's parsers are `(value) => value`: one that hands back what it is given reads the type as text. */
const PROBE = 'puente';
const readsAsText = (parser: ((value: string) => unknown) | undefined) => parser?.(PROBE) === PROBE;

export class DrizzlePGlite extends PGlite {
  /**
   * PGlite makes the array types' parsers from pg_type once it is ready (and again on refreshArrayTypes),
   * replacing any given at creation: the text readers go in after, every time.
   */
  override async _initArrayTypes(options?: { force?: boolean }): Promise<void> {
    await super._initArrayTypes(options);
    for (const type of DRIZZLE_TEXT_TYPES) this.parsers[type] = asText;
    this.serializers[types.BYTEA] = asBinary;
  }

  override query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return super.query<T>(query, params, this.withoutOwnParsers(options));
  }

  /** Drizzle runs a transaction's queries on PGlite's transaction object, not on the client. */
  override transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    return super.transaction((tx) => {
      const query = tx.query;
      tx.query = <R>(text: string, params?: unknown[], options?: QueryOptions) =>
        query<R>(text, params, this.withoutOwnParsers(options));
      return callback(tx);
    });
  }

  /** `options` without their `parsers` when this client's table already parses each of those types the same way. */
  private withoutOwnParsers(options: QueryOptions | undefined): QueryOptions | undefined {
    const asked = options?.parsers;
    if (!asked) return options;
    for (const type in asked) {
      if (this.parsers[type] !== asText || !readsAsText(asked[Number(type)])) return options;
    }
    const { parsers: _, ...rest } = options;
    return rest;
  }
}
