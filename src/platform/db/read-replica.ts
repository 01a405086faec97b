/**
 * A read replica for public pages (DATABASE_REPLICA_URL, PostgreSQL only; docs/deployment.md), without
 * ever showing a page older than the last committed write:
 * - The app's `db` becomes a router: each query goes to the primary, unless the request runs inside
 *   `onReplica()`, where reads (`select…`, `$count`, relational `query`, raw `execute`) go to the
 *   replica and everything else (insert, update, delete, transactions) still goes to the primary.
 * - Only the render cache (platform/web/render-cache.ts) puts a request on the replica: an anonymous GET
 *   of a public channel that it must render, and only when the replica's content version has caught up
 *   with the primary's as read for this request (`content_version` is bumped at the commit of every write
 *   to public material, and a replica replays commits in order, so a replica at that version holds every
 *   public write committed before the request arrived). Otherwise the page is read from the primary.
 * Signed-in pages, forms and everything else never read the replica.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client.js';

/** Drizzle's entry points that only read; anything else a handler calls on `db` goes to the primary. */
const READS = new Set<PropertyKey>(['select', 'selectDistinct', 'selectDistinctOn', '$count', 'query', 'execute']);

export interface ReplicaRouting {
  /** The `db` the app's features use: the primary, or for reads inside `onReplica()`, the replica. */
  db: Db;
  primary: Db;
  replica: Db;
  /** Runs `fn` (and everything it starts) with reads on the replica. */
  onReplica<T>(fn: () => T): T;
}

export function replicaRouting(primary: Db, replica: Db): ReplicaRouting {
  const onReplica = new AsyncLocalStorage<true>();
  const db = new Proxy(primary, {
    get(target, property) {
      const source = READS.has(property) && onReplica.getStore() ? replica : target;
      const value = Reflect.get(source, property, source);
      return typeof value === 'function' ? value.bind(source) : value;
    },
  });
  return { db, primary, replica, onReplica: (fn) => onReplica.run(true, fn) };
}
