/**
 * OHCHR's "thematic list of recommendations" (a Word table generated from the Universal Human Rights
 * Index), read from the HTML mammoth makes of it. Two layouts, both with one row per recommendation
 * under "Theme: …" header rows:
 * - cycle 3: Recommendation | Position | Full list of themes (themes, then "SDGs:", then "Affected
 *   persons:") | Assessment/comments on level of implementation (empty)
 * - cycle 4: Recommendation and recommending State | Position of the State under review | Human rights
 *   themes and groups of persons (themes, then "Groups of Persons:") | Relevant SDGs
 * The first cell is "121.1 Text (France) (Lithuania);" then "Source of Position: A/HRC/43/15 - Para 121".
 * The State under review and the session are not in the table: they come from the file's name
 * ("UPR34_Slovenia…", "upr48-slovenia-…") or from the command's options.
 */
import * as cheerio from 'cheerio';
import { UnreadableFile } from './read-upr-info.js';
import { cycleOf, MAX_SESSION } from './sessions.js';
import { POSITION_WORDS, positionOf, type SourceRead, type SourceRecommendation } from './source-rows.js';
import { stateCode } from './states.js';

export interface Review {
  state: string;
  session: number;
}

/** "UPR34_Slovenia_Thematic…", "upr48-slovenia-thematic-…" → Slovenia, 34 / 48; null when the name says neither. */
export function reviewFromFileName(fileName: string): Review | null {
  const match = /upr[ _-]?(\d{1,2})[ _-]+([a-z][a-z-]*?)[ _-]+thematic/i.exec(fileName);
  if (!match) return null;
  const state = (match[2] as string).replace(/-/g, ' ');
  return { state, session: Number(match[1]) };
}

const SECTION = /^(SDGs|Affected persons|Groups of persons)\s*:\s*$/i;
const LISTED = /^-\s*/;

