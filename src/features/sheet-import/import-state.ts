/**
 * What one import pass remembers between chunks, and how a row's columns are compared with what came
 * before. Memory: the rows are never held; per recommendation only its id, the row that introduced it and a
 * short digest of its columns (to catch two rows of one recommendation that disagree), in typed arrays
 * (seen-recommendations.ts); per statement its columns.
 */
import type { Actor } from '../../platform/audit.js';
import type { CreatedRows } from '../../platform/db/bulk-write.js';
import type { Db } from '../../platform/db/client.js';
import type { StagingBatch } from '../../platform/db/staged-write.js';
import { type LocalizedText, localized } from '../../platform/text/localized-text.js';
import type { ColumnHeader } from '../exports/index.js';
import type { VocabularyMatch } from './match.js';
import { PROBLEMS_LISTED, type SheetReport } from './report.js';
import type { SeenRecommendations } from './seen-recommendations.js';
import type { ParsedRow, RowProblem } from './validate-row.js';

export interface StatementSeen {
  id: number;
  existed: boolean;
  fields: string[];
  row: number;
}

export interface ImportState {
  /** Read outside any transaction, between chunks: pages are served meanwhile. */
  db: Db;
  /** Where the chunks' rows are written, unseen until the pass is published (run.ts). */
  batch: StagingBatch;
  actor: Actor;
  now: Date;
  report: SheetReport;
  created: CreatedRows;
  statements: Map<string, StatementSeen>;
  /** Every recommendation met so far, kept compact: the pass's one structure as large as the file. */
  recommendations: SeenRecommendations;
  /** Recommendation numbers used so far, by statement id. */
  numbersTaken: Map<number, Set<number>>;
  vocabulary: {
    theme: Map<string, VocabularyMatch & { id: number }>;
    addressee: Map<string, VocabularyMatch & { id: number }>;
  };
}

export function addProblem(state: ImportState, problem: RowProblem): void {
  state.report.problemCount++;
  if (state.report.problems.length < PROBLEMS_LISTED) state.report.problems.push(problem);
}

/** A recommendation's key within one chunk's maps (statement slug and recommendation slug). */
export const recommendationKey = (p: ParsedRow) => [p.statement.slug, p.recommendation.slug].join('\u0000');

export const STATEMENT_COLUMNS: ColumnHeader[] = [
  'statement_date',
  'statement_state',
  'statement_title_en',
  'statement_title_es',
];

export const RECOMMENDATION_COLUMNS_CHECKED: ColumnHeader[] = [
  'recommendation_number',
  'recommendation_original_language',
  'recommendation_text_en',
  'recommendation_text_es',
  'themes',
  'addressees',
  'current_status',
  'current_status_date',
];

export const statementFields = (p: ParsedRow) => [
  p.statement.date,
  p.statement.state,
  p.statement.titleEn,
  p.statement.titleEs,
];

export const DIGEST_WIDTH = 4;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/**
 * 24 bits of a column's FNV-1a hash as four base64 characters. Only two rows of one file are ever compared
 * (no adversary, a one in 16 million miss per column, as sha1's first 24 bits gave), and in plain JS it
 * costs no call into native code: a native hash per column was 8 calls a row, ~6% of a 250,000-row pass.
 */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  const bits = (h ^ (h >>> 24)) & 0xffffff;
  return BASE64[bits >>> 18]! + BASE64[(bits >>> 12) & 63]! + BASE64[(bits >>> 6) & 63]! + BASE64[bits & 63]!;
}
export const recommendationDigest = (p: ParsedRow) =>
  [
    String(p.recommendation.number),
    p.recommendation.originalLanguage,
    p.recommendation.textEn,
    p.recommendation.textEs,
    p.recommendation.themes.join('\n'),
    p.recommendation.addressees.join('\n'),
    p.recommendation.currentStatus,
    p.recommendation.currentStatusDate,
  ]
    .map(digest)
    .join('');

/** Original in one language, the other as its translation (the file does not say which for titles and summaries). */
export function bilingual(original: 'en' | 'es', en: string, es: string): LocalizedText {
  const texts = { en, es };
  const other = original === 'en' ? 'es' : 'en';
  if (texts[original] === '') return texts[other] === '' ? {} : localized(other, texts[other]);
  return localized(original, texts[original], { [other]: texts[other] });
}
export const firstFilled = (en: string): 'en' | 'es' => (en !== '' ? 'en' : 'es');
