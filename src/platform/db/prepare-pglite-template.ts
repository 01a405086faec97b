/**
 * Run by `npm install` (postinstall): makes the PGlite templates (pglite-template.ts). Never fails the
 * install: without a template, a first start is just slower.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDb } from './client.js';
import { runMigrations } from './migrate.js';
import { committedMigrationHashes } from './migration-files.js';
import {
  keepAsMigratedTemplate,
  makePgliteTemplate,
  migratedTemplateDir,
  migratedTemplateHashes,
} from './pglite-template.js';

/** A data dir migrated the way a first start migrates one (from the bare template), kept as the template. */
async function makeMigratedTemplate(): Promise<void> {
  const hashes = committedMigrationHashes();
  if (JSON.stringify(migratedTemplateHashes()) === JSON.stringify(hashes)) return;
  // Made beside where it will be, so the last step is a rename.
  const dataDir = mkdtempSync(join(dirname(migratedTemplateDir()), 'making-'));
  try {
    const handle = await openDb({ engine: 'pglite', dataDir, command: 'npm install (PGlite template)' });
    try {
      await runMigrations(handle);
    } finally {
      await handle.close(); // a clean shutdown: the copy starts without recovery
    }
    rmSync(join(dataDir, 'puente.lock'), { force: true });
    keepAsMigratedTemplate(dataDir, hashes);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

try {
  await makePgliteTemplate();
  await makeMigratedTemplate();
} catch (error) {
  process.stderr.write(
    `puente: could not prepare the embedded database template (${(error as Error).message}); first start will be slower.\n`,
  );
}
