/**
 * The one Drizzle schema, shared by PGlite and PostgreSQL, one file per area; this file gathers them.
 * Translatable fields are JSONB `LocalizedText` values (see docs/architecture.md).
 * Editable rows carry `version` for optimistic locking (a stale write is a conflict).
 */

export * from './accounts.js';
export * from './content-version.js';
export * from './core.js';
export * from './files.js';
export * from './followup.js';
export * from './followup-rollup.js';
export * from './mail.js';
export * from './open-signon.js';
export * from './press.js';
export * from './releases.js';
export * from './reviews.js';
export * from './search.js';
export * from './sheet-imports.js';
export * from './signon.js';
export * from './staging.js';
export * from './translation-todos.js';
