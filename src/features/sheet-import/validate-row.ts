/**
 * One row's cells checked against the column table (exports/columns.ts) and read into typed values.
 * Pure: no database. Each problem names the row, the column, what is wrong (a code the catalogs
 * explain, with what to do) and the value found, so the dry run can list them all at once.
 */
import { isIsoDate, SLUG } from '../../platform/forms/problems.js';
import {
  type ColumnHeader,
  HEADERS,
  IMPLEMENTATION_STATUSES,
  LIST_SEPARATOR,
  RECOMMENDATION_COLUMNS,
  RESPONSE_POSITIONS,
  unprotectCell,
} from '../exports/index.js';
import type { SheetRow } from './read-sheet.js';

export type RowProblemCode =
  | 'required'
  | 'bad-slug'
  | 'bad-date'
  | 'bad-number'
  | 'bad-language'
  | 'bad-url'
  | 'bad-choice'
  | 'too-long'
  | 'extra-cells'
  | 'no-text'
  | 'no-original-text'
  | 'no-title'
  | 'entry-without-type'
  | 'bad-position'
  | 'bad-status'
  | 'response-needs-addressee'
  | 'status-date-without-status'
  | 'status-without-date'
  | 'embargo-unknown'
  | 'inconsistent'
  | 'statement-differs'
  | 'recommendation-differs'
  | 'duplicate-number';

export interface RowProblem {
  row: number;
  /** The column the problem is in ('' for the row as a whole). */
  column: ColumnHeader | '';
  code: RowProblemCode;
  /** The cell's value (cut short), or what it should agree with. */
  value: string;
}

/** Longest text a cell may hold: far beyond any recommendation, short of a pasted document. */
export const MAX_CELL = 20_000;

export interface ParsedEntry {
  type: 'response' | 'status_update';
  date: string;
  publication: 'published' | 'draft';
  value: string;
  addressee: string;
  summaryEn: string;
  summaryEs: string;
  sourceUrl: string;
  evidenceUrls: string[];
}

export interface ParsedRow {
  row: number;
  statement: {
    slug: string;
    date: string;
    state: 'draft' | 'published' | 'withdrawn';
    titleEn: string;
    titleEs: string;
  };
  recommendation: {
    slug: string;
    number: number;
    originalLanguage: 'en' | 'es';
    textEn: string;
    textEs: string;
    themes: string[];
    addressees: string[];
    currentStatus: string;
    currentStatusDate: string;
  };
  entry: ParsedEntry | null;
}

const URL_RE = /^https?:\/\/[^\s]+$/i;
const short = (value: string) => (value.length > 80 ? `${value.slice(0, 77)}…` : value);

export const splitList = (cell: string): string[] =>
  cell
    .split(LIST_SEPARATOR.trim())
    .map((item) => item.trim())
    .filter((item) => item !== '');

const NUMBER = /^[1-9][0-9]{0,5}$/;

/** Whether a non-empty cell is what its column's kind asks for. */
function cellIsValid(column: (typeof RECOMMENDATION_COLUMNS)[number], value: string): boolean {
  switch (column.kind) {
    case 'slug':
      return SLUG.test(value);
    case 'date':
      return isIsoDate(value);
    case 'number':
      return NUMBER.test(value);
    case 'language':
      return value === 'en' || value === 'es';
    case 'url':
      return URL_RE.test(value);
    case 'urls':
      return splitList(value).every((u) => URL_RE.test(u));
    case 'choice':
      return ((column as { values?: readonly string[] }).values ?? []).includes(value);
    case 'text':
      return true;
  }
}

