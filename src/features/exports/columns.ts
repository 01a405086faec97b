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

/**
 * How the importer reads a cell (features/sheet-import): the same table the export writes from, so a
 * column cannot be written one way and read another.
 * - `slug`, `date` (YYYY-MM-DD), `number` (whole, from 1), `language` (en/es), `url` (http/https), `text`;
 * - `urls`: a `; `-separated list of addresses;
 * - `choice`: one of `values`.
 * `required`: always, only on rows with an entry (`entry_type` set), or never (empty is fine).
 */
export type CellKind = 'slug' | 'date' | 'number' | 'language' | 'url' | 'text' | 'urls' | 'choice';

export interface ExportColumn {
  /** The header, as written in the file and read by the importer. */
  header: string;
  /** Part of the statement (repeated on each of its rows), the recommendation, or the follow-up entry. */
  of: 'statement' | 'recommendation' | 'entry';
  kind: CellKind;
  required: 'always' | 'entry' | 'never';
  /** `choice` columns: the values a cell may hold (empty allowed when not required). */
  values?: readonly string[];
}

export const STATEMENT_STATES = ['draft', 'embargoed', 'published', 'withdrawn'] as const;
export const IMPLEMENTATION_STATUSES = [
  'not_started',
  'in_progress',
  'partially_implemented',
  'implemented',
  'reversed',
  'no_longer_relevant',
] as const;
export const RESPONSE_POSITIONS = ['accepted', 'partially_accepted', 'noted', 'rejected', 'no_response'] as const;
export const ENTRY_TYPES = ['response', 'status_update'] as const;
export const ENTRY_PUBLICATIONS = ['published', 'draft'] as const;

export const RECOMMENDATION_COLUMNS = [
  { header: 'statement_slug', of: 'statement', kind: 'slug', required: 'always' },
  { header: 'statement_date', of: 'statement', kind: 'date', required: 'always' },
  { header: 'statement_state', of: 'statement', kind: 'choice', required: 'always', values: STATEMENT_STATES },
  { header: 'statement_title_en', of: 'statement', kind: 'text', required: 'never' },
  { header: 'statement_title_es', of: 'statement', kind: 'text', required: 'never' },
  { header: 'recommendation_slug', of: 'recommendation', kind: 'slug', required: 'always' },
  { header: 'recommendation_number', of: 'recommendation', kind: 'number', required: 'always' },
  { header: 'recommendation_original_language', of: 'recommendation', kind: 'language', required: 'never' },
  { header: 'recommendation_text_en', of: 'recommendation', kind: 'text', required: 'never' },
  { header: 'recommendation_text_es', of: 'recommendation', kind: 'text', required: 'never' },
  // Slugs in an export; the importer also accepts names and matches them (features/sheet-import/match.ts).
  { header: 'themes', of: 'recommendation', kind: 'text', required: 'never' },
  { header: 'addressees', of: 'recommendation', kind: 'text', required: 'never' },
  {
    header: 'current_status',
    of: 'recommendation',
    kind: 'choice',
    required: 'never',
    values: IMPLEMENTATION_STATUSES,
  },
  { header: 'current_status_date', of: 'recommendation', kind: 'date', required: 'never' },
  { header: 'entry_type', of: 'entry', kind: 'choice', required: 'never', values: ENTRY_TYPES },
  { header: 'entry_date', of: 'entry', kind: 'date', required: 'entry' },
  { header: 'entry_publication', of: 'entry', kind: 'choice', required: 'entry', values: ENTRY_PUBLICATIONS },
  // A response's position or a status update's status: which list depends on entry_type (the importer checks).
  { header: 'entry_value', of: 'entry', kind: 'text', required: 'entry' },
  { header: 'entry_addressee', of: 'entry', kind: 'text', required: 'never' },
  { header: 'entry_summary_en', of: 'entry', kind: 'text', required: 'never' },
  { header: 'entry_summary_es', of: 'entry', kind: 'text', required: 'never' },
  { header: 'entry_source_url', of: 'entry', kind: 'url', required: 'never' },
  { header: 'entry_evidence_urls', of: 'entry', kind: 'urls', required: 'never' },
] as const satisfies readonly ExportColumn[];

export type ColumnHeader = (typeof RECOMMENDATION_COLUMNS)[number]['header'];
/** One row of the file, every column present ('' when empty), before cells are protected. */
export type ExportRow = Record<ColumnHeader, string>;

export const HEADERS: readonly ColumnHeader[] = RECOMMENDATION_COLUMNS.map((c) => c.header);

/** Separates the items of a list inside one cell. */
export const LIST_SEPARATOR = '; ';

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

/** Held once: a regular expression literal in the function made a new RegExp per cell (a 250,000-row import reads 5.75 million). */
const PROTECTED = /^'+[=+\-@\t\r]/;

/** What `protectCell` added, taken off again: for the importer reading an exported file. */
export function unprotectCell(value: string): string {
  return PROTECTED.test(value) ? value.slice(1) : value;
}
