/**
 * Puente's own directory (the one holding its package.json), for files read at run time: the
 * stylesheet, the migrations, the PGlite template. Found by walking up from this module, so the same
 * code works from src/ (tsx, tests) and from the bundle in dist/, wherever a file sits in either.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'puente') {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`Puente's package.json not found above ${start}`);
  }
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside Puente's directory, from its parts relative to the package root (e.g. 'drizzle'). */
export function fromPackageRoot(...parts: string[]): string {
  return join(packageRoot, ...parts);
}
