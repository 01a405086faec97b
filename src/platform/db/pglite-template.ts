/**
 * A freshly initialized PGlite cluster, made once at `npm install` (postinstall) and kept in
 * node_modules/.cache. Creating a cluster (initdb) takes ~6 s on a 2-core machine; copying this
 * one into a new data dir takes ~1 s, so a newcomer's first `npm start` serves quickly.
 * It holds no schema and no data: migrations still run at every start, so it cannot go stale.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fromPackageRoot } from '../package-root.js';

export const pgliteExtensions = { unaccent, pg_trgm };

function templatePath(): string {
  // Keyed by PGlite's version: a cluster made by one version must not be opened by another.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite'); // …/pglite/dist/index.cjs
  const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return fromPackageRoot('node_modules', '.cache', 'puente', `pglite-${pkg.version}.tgz`);
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
