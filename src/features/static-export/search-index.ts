/**
 * The copy's search index: pagefind (its binary comes from npm with the package) reads the written pages
 * and returns its bundle (index, fragments, its UI), which is written under `pagefind/`. Pages mark what
 * is indexed with `data-pagefind-body` (their `<main>`), so menus and footers are not, nor are the search
 * pages themselves; each `<html lang>` gets its own index, so each language's search finds its own pages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { PAGEFIND_DIR } from './views.js';

export interface SearchIndexReport {
  /** Pages indexed. */
  pages: number;
  /** Files of the bundle written. */
  files: number;
}

export async function writeSearchIndex(dir: string): Promise<SearchIndexReport> {
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true });
    if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`pagefind could not read the pages: ${added.errors.join('; ')}`);
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new Error(`pagefind could not build the index: ${bundle.errors.join('; ')}`);
    // Sorted, so the files are written in the same order each time (their names are pagefind's content hashes).
    const files = [...bundle.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const file of files) {
      const path = join(dir, PAGEFIND_DIR, ...file.path.split(/[\\/]/));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
    return { pages: added.page_count, files: files.length };
  } finally {
    await pagefind.close();
  }
}