/** The cell's paragraphs as trimmed lines. */
function lines($: cheerio.CheerioAPI, cell: ReturnType<cheerio.CheerioAPI>): string[] {
  return cell
    .find('p')
    .toArray()
    .map((p) => $(p).text().replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Themes before the first section label; SDGs after "SDGs:" (or anywhere in a cell of SDGs only). */
function themesAndSdgs(cellLines: string[], sdgCell: string[]): { themes: string[]; sdgs: number[] } {
  const themes: string[] = [];
  const sdgs = new Set<number>();
  let section = 'themes';
  for (const line of cellLines) {
    const label = SECTION.exec(line);
    if (label) {
      section = (label[1] as string).toLowerCase();
      continue;
    }
    const item = line.replace(LISTED, '').trim();
    if (section === 'themes') themes.push(item);
    else if (section === 'sdgs') {
      const goal = /^(\d{1,2})\b/.exec(item);
      if (goal) sdgs.add(Number(goal[1]));
    }
  }
  for (const line of sdgCell) {
    const goal = /^-?\s*(\d{1,2})\s*-/.exec(line);
    if (goal) sdgs.add(Number(goal[1]));
  }
  return { themes: [...new Set(themes)], sdgs: [...sdgs].filter((n) => n >= 1 && n <= 17).sort((a, b) => a - b) };
}

export function readOhchrList(html: string, fileName: string, review: Review | null): SourceRead {
  const $ = cheerio.load(html);
  const table = $('table').first();
  if (table.length === 0) {
    throw new UnreadableFile(`"${fileName}" has no table: it is not an OHCHR thematic list of recommendations`);
  }
  const rows = table.find('tr').toArray();
  const header = lines($, $(rows[0]).children()).join(' | ');
  if (!/^Recommendation/i.test(header) || !/Position/i.test(header)) {
    throw new UnreadableFile(
      `"${fileName}"'s table starts "${header.slice(0, 80)}": an OHCHR thematic list starts "Recommendation | Position | …"`,
    );
  }
  if (!review) {
    throw new UnreadableFile(
      `cannot tell the State under review and the session from "${fileName}": add --state NAME --session N`,
    );
  }
  const country = stateCode(review.state);
  if (!country)
    throw new UnreadableFile(`"${review.state}" is not a State Puente knows: write its name as the UN does`);
  if (!Number.isInteger(review.session) || review.session < 1 || review.session > MAX_SESSION) {
    throw new UnreadableFile(`${review.session} is not a UPR session number: use 1 to ${MAX_SESSION}`);
  }
  const stateName = new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? review.state;
  const sdgColumn = /SDG/i.test(lines($, $(rows[0]).children().eq(3)).join(' '));
  const read: SourceRead = {
    source: 'ohchr',
    format: sdgColumn
      ? 'OHCHR thematic list, SDGs in their own column (cycle 4 layout)'
      : 'OHCHR thematic list (cycle 3 layout)',
    rows: [],
    problems: [],
    skipped: [],
    warnings: [],
  };
  let headerTheme: string | null = null;
  const seen = new Set<string>();
  rows.slice(1).forEach((tr, k) => {
    const row = k + 2;
    const cells = $(tr).children('td,th');
    const first = lines($, cells.eq(0));
    const theme = /^Theme:\s*(.+)$/i.exec(first[0] ?? '');
    if (theme && (cells.length === 1 || Number(cells.eq(0).attr('colspan')) > 1 || cells.length >= 1)) {
      headerTheme = (theme[1] as string).trim();
      read.skipped.push({ row, reason: `theme header "${headerTheme}"` });
      return;
    }
    const problem = (column: string, what: string, todo: string) =>
      read.problems.push({ row, column, problem: what, todo });
    if (cells.length < 3) {
      problem('(row)', `has ${cells.length} cells`, 'a recommendation row has Recommendation, Position and themes');
      return;
    }
    const sourceLine = first.find((l) => /^Source of position\s*:/i.test(l));
    const textLines = first.filter((l) => l !== sourceLine);
    const numbered = /^(\d+\.\d+)\s+(.+)$/s.exec(textLines.join(' '));
    if (!numbered) {
      problem(
        'Recommendation',
        'does not start with its paragraph number ("121.1 …")',
        'check the row was not split or edited',
      );
      return;
    }
    const reference = numbered[1] as string;
    if (seen.has(reference)) {
      read.skipped.push({ row, reason: `${reference} again (listed under a second theme)` });
      return;
    }
    const text = (numbered[2] as string).trim();
    const positionCell = lines($, cells.eq(1)).join(' ');
    const position = positionOf(positionCell);
    if (position === undefined) {
      problem('Position', `"${positionCell}" is not a position Puente knows`, `write ${POSITION_WORDS}`);
      return;
    }
    const recommenders: { name: string; country: string | null }[] = [];
    for (const m of text.matchAll(/\(((?:[^()]|\([^()]*\)){2,80})\)/g)) {
      const name = (m[1] as string).trim();
      const code = stateCode(name);
      if (code && !recommenders.some((r) => r.country === code)) recommenders.push({ name, country: code });
    }
    if (recommenders.length === 0) {
      read.warnings.push({
        row,
        column: 'Recommendation',
        problem: `${reference} names no recommending State Puente knows`,
        todo: 'it is imported without one; check the State’s name in brackets at the end of the text',
      });
    }
    const { themes, sdgs } = themesAndSdgs(lines($, cells.eq(2)), sdgColumn ? lines($, cells.eq(3)) : []);
    seen.add(reference);
    const recommendation: SourceRecommendation = {
      row,
      state: { name: stateName, country },
      session: review.session,
      cycle: cycleOf(review.session),
      text,
      recommenders,
      position,
      themes: themes.length > 0 ? themes : headerTheme ? [headerTheme] : [],
      sdgs,
      reference,
      positionSource: sourceLine ? sourceLine.replace(/^Source of position\s*:\s*/i, '').trim() : null,
    };
    read.rows.push(recommendation);
  });
  return read;
}
