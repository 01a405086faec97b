/**
 * UPR Info's database export (CSV): To, To-Rgrp, To-Org, Text, From, From-Rgrp, From-Org, Response,
 * Action, Issue, Session. The files people download are classic Mac Excel exports (Mac Roman, CR line
 * endings); others are UTF-8 or Windows-1252 with CRLF. Both are detected, never asked.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { cycleOf, MAX_SESSION } from './sessions.js';
import {
  POSITION_WORDS,
  positionOf,
  type RowProblem,
  type SourceRead,
  type SourceRecommendation,
} from './source-rows.js';
import { stateCode } from './states.js';

export const UPR_INFO_COLUMNS = [
  'To',
  'To-Rgrp',
  'To-Org',
  'Text',
  'From',
  'From-Rgrp',
  'From-Org',
  'Response',
  'Action',
  'Issue',
  'Session',
] as const;

export class UnreadableFile extends Error {}

export type Encoding = 'utf-8' | 'macintosh' | 'windows-1252';
const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  macintosh: 'Mac Roman',
  'windows-1252': 'Windows-1252',
};

/**
 * UTF-8 when the bytes are valid UTF-8. Otherwise Mac Roman or Windows-1252, whichever reads as more
 * plausible text: the two put accented letters and typographic quotes at different bytes, so the
 * wrong one turns "é" into "È" or "ť" and curly quotes into letters.
 */
export function detectEncoding(bytes: Uint8Array): Encoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    const score = (text: string) => {
      let n = 0;
      for (const c of text) {
        if (c.charCodeAt(0) < 128) continue;
        n += /[a-zà-öø-ÿ’‘“”–—°ñçœ]/u.test(c) ? 1 : -2;
      }
      return n;
    };
    const mac = score(iconv.decode(Buffer.from(bytes), 'macintosh'));
    const win = score(iconv.decode(Buffer.from(bytes), 'windows-1252'));
    return win > mac ? 'windows-1252' : 'macintosh';
  }
}

function lineEndings(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  if (cr >= crlf && cr >= lf && cr > 0) return 'CR';
  return crlf >= lf && crlf > 0 ? 'CRLF' : 'LF';
}

/**
 * A row the CSV reader cannot cut into cells stops the whole file (after it, nothing is certain). Almost
 * always a quote: never closed, or closed in mid-cell. Which row: the first whose quotes do not balance
 * (UPR Info's cells have no line breaks), else the line the reader stopped at.
 */
function unreadableRow(text: string, fileName: string, format: string, code: string, at?: number): SourceRead {
  const lines = text.split('\n');
  const unbalanced = lines.findIndex((line) => (line.match(/"/g) ?? []).length % 2 === 1) + 1;
  const row = unbalanced > 0 ? unbalanced : (at ?? lines.length);
  const quote = code.includes('QUOTE') || unbalanced > 0;
  return {
    source: 'upr-info',
    format,
    rows: [],
    skipped: [],
    warnings: [],
    problems: [
      {
        row,
        column: '(row)',
        problem: quote ? 'starts a quoted cell (") that is never closed' : `cannot be read as CSV (${code})`,
        todo: quote
          ? `close the quote in "${fileName}" (a quote inside a cell is written twice: "")`
          : 'export the file again from UPR Info as CSV',
      },
    ],
  };
}

/** The export writes "(" and ")" as HTML character references in places ("&#40;Unknown&#41;"). */
function unescapeCell(cell: string): string {
  return cell
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .trim();
}

export function readUprInfo(bytes: Uint8Array, fileName: string, forced?: Encoding): SourceRead {
  const encoding = forced ?? detectEncoding(bytes);
  const text = iconv.decode(Buffer.from(bytes), encoding).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new UnreadableFile(`"${fileName}" is empty`);
  const endings = lineEndings(text);
  const lf = text.replace(/\r\n?/g, '\n');
  let records: string[][];
  try {
    records = parse(lf, { relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    if (!code?.startsWith('CSV_')) throw error;
    return unreadableRow(lf, fileName, `${ENCODING_NAMES[encoding]}, ${endings} line endings`, code, lines);
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const missing = UPR_INFO_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new UnreadableFile(
      `"${fileName}" is not a UPR Info export: it has no column ${missing.map((c) => `"${c}"`).join(', ')} (expected ${UPR_INFO_COLUMNS.join(',')})`,
    );
  }
  const at = Object.fromEntries(UPR_INFO_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof UPR_INFO_COLUMNS)[number],
    number
  >;
  const read: SourceRead = {
    source: 'upr-info',
    format: `${ENCODING_NAMES[encoding]}, ${endings} line endings`,
    rows: [],
    problems: [],
    skipped: [],
    warnings: [],
  };
  records.slice(1).forEach((record, k) => {
    const row = k + 2;
    const problems: RowProblem[] = [];
    const problem = (column: string, what: string, todo: string) => problems.push({ row, column, problem: what, todo });
    if (record.length !== header.length) {
      problem(
        '(row)',
        `has ${record.length} cells where the header has ${header.length}`,
        'check for a missing or extra comma, or a quote that is not closed on this row or the one before',
      );
      read.problems.push(...problems);
      return;
    }
    const cell = (c: (typeof UPR_INFO_COLUMNS)[number]) => unescapeCell(record[at[c]] ?? '');
    const response = cell('Response');
    if (/^voluntary pledge$/i.test(response)) {
      read.skipped.push({ row, reason: 'a voluntary pledge, not a recommendation' });
      return;
    }
    const to = cell('To');
    const country = stateCode(to);
    if (to === '') problem('To', 'is empty', 'write the name of the State under review');
    else if (!country) problem('To', `"${to}" is not a State Puente knows`, 'write the State’s name as the UN does');
    const text = cell('Text');
    if (text === '') problem('Text', 'is empty', 'write the recommendation’s text, or remove the row');
    const position = positionOf(response);
    if (position === undefined)
      problem('Response', `"${response}" is not a response Puente knows`, `write ${POSITION_WORDS}`);
    const sessionCell = cell('Session');
    const session = Number(sessionCell);
    if (!/^\d+$/.test(sessionCell) || session < 1 || session > MAX_SESSION) {
      problem(
        'Session',
        `"${sessionCell}" is not a UPR session number`,
        `write the Working Group session, 1 to ${MAX_SESSION}`,
      );
    }
    const from = cell('From');
    const recommenders = from === '' || /^\(?unknown\)?$/i.test(from) ? [] : [{ name: from, country: stateCode(from) }];
    for (const r of recommenders) {
      if (!r.country) {
        read.warnings.push({
          row,
          column: 'From',
          problem: `"${r.name}" is not a State Puente knows`,
          todo: 'it is kept as written, without a country, so the State filter will not find it',
        });
      }
    }
    if (problems.length > 0) {
      read.problems.push(...problems);
      return;
    }
    const recommendation: SourceRecommendation = {
      row,
      state: { name: to, country: country as string },
      session,
      cycle: cycleOf(session),
      text,
      recommenders,
      position: position ?? null,
      themes: [
        ...new Set(
          cell('Issue')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ],
      sdgs: [],
      reference: null,
      positionSource: null,
    };
    read.rows.push(recommendation);
  });
  return read;
}
