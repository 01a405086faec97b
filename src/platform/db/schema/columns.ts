/** The columns most tables share: identity key, optimistic-lock version, timestamps, bilingual text. */
import { integer, jsonb, timestamp } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../text/localized-text.js';

export const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
export const version = () => integer('version').notNull().default(1);
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
export const localizedText = (name: string) => jsonb(name).$type<LocalizedText>().notNull().default({});
/** Archived rows leave the workspace's lists and pickers but stay for what already cites them. */
export const archivedAt = () => timestamp('archived_at', { withTimezone: true });
