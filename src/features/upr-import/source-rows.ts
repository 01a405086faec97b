/** What an importer reads from a source file, before anything is compared with the database. */

/** The positions a State takes on a recommendation, as follow-up stores them (schema/followup.ts). */
export type ReviewPosition = 'accepted' | 'partially_accepted' | 'noted' | 'rejected';

export type SourceName = 'upr-info' | 'ohchr';

export interface SourceRecommendation {
  /** The row as the file numbers it (the header is row 1), for messages. */
  row: number;
  /** The State under review: its name as the source writes it and its ISO code. */
  state: { name: string; country: string };
  session: number;
  cycle: number;
  text: string;
  /** The recommending States, in the source's order; `country` null when the name is not a State we know. */
  recommenders: { name: string; country: string | null }[];
  /** Null: the source records no response yet. */
  position: ReviewPosition | null;
  /** Theme labels in the source's vocabulary. */
  themes: string[];
  sdgs: number[];
  /** The source's number for it ("121.1"), when it has one. */
  reference: string | null;
  /** Where the position was given ("A/HRC/43/15/Add.1 - Para.3"). */
  positionSource: string | null;
}

/** One thing wrong with one row: where (row, column), what, and what to do about it. */
export interface RowProblem {
  row: number;
  column: string;
  problem: string;
  todo: string;
}

export interface SourceRead {
  source: SourceName;
  /** What was detected about the file itself ("Mac Roman, CR line endings"). */
  format: string;
  rows: SourceRecommendation[];
  problems: RowProblem[];
  /** Rows read but not recommendations (voluntary pledges; theme header rows), with why. */
  skipped: { row: number; reason: string }[];
  /** Notes that are not errors (a recommending State that is not one we know). */
  warnings: RowProblem[];
}

const POSITIONS: Record<string, ReviewPosition> = {
  accepted: 'accepted',
  supported: 'accepted',
  'partially accepted': 'partially_accepted',
  'partially supported': 'partially_accepted',
  'supported in part': 'partially_accepted',
  noted: 'noted',
  rejected: 'rejected',
};

/** A response cell → a position; null for no response yet; undefined when the word is unknown. */
export function positionOf(cell: string): ReviewPosition | null | undefined {
  const word = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  if (word === '' || word === 'no response' || word === 'pending') return null;
  return POSITIONS[word];
}

export const POSITION_WORDS = 'Accepted, Supported, Partially accepted, Noted or Rejected (or leave it empty)';