/** The row read, or its problems (never both). */
export function validateRow(
  sheetRow: SheetRow,
): { parsed: ParsedRow; problems: [] } | { parsed: null; problems: RowProblem[] } {
  const { row } = sheetRow;
  const problems: RowProblem[] = [];
  const problem = (column: ColumnHeader | '', code: RowProblemCode, value = '') =>
    problems.push({ row, column, code, value: short(value) });
  // A copy of the same shape, changed in place (read-sheet.ts's EMPTY_CELLS): no per-cell garbage.
  const cell: Record<string, string> = { ...sheetRow.cells };
  for (const header of HEADERS) cell[header] = unprotectCell((cell[header] ?? '').trim());
  if (sheetRow.extraCells) problem('', 'extra-cells');

  const hasEntry = cell.entry_type !== '';
  for (const column of RECOMMENDATION_COLUMNS) {
    const value = cell[column.header] ?? '';
    if (value === '') {
      if (column.required === 'always' || (column.required === 'entry' && hasEntry)) problem(column.header, 'required');
      continue;
    }
    if (value.length > MAX_CELL) {
      problem(column.header, 'too-long', value);
      continue;
    }
    const ok = cellIsValid(column, value);
    if (!ok) {
      const code = (
        {
          slug: 'bad-slug',
          date: 'bad-date',
          number: 'bad-number',
          language: 'bad-language',
          url: 'bad-url',
          urls: 'bad-url',
          choice: 'bad-choice',
          text: 'required',
        } as const
      )[column.kind];
      problem(column.header, code, value);
    }
  }

  if (cell.statement_state === 'embargoed') problem('statement_state', 'embargo-unknown', 'embargoed');
  if (cell.statement_title_en === '' && cell.statement_title_es === '') problem('statement_title_en', 'no-title');
  if (cell.recommendation_text_en === '' && cell.recommendation_text_es === '') {
    problem('recommendation_text_en', 'no-text');
  } else if (
    (cell.recommendation_original_language === 'en' || cell.recommendation_original_language === 'es') &&
    cell[`recommendation_text_${cell.recommendation_original_language}`] === ''
  ) {
    problem(`recommendation_text_${cell.recommendation_original_language}` as ColumnHeader, 'no-original-text');
  }
  if (cell.current_status_date !== '' && cell.current_status === '') {
    problem('current_status', 'status-date-without-status', cell.current_status_date ?? '');
  }
  if (cell.current_status !== '' && cell.current_status_date === '' && !hasEntry) {
    problem('current_status_date', 'status-without-date');
  }
  if (!hasEntry) {
    for (const column of RECOMMENDATION_COLUMNS) {
      if (column.of === 'entry' && cell[column.header] !== '') {
        problem('entry_type', 'entry-without-type', column.header);
        break;
      }
    }
  } else if (cell.entry_type === 'response') {
    if (cell.entry_value !== '' && !(RESPONSE_POSITIONS as readonly string[]).includes(cell.entry_value ?? '')) {
      problem('entry_value', 'bad-position', cell.entry_value);
    }
    if (cell.entry_addressee === '') problem('entry_addressee', 'response-needs-addressee');
  } else if (cell.entry_type === 'status_update') {
    if (cell.entry_value !== '' && !(IMPLEMENTATION_STATUSES as readonly string[]).includes(cell.entry_value ?? '')) {
      problem('entry_value', 'bad-status', cell.entry_value);
    }
  }
  if (problems.length > 0) return { parsed: null, problems };

  const c = cell as Record<ColumnHeader, string>;
  const original =
    c.recommendation_original_language === 'en' || c.recommendation_original_language === 'es'
      ? c.recommendation_original_language
      : c.recommendation_text_en !== ''
        ? 'en'
        : 'es';
  return {
    parsed: {
      row,
      statement: {
        slug: c.statement_slug,
        date: c.statement_date,
        state: c.statement_state as ParsedRow['statement']['state'],
        titleEn: c.statement_title_en,
        titleEs: c.statement_title_es,
      },
      recommendation: {
        slug: c.recommendation_slug,
        number: Number(c.recommendation_number),
        originalLanguage: original,
        textEn: c.recommendation_text_en,
        textEs: c.recommendation_text_es,
        themes: splitList(c.themes),
        addressees: splitList(c.addressees),
        currentStatus: c.current_status,
        currentStatusDate: c.current_status_date,
      },
      entry: hasEntry
        ? {
            type: c.entry_type as ParsedEntry['type'],
            date: c.entry_date,
            publication: c.entry_publication as ParsedEntry['publication'],
            value: c.entry_value,
            addressee: c.entry_addressee,
            summaryEn: c.entry_summary_en,
            summaryEs: c.entry_summary_es,
            sourceUrl: c.entry_source_url,
            evidenceUrls: splitList(c.entry_evidence_urls),
          }
        : null,
    },
    problems: [],
  };
}
