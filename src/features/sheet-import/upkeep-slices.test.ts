/**
 * A bulk publish's derived upkeep runs in slices of ids (platform/db/bulk-write.ts's UPKEEP_SLICE), on both
 * engines: a load of several slices leaves the derived tables (search documents, follow-up rollups, stored
 * numbers, current status) exactly as the per-row triggers leave them for the same rows. The same file is
 * imported twice, under two statement prefixes: once in bulk with a slice of a few ids, once row by row.
 */
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { systemActor } from '../../platform/audit.js';
import { idSlices } from '../../platform/db/bulk-write.js';
import { type Db, queryRows } from '../../platform/db/client.js';
import { type ExportRow, HEADERS } from '../exports/index.js';
import { bufferSource } from './read-sheet.js';
import { runSheetImport } from './run.js';

const STATEMENTS = 5;
const PER_STATEMENT = 9;
/** Fewer ids than any kind has, and not a divisor of them: every step runs over several slices, the last one short. */
const SLICE = 4;

/** Nothing in the rows names the prefix but the statements' slugs, so both imports give the same derived rows. */
function fileOf(prefix: string): Buffer {
  const rows: ExportRow[] = [];
  for (let s = 1; s <= STATEMENTS; s++) {
    for (let r = 1; r <= PER_STATEMENT; r++) {
      // The last statement's numbers leave gaps, so the catch-up renumbers it; the others are numbered at insert.
      const number = s === STATEMENTS ? 2 * r : r;
      const followed = r % 2 === 1;
      const row: ExportRow = {
        statement_slug: `${prefix}-${s}`,
        statement_date: `202${s % 4}-01-20`,
        // One draft: its documents are never public, the others' are from the start.
        statement_state: s === 2 ? 'draft' : 'published',
        statement_title_en: `Recommendations, cycle ${s}`,
        statement_title_es: `Recomendaciones, ciclo ${s}`,
        recommendation_slug: `r${number}`,
        recommendation_number: String(number),
        recommendation_original_language: 'en',
        recommendation_text_en: `Protect the defenders of region ${s}, item ${r}.`,
        recommendation_text_es: `Proteger a las personas defensoras de la región ${s}, punto ${r}.`,
        themes: ['Water access', 'Housing', 'Schools'][(s + r) % 3]!,
        addressees: r % 3 === 0 ? 'Sliced Ministry' : 'Sliced Parliament',
        current_status: followed ? 'in_progress' : '',
        current_status_date: followed ? '2023-09-01' : '',
        entry_type: 'response',
        entry_date: '2023-05-01',
        entry_publication: 'published',
        entry_value: r % 2 ? 'accepted' : 'noted',
        entry_addressee: r % 3 === 0 ? 'Sliced Ministry' : 'Sliced Parliament',
        entry_summary_en: `Answered item ${r}.`,
        entry_summary_es: `Respondió al punto ${r}.`,
        entry_source_url: '',
        entry_evidence_urls: '',
      };
      rows.push(row);
      if (followed) {
        // Two status updates, so the current one is the later of two.
        for (const [date, status] of [
          ['2023-06-01', 'not_started'],
          ['2023-09-01', 'in_progress'],
        ] as const) {
          rows.push({
            ...row,
            entry_type: 'status_update',
            entry_date: date,
            entry_value: status,
            entry_addressee: '',
            entry_summary_en: `Status of item ${r}: ${status}.`,
            entry_summary_es: `Estado del punto ${r}: ${status}.`,
          });
        }
      }
    }
  }
  return Buffer.from(stringify(rows, { header: true, columns: [...HEADERS] }));
}

const importFile = (db: Db, prefix: string, bulk: boolean) =>
  runSheetImport(db, bufferSource(fileOf(prefix)), {
    fileName: `${prefix}.csv`,
    format: 'csv',
    commit: true,
    bulk,
    upkeepSliceSize: SLICE,
    actor: systemActor('test'),
    now: new Date('2026-06-01T12:00:00Z'),
  });

/**
 * Every derived row of the statements `prefix-…`, keyed by what the two imports share (the statement's number after
 * the prefix, the recommendation's slug) instead of ids, sorted.
 */
