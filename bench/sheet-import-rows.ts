/**
 * The sheet-import bench's rows: generated from the real UPR Info exports' shape
 * (/work/shared/data/upr-info-2008-2014, or `UPR_INFO_DIR`): their texts, States, responses and issue
 * lists, cycled with fresh statement slugs until there are enough. The bench's parent writes them to a
 * CSV as the export writes it; the baseline's child process generates the same rows again rather than
 * receive them, so neither process holds the other's memory.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { csvStream, type ExportRow } from '../src/features/exports/index.js';
import { slugify } from '../src/platform/forms/problems.js';

const DATA = process.env.UPR_INFO_DIR ?? '/work/shared/data/upr-info-2008-2014';

export interface UprRow {
  to: string;
  text: string;
  from: string;
  response: string;
  issues: string[];
  session: string;
}

export function realRows(): UprRow[] {
  const rows: UprRow[] = [];
  for (const name of ['1-5.csv', '14-17.csv']) {
    const text = iconv.decode(readFileSync(join(DATA, name)), 'macintosh');
    const records = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<
      string,
      string
    >[];
    for (const r of records) {
      if (!r.To || !r.Text) continue;
      rows.push({
        to: r.To.trim(),
        text: r.Text.trim(),
        from: (r.From ?? '').trim(),
        response: (r.Response ?? '').trim(),
        issues: (r.Issue ?? '')
          .split(',')
          .map((i) => i.trim())
          .filter(Boolean),
        session: (r.Session ?? '').trim(),
      });
    }
  }
  return rows;
}

/** `count` generated rows, one at a time: statement = (cycle, session, State under review). */
export function* generated(real: UprRow[], count: number): Generator<ExportRow> {
  const numbers = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const r = real[i % real.length]!;
    const cycle = Math.floor(i / real.length) + 1;
    const statement = `upr-c${cycle}-s${r.session}-${slugify(r.to, 40)}`;
    const number = (numbers.get(statement) ?? 0) + 1;
    numbers.set(statement, number);
    const position = r.response === 'Accepted' ? 'accepted' : 'noted';
    yield {
      statement_slug: statement,
      statement_date: `20${String(8 + (Number(r.session) % 7)).padStart(2, '0')}-0${1 + (cycle % 9)}-15`,
      statement_state: 'published',
      statement_title_en: `UPR cycle ${cycle}, session ${r.session}: recommendations to ${r.to}`,
      statement_title_es: '',
      recommendation_slug: `r${number}`,
      recommendation_number: String(number),
      recommendation_original_language: 'en',
      recommendation_text_en: `${r.text} (${r.from})`,
      recommendation_text_es: '',
      themes: r.issues.join('; '),
      addressees: r.to,
      current_status: '',
      current_status_date: '',
      entry_type: 'response',
      entry_date: '2015-03-01',
      entry_publication: 'published',
      entry_value: position,
      entry_addressee: r.to,
      entry_summary_en: '',
      entry_summary_es: '',
      entry_source_url: '',
      entry_evidence_urls: '',
    };
  }
}

async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** Writes `count` generated rows to `file` as the export writes them (exports' csvStream). */
export async function writeRowsFile(file: string, real: UprRow[], count: number): Promise<void> {
  await pipeline(csvStream(asAsync(generated(real, count))), createWriteStream(file));
}
