/**
 * The reader lets go of what its caller gave it: a caller (run.ts) holds the source to the end of the publish, and
 * a listener left on it kept the whole pass alive through the progress callback (issue 17: 27 MB of a
 * 250,000-row import's JS heap, live through the publish).
 */
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { HEADERS } from '../exports/index.js';
import { bufferSource, readSheet, SheetFileError } from './read-sheet.js';

const file = (headers: readonly string[], rows: number) =>
  Buffer.from(
    stringify(
      Array.from({ length: rows }, (_, k) => headers.map((h) => (h === 'recommendation_slug' ? `r${k + 1}` : ''))),
      { header: true, columns: [...headers] },
    ),
  );

async function readAll(source: ReturnType<typeof bufferSource>) {
  const rows: number[] = [];
  for await (const row of readSheet(source, 'csv', () => {})) rows.push(row.row);
  return rows;
}

describe('readSheet', () => {
  it('leaves no listener of its own on the source once the file is read', async () => {
    const source = bufferSource(file(HEADERS, 3));
    const before = source.listenerCount('error');
    expect(await readAll(source)).toEqual([2, 3, 4]);
    expect(source.listenerCount('error')).toBe(before);
    expect(source.listenerCount('data')).toBe(0);
  });

  it('nor when the file is refused', async () => {
    const source = bufferSource(file(['statement_slug', 'nonsense'], 2));
    const before = source.listenerCount('error');
    await expect(readAll(source)).rejects.toBeInstanceOf(SheetFileError);
    expect(source.listenerCount('error')).toBe(before);
    expect(source.listenerCount('data')).toBe(0);
  });
});
