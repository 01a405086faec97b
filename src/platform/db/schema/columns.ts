/** The columns most tables share: identity key, optimistic-lock version, timestamps, bilingual text, references. */
import { type AnyPgColumn, customType, integer, jsonb, timestamp } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../text/localized-text.js';

export const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
export const version = () => integer('version').notNull().default(1);
/** Every instant is stored with its time zone. */
export const tz = (name: string) => timestamp(name, { withTimezone: true });
export const timestamps = {
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
};
/** The same two instants without a database default: the service writes them (its injected `now`). */
export const timestampsSetByService = {
  createdAt: tz('created_at').notNull(),
  updatedAt: tz('updated_at').notNull(),
};
export const localizedText = (name: string) => jsonb(name).$type<LocalizedText>().notNull().default({});
/** Archived rows leave the workspace's lists and pickers but stay for what already cites them. */
export const archivedAt = () => tz('archived_at');

/**
 * A required reference to another table's integer id. `cascade` where the row is part of its parent
 * (a statement's recommendations), `restrict` where it only cites the other row (an addressee).
 */
export const requiredRef = <N extends string>(name: N, target: () => AnyPgColumn, onDelete: 'cascade' | 'restrict') =>
  integer(name).notNull().references(target, { onDelete });

/** PostgreSQL bytea. node-postgres gives a Buffer, PGlite a Uint8Array: both become a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  toDriver: (value) => value,
});
