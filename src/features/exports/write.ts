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
import { type ExportRow, HEADERS, rowCells } from './columns.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function* cellsOf(rows: AsyncIterable<ExportRow>): AsyncGenerator<string[]> {
  for await (const row of rows) yield rowCells(row);
}

export function csvStream(rows: AsyncIterable<ExportRow>): Readable {
  const csv = stringify({ bom: true, header: true, columns: [...HEADERS], record_delimiter: 'windows' });
  // pipeline: an error while reading the database ends the download instead of leaving it hanging.
  pipeline(Readable.from(cellsOf(rows)), csv, () => {});
  return csv;
}

export function xlsxStream(rows: AsyncIterable<ExportRow>, sheetName: string): Readable {
  const out = new PassThrough();
  void (async () => {
    // Loaded when first needed: exceljs is large, and most processes never write a spreadsheet.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Wide enough to read each header, wider for the texts; the first row stays in view when scrolling.
    sheet.columns = HEADERS.map((header) => ({
      width: /_(text|title|summary)_/.test(header) ? 60 : header.length + 2,
    }));
    sheet.addRow([...HEADERS]).commit();
    for await (const cells of cellsOf(rows)) {
      sheet.addRow(cells).commit();
      // Wait for a slow reader instead of buffering the whole file.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}
