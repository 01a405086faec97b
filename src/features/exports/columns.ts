/**
 * The columns of the recommendation spreadsheets, defined once: the CSV and XLSX exports write them
 * in this order, and the bulk import (issue 17) reads them, so an export imported into an empty
 * database and exported again gives the same file. docs/data-columns.md documents each one.
 *
 * One canonical header set, language-neutral snake_case: a file made from the Spanish pages is the
 * same file as one made from the English pages, and a program (or the importer) never has to guess
 * a header's language. Texts that exist in both languages have a column per language.
 *
 * Layout: one row per follow-up entry (a government response or a status update) of each
 * recommendation, in date order, the recommendation's columns repeated on each; a recommendation
 * with no entry has one row with the entry columns empty. Dates are ISO 8601 (YYYY-MM-DD); lists
 * inside a cell (theme slugs, addressee slugs, evidence addresses) are separated by "; ".
 */

export interface ExportColumn {
  /** The header, as written in the file and read by the importer. */
  header: string;
  /** Part of the recommendation (repeated on each of its rows) or of the follow-up entry. */
  of: 'recommendation' | 'entry';
}

export const RECOMMENDATION_COLUMNS = [
  { header: 'statement_slug', of: 'recommendation' },
  { header: 'statement_date', of: 'recommendation' },
  { header: 'statement_state', of: 'recommendation' },
  { header: 'statement_title_en', of: 'recommendation' },
  { header: 'statement_title_es', of: 'recommendation' },
  { header: 'recommendation_slug', of: 'recommendation' },
  { header: 'recommendation_number', of: 'recommendation' },
  { header: 'recommendation_original_language', of: 'recommendation' },
  { header: 'recommendation_text_en', of: 'recommendation' },
  { header: 'recommendation_text_es', of: 'recommendation' },
  { header: 'themes', of: 'recommendation' },
  { header: 'addressees', of: 'recommendation' },
  { header: 'current_status', of: 'recommendation' },
  { header: 'current_status_date', of: 'recommendation' },
  { header: 'entry_type', of: 'entry' },
  { header: 'entry_date', of: 'entry' },
  { header: 'entry_publication', of: 'entry' },
  { header: 'entry_value', of: 'entry' },
  { header: 'entry_addressee', of: 'entry' },
  { header: 'entry_summary_en', of: 'entry' },
  { header: 'entry_summary_es', of: 'entry' },
  { header: 'entry_source_url', of: 'entry' },
  { header: 'entry_evidence_urls', of: 'entry' },
] as const satisfies readonly ExportColumn[];

export type ColumnHeader = (typeof RECOMMENDATION_COLUMNS)[number]['header'];
/** One row of the file, every column present ('' when empty), before cells are protected. */
export type ExportRow = Record<ColumnHeader, string>;

export const HEADERS: readonly ColumnHeader[] = RECOMMENDATION_COLUMNS.map((c) => c.header);

/** Separates the items of a list inside one cell. */
export const LIST_SEPARATOR = '; ';

/** The row as cells in column order. */
export function rowCells(row: ExportRow): string[] {
  return HEADERS.map((header) => protectCell(row[header]));
}

const NEEDS_PROTECTION = /^'*[=+\-@\t\r]/;

/**
 * Formula injection (CWE-1236): a cell a spreadsheet would read as a formula (= + - @, or a tab or
 * carriage return before one) gets a leading apostrophe, which Excel and LibreOffice show as text.
 * Applied to both formats so they hold the same values; the importer removes it (`unprotectCell`).
 * A text that itself starts with apostrophes before such a character gets one more, so taking one
 * off always gives the text back.
 */
export function protectCell(value: string): string {
  return NEEDS_PROTECTION.test(value) ? `'${value}` : value;
}

/** What `protectCell` added, taken off again: for the importer reading an exported file. */
export function unprotectCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
