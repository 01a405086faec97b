/** The committed migrations in drizzle/, as drizzle reads them (each with the sha256 `hash` it records when applied). */
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { fromPackageRoot } from '../package-root.js';

export const migrationsFolder = fromPackageRoot('drizzle');

/** The hashes of the committed migrations, oldest first. */
export function committedMigrationHashes(): string[] {
  return readMigrationFiles({ migrationsFolder }).map((migration) => migration.hash);
}