async function derivedOf(db: Db, prefix: string) {
  const statement = sql`split_part(s.slug, '-', 2)`;
  const ours = sql`s.slug like ${`${prefix}-%`}`;
  const search = await queryRows<Record<string, unknown>>(
    db,
    sql`select d.kind, ${statement} as statement, r.slug as recommendation, d.date::text, d.title_en, d.title_es,
               d.body_en, d.body_es, d.tsv_en::text, d.tsv_es::text, d.public_from::text, d.public_until::text
        from search_documents d join statements s on s.id = d.statement_id
          left join recommendations r on r.id = d.recommendation_id
        where ${ours} order by 1, 2, 3, 7`,
  );
  const rollups = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${statement} as statement, f.theme_id, f.addressee_id, f.country, f.status, f.published, f.n, f.answered, f.accepted
        from followup_rollup_statements f join statements s on s.id = f.statement_id
        where ${ours} order by 1, 2, 3, 4, 5`,
  );
  const transitions = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${statement} as statement, f.theme_id, f.addressee_id, f.country, f.year, f.status, f.published,
               f.statement_year, f.delta
        from followup_rollup_transitions_statements f join statements s on s.id = f.statement_id
        where ${ours} order by 1, 2, 3, 4, 5, 6`,
  );
  const numbers = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${statement} as statement, r.slug, r.number from recommendations r join statements s on s.id = r.statement_id
        where ${ours} order by 1, 2`,
  );
  const current = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${statement} as statement, r.slug, u.date::text, u.status, u.is_current
        from followup_status_updates u join recommendations r on r.id = u.recommendation_id
          join statements s on s.id = r.statement_id
        where ${ours} order by 1, 2, 3`,
  );
  return { search, rollups, transitions, numbers, current };
}

describe('idSlices', () => {
  it('cuts ids into array literals of at most the size, each id once, in order', () => {
    expect(idSlices([5, 1, 5, 2, 9, 1, 7], 2)).toEqual(['{5,1}', '{2,9}', '{7}']);
    expect(idSlices(new Set<number>(), 2)).toEqual([]);
  });

  it('refuses a slice size that is not a whole number of at least 1', () => {
    expect(() => idSlices([1], 0)).toThrow('the slice size must be a whole number ≥ 1, not 0');
    expect(() => idSlices([1], 2.5)).toThrow('not 2.5');
  });
});

describeEachEngine('bulk publish, derived upkeep in slices', (ctx) => {
  it('leaves the search documents, rollups, numbers and current status of every row as the per-row triggers do', async () => {
    const sliced = await importFile(ctx.db, 'sliced', true);
    const rowwise = await importFile(ctx.db, 'rowwise', false);
    for (const report of [sliced, rowwise]) {
      expect(report.problems).toEqual([]);
      expect(report.committed).toBe(true);
    }
    // Every kind has more rows than a slice, so each step ran over several.
    const followed = Math.ceil(PER_STATEMENT / 2) * STATEMENTS;
    expect(sliced.recommendations.created).toBe(STATEMENTS * PER_STATEMENT);
    expect(sliced.responses.created).toBe(STATEMENTS * PER_STATEMENT);
    expect(sliced.statusUpdates.created).toBe(2 * followed);
    expect(STATEMENTS).toBeGreaterThan(SLICE);

    const bulk = await derivedOf(ctx.db, 'sliced');
    const perRow = await derivedOf(ctx.db, 'rowwise');
    // Every created row has its document: statements, recommendations, responses and status updates.
    expect(bulk.search.length).toBe(STATEMENTS + 2 * STATEMENTS * PER_STATEMENT + 2 * followed);
    expect(bulk.rollups.length).toBeGreaterThan(0);
    expect(bulk.transitions.length).toBeGreaterThan(0);
    expect(bulk.current.filter((u) => u.is_current).length).toBe(followed);
    // The gapped statement renumbered 1…9 (its slugs r2…r18 sorted as text: r10 first).
    expect(bulk.numbers.filter((r) => r.statement === String(STATEMENTS)).map((r) => r.number)).toEqual([
      5, 6, 7, 8, 9, 1, 2, 3, 4,
    ]);
    expect(bulk).toEqual(perRow);
    // Both hold each dated document's year lexeme (features/search/year-words.ts).
    for (const doc of bulk.search) {
      expect(doc.tsv_en, String(doc.kind)).toContain(`'year ${String(doc.date).slice(0, 4)}'`);
      expect(doc.tsv_es, String(doc.kind)).toContain(`'year ${String(doc.date).slice(0, 4)}'`);
    }

    // The totals over published statements are the sums of the per-statement rows: no slice counted twice or missed.
    const [totals] = await queryRows<{ differing: number }>(
      ctx.db,
      sql`select count(*)::int as differing from (
            (select theme_id, addressee_id, country, status, n, answered, accepted from followup_rollup where n <> 0
             except
             select theme_id, addressee_id, country, status, sum(n)::int, sum(answered)::int, sum(accepted)::int
             from followup_rollup_statements where published group by 1, 2, 3, 4 having sum(n) <> 0)
            union all
            (select theme_id, addressee_id, country, status, sum(n)::int, sum(answered)::int, sum(accepted)::int
             from followup_rollup_statements where published group by 1, 2, 3, 4 having sum(n) <> 0
             except
             select theme_id, addressee_id, country, status, n, answered, accepted from followup_rollup where n <> 0)) d`,
    );
    expect(totals!.differing).toBe(0);
  });
});
