/**
 * The two file formats of a recommendation export, each written as a stream from the rows'
 * async generator (rows.ts), so memory holds one batch of recommendations whatever the export's size.
 *
 * CSV: csv-stringify (RFC 4180 quoting, CRLF line ends) with a UTF-8 byte order mark, so Excel opens
 * Spanish text as UTF-8 instead of guessing a Windows code page. XLSX: exceljs's streaming workbook
 * writer, every cell a text cell (dates and numbers stay exactly as in the CSV, so the two formats
 * hold the same values). Both libraries are widely used and maintained; writing ZIP/XML or CSV
 * quoting by hand is where such exports usually go wrong.
 */
import { once } from 'node:events';
import { PassThrough, pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { HEADERS, protectCell } from './columns.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Rows of text cells by column header; the recommendation export's by default, any other table's given its headers. */
type Row = Readonly<Record<string, string>>;

async function* cellsOf(rows: AsyncIterable<Row>, headers: readonly string[]): AsyncGenerator<string[]> {
  for await (const row of rows) yield headers.map((header) => protectCell(row[header] ?? ''));
}

export function csvStream(rows: AsyncIterable<Row>, headers: readonly string[] = HEADERS): Readable {
  const csv = stringify({ bom: true, header: true, columns: [...headers], record_delimiter: 'windows' });
  // pipeline: an error while reading the database ends the download instead of leaving it hanging.
  pipeline(Readable.from(cellsOf(rows, headers)), csv, () => {});
  return csv;
}

/** The time written into a spreadsheet's properties and ZIP entries: fixed, so unchanged data gives unchanged bytes. */
const FIXED_FILE_TIME = new Date('2020-01-01T00:00:00Z');

type ExcelModule = typeof import('exceljs');
interface ZipArchive {
  append(source: unknown, data: Record<string, unknown>): unknown;
}

/**
 * exceljs's streaming writer whose ZIP entries all carry FIXED_FILE_TIME instead of the time of writing, so the
 * same rows give the same bytes (ETags, the static copy's byte-identical re-runs). exceljs has no option for it
 * and appends its first entries (theme, relationships) inside its constructor, so the archive is stamped from
 * `addThemes()`, the first thing the constructor does with it.
 */
function fixedTimeWorkbookWriter(ExcelJS: ExcelModule) {
  const Base = ExcelJS.stream.xlsx.WorkbookWriter;
  return class FixedTimeWorkbookWriter extends Base {
    override addThemes(): Promise<void> {
      const zip = (this as unknown as { zip: ZipArchive }).zip;
      const append = zip.append.bind(zip);
      zip.append = (source, data) => append(source, { ...data, date: FIXED_FILE_TIME });
      return super.addThemes();
    }
  };
}

export function xlsxStream(
  rows: AsyncIterable<Row>,
  sheetName: string,
  headers: readonly string[] = HEADERS,
): Readable {
  const out = new PassThrough();
  void (async () => {
    // Loaded when first needed: exceljs is large, and most processes never write a spreadsheet.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new (fixedTimeWorkbookWriter(ExcelJS))({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
    });
    workbook.created = FIXED_FILE_TIME;
    workbook.modified = FIXED_FILE_TIME;
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Wide enough to read each header, wider for the texts; the first row stays in view when scrolling.
    sheet.columns = headers.map((header) => ({
      width: /_(text|title|summary)_/.test(header) ? 60 : header.length + 2,
    }));
    sheet.addRow([...headers]).commit();
    for await (const cells of cellsOf(rows, headers)) {
      sheet.addRow(cells).commit();
      // Wait for a slow reader instead of buffering the whole file.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}
