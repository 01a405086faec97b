/**
 * Templates for a new PGlite data dir, made once at `npm install` (postinstall, by
 * prepare-pglite-template.ts) and kept in node_modules/.cache, so a newcomer's first `npm start` serves
 * quickly:
 * - a freshly initialized cluster (`pglite-<version>.tgz`): initdb takes ~6 s on a 2-core machine,
 *   loading this ~1 s;
 * - that cluster migrated, as a directory (`pglite-<version>-migrated/`), copied by the operating system
 *   into a new data dir in a fraction of a second; migrating a new cluster on disk took ~3 s of CPU.
 *   Beside it, `migrations.json`: the hashes of the migrations it holds. It is used only when they are
 *   the first of the committed ones (a pull adding migrations: the start applies the rest as usual),
 *   never after a migration it holds was edited.
 * Neither holds data: the demo is loaded at the first start, as before.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fromPackageRoot } from '../package-root.js';

export const pgliteExtensions = { unaccent, pg_trgm };

// Keyed by PGlite's version: a cluster made by one version must not be opened by another.
function templatePath(suffix = '.tgz'): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite'); // …/pglite/dist/index.cjs
  const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return fromPackageRoot('node_modules', '.cache', 'puente', `pglite-${pkg.version}${suffix}`);
}

/** The migrated template: a data dir's layout (its cluster in `pglite/`) and `migrations.json`. */
export function migratedTemplateDir(): string {
  return templatePath('-migrated');
}
const APPLIED_FILE = 'migrations.json';

/** The hashes of the migrations the migrated template holds, or null when there is none. */
export function migratedTemplateHashes(): string[] | null {
  try {
    return JSON.parse(readFileSync(join(migratedTemplateDir(), APPLIED_FILE), 'utf8')) as string[];
  } catch {
    return null;
  }
}

/**
 * Copies the migrated template's cluster to `clusterDir` (which must not exist) when its migrations
 * are the first of `committed`; false when there is none that fits, and nothing was written. The copy
 * lands under another name and is renamed into place, so an interrupted copy is never taken for a cluster.
 */
export function copyMigratedTemplate(clusterDir: string, committed: string[]): boolean {
  const held = migratedTemplateHashes();
  if (!held || held.length > committed.length || held.some((hash, i) => committed[i] !== hash)) return false;
  const partial = `${clusterDir}.partial-${process.pid}`;
  try {
    cpSync(join(migratedTemplateDir(), 'pglite'), partial, { recursive: true });
    renameSync(partial, clusterDir);
    return true;
  } catch {
    rmSync(partial, { recursive: true, force: true });
    return false; // no template is only slower
  }
}

/** Puts a migrated data dir (closed, its lock released) in place as the template, with the hashes it holds. */
export function keepAsMigratedTemplate(dataDir: string, hashes: string[]): void {
  writeFileSync(join(dataDir, APPLIED_FILE), `${JSON.stringify(hashes)}\n`);
  rmSync(migratedTemplateDir(), { recursive: true, force: true });
  renameSync(dataDir, migratedTemplateDir());
}

/** The template as PGlite's loadDataDir wants it, or null when it was never made. */
export function readPgliteTemplate(): Blob | null {
  try {
    const path = templatePath();
    return existsSync(path) ? new Blob([readFileSync(path)]) : null;
  } catch {
    return null; // no template is only slower
  }
}

export async function makePgliteTemplate(): Promise<string> {
  const path = templatePath();
  if (existsSync(path)) return path;
  const client = new PGlite('memory://', { extensions: pgliteExtensions });
  await client.waitReady;
  const dump = await client.dumpDataDir('gzip');
  await client.close();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  return path;
}
