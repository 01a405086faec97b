/** What an import read, matched and would write (or wrote): the dry run's and the commit's report. */
import type { VocabularyMatch } from './match.js';
import type { SheetFileError } from './read-sheet.js';
import type { RowProblem } from './validate-row.js';

/** Problems kept for the report; more are counted, not listed (fix the first ones and run it again). */
export const PROBLEMS_LISTED = 500;

export interface Counts {
  created: number;
  unchanged: number;
}

export interface SheetReport {
  fileName: string;
  /** True when the rows were written; false for a dry run and for any import with a problem. */
  committed: boolean;
  rows: number;
  statements: Counts;
  recommendations: Counts;
  responses: Counts & { byPosition: Record<string, number> };
  statusUpdates: Counts;
  themes: VocabularyMatch[];
  addressees: VocabularyMatch[];
  problems: RowProblem[];
  problemCount: number;
  /** The file as a whole could not be read (no row was). */
  fileProblem: { code: SheetFileError['code']; detail: string } | null;
}

export function emptyReport(fileName: string): SheetReport {
  return {
    fileName,
    committed: false,
    rows: 0,
    statements: { created: 0, unchanged: 0 },
    recommendations: { created: 0, unchanged: 0 },
    responses: { created: 0, unchanged: 0, byPosition: {} },
    statusUpdates: { created: 0, unchanged: 0 },
    themes: [],
    addressees: [],
    problems: [],
    problemCount: 0,
    fileProblem: null,
  };
}

export const hasProblems = (report: SheetReport) => report.problemCount > 0 || report.fileProblem !== null;

/** Anything new to write: a commit of a file already imported adds nothing. */
export const addsSomething = (report: SheetReport) =>
  report.statements.created +
    report.recommendations.created +
    report.responses.created +
    report.statusUpdates.created +
    report.themes.filter((m) => m.how === 'new').length +
    report.addressees.filter((m) => m.how === 'new').length >
  0;
