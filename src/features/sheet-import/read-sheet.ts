/**
 * A recommendation spreadsheet read as a stream of rows, CSV or XLSX, without holding the file's rows:
 * each row is handed on as it is parsed (csv-parse's streaming parser; exceljs's streaming workbook
 * reader, only the first sheet), so 250,000 rows cost one row's memory here.
 *
 * The header row must hold exactly the export's headers (any order); a file that does not is refused
 * whole, before any row (`SheetFileError`), since no row of it could be read right.
 */
import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { type ColumnHeader, HEADERS } from '../exports/index.js';

export type SheetFormat = 'csv' | 'xlsx';

export interface SheetRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  row: number;
  /** Every export column; cells are as written (formula protection still on: see validate-row.ts). */
  cells: Record<ColumnHeader, string>;
  /** Cells beyond the header's columns: a row that does not line up with the header. */
  extraCells: boolean;
}

/** The whole file cannot be read: which problem (a catalog key's code) and about what. */
export class SheetFileError extends Error {
  constructor(
    readonly code: 'not-utf8' | 'bad-csv' | 'not-xlsx' | 'no-header' | 'missing-columns' | 'unknown-columns' | 'empty',
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

export function formatOf(fileName: string): SheetFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** Bytes of the source read so far, for progress. */
export type OnBytes = (bytes: number) => void;

export async function* readSheet(
  source: Readable,
  format: SheetFormat,
  onBytes: OnBytes = () => {},
): AsyncGenerator<SheetRow> {
  let read = 0;
  const counted = source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        read += chunk.length;
        onBytes(read);
        done(null, chunk);
      },
    }),
  );
  const passError = (error: Error) => counted.destroy(error);
  source.on('error', passError);
  try {
    yield* format === 'csv' ? csvRows(counted) : xlsxRows(counted);
  } finally {
    // The source outlives the read (its caller holds it through the publish): left on it, the listener kept
    // `counted`, and through `onBytes` the caller's whole pass (an import's 250,000 recommendations met) alive.
    source.off('error', passError);
    source.unpipe(counted);
  }
}

/** The header's column for each position, after checking it holds exactly the export's headers. */
function columnsOf(header: string[]): (ColumnHeader | null)[] {
  const names = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  if (names.every((n) => n === '')) throw new SheetFileError('no-header');
  const missing = HEADERS.filter((h) => !names.includes(h));
  if (missing.length > 0) throw new SheetFileError('missing-columns', missing.join(', '));
  const unknown = names.filter((n) => n !== '' && !(HEADERS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new SheetFileError('unknown-columns', unknown.join(', '));
  return names.map((n) => ((HEADERS as readonly string[]).includes(n) ? (n as ColumnHeader) : null));
}

/**
 * Every export column, empty: each row's cells start as a copy. Made by JSON.parse, which gives an object of a
 * fixed shape whose copies are too (~250 bytes a row); built key by key (Object.fromEntries), 23 keys made a
 * hash-table object and ~2.7 KB of garbage a row, most of a large import's.
 */
export const EMPTY_CELLS: Readonly<Record<ColumnHeader, string>> = JSON.parse(
  JSON.stringify(Object.fromEntries(HEADERS.map((h) => [h, '']))),
);

function toRow(columns: (ColumnHeader | null)[], values: string[], row: number): SheetRow {
  const cells = { ...EMPTY_CELLS };
  let extraCells = false;
  values.forEach((value, k) => {
    const column = columns[k];
    if (column) cells[column] = value;
    else if (value.trim() !== '') extraCells = true;
  });
  return { row, cells, extraCells };
}

/** UTF-8 only (the export's encoding): anything else is refused rather than read as mojibake. */
function strictUtf8(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(new SheetFileError('not-utf8'));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new SheetFileError('not-utf8'));
      }
    },
  });
}

async function* csvRows(source: Readable): AsyncGenerator<SheetRow> {
  const decoded = source.pipe(strictUtf8());
  source.on('error', (error) => decoded.destroy(error));
  const parser = decoded.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  decoded.on('error', (error) => parser.destroy(error));
  let columns: (ColumnHeader | null)[] | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (!columns) {
        columns = columnsOf(record);
        continue;
      }
      if (record.every((v) => v.trim() === '')) continue;
      yield toRow(columns, record, row);
    }
  } catch (error) {
    if (error instanceof SheetFileError) throw error;
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      throw new SheetFileError('bad-csv', `row ${row + 1}: ${(error as Error).message}`);
    }
    throw error;
  }
  if (!columns) throw new SheetFileError('empty');
}

/** What exceljs gives for a cell, as the text the CSV would hold. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A date typed in a spreadsheet: the calendar day it shows (exceljs reads it as UTC midnight).
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}

async function* xlsxRows(source: Readable): AsyncGenerator<SheetRow> {
  // Loaded when first needed: exceljs is large.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let columns: (ColumnHeader | null)[] | null = null;
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      if (sheets++ > 0) {
        // Only the first sheet is the data; the rest are read past so the stream ends cleanly.
        for await (const _ of worksheet as AsyncIterable<unknown>) void _;
        continue;
      }
      for await (const r of worksheet as AsyncIterable<{ number: number; values: unknown[] }>) {
        const values = (Array.isArray(r.values) ? r.values.slice(1) : []).map(cellText);
        if (!columns) {
          columns = columnsOf(values);
          continue;
        }
        if (values.every((v) => v.trim() === '')) continue;
        yield toRow(columns, values, r.number);
      }
    }
  } catch (error) {
    if (error instanceof SheetFileError) throw error;
    const message = (error as Error).message ?? '';
    if (/zip|signature|end of central directory|invalid|unexpected/i.test(message)) {
      throw new SheetFileError('not-xlsx');
    }
    throw error;
  }
  if (!columns) throw new SheetFileError('empty');
}

/** A file held in memory (the workspace's upload) as a stream. */
export function bufferSource(bytes: Buffer): Readable {
  // Chunks of 64 KB, so progress moves as the file is read rather than in one jump.
  const size = 64 * 1024;
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    })(),
  );
}
