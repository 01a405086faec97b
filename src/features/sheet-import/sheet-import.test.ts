/**
 * The spreadsheet import's pass on both engines: row-level problems (row, column, what, what to do) with
 * nothing written, even when the commit is asked for; themes and addressees matched by slug, name and
 * trigram similarity with suggestions; a commit, then the same file again adding nothing; whole-file problems.
 */
import { stringify } from 'csv-stringify/sync';
import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { systemActor } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { loadDemo } from '../demo/index.js';
import { type ExportRow, HEADERS } from '../exports/index.js';
import { CHUNK } from './import-rows.js';
import { bufferSource } from './read-sheet.js';
import { addsSomething } from './report.js';
import { runSheetImport } from './run.js';

const NOW = new Date('2026-06-01T12:00:00Z');

const base: ExportRow = {
  statement_slug: 'upr-guatemala-2023',
  statement_date: '2023-01-20',
  statement_state: 'published',
  statement_title_en: 'Our recommendations for the UPR of Guatemala',
  statement_title_es: 'Nuestras recomendaciones para el EPU de Guatemala',
  recommendation_slug: 'r1',
  recommendation_number: '1',
  recommendation_original_language: 'es',
  recommendation_text_en: 'Protect human rights defenders.',
  recommendation_text_es: 'Proteger a las personas defensoras de derechos humanos.',
  themes: 'governance-rule-of-law; Socioeconomic conditions',
  addressees: 'Gobierno de Guatemala',
  current_status: '',
  current_status_date: '',
  entry_type: '',
  entry_date: '',
  entry_publication: '',
  entry_value: '',
  entry_addressee: '',
  entry_summary_en: '',
  entry_summary_es: '',
  entry_source_url: '',
  entry_evidence_urls: '',
};

const csv = (rows: Partial<ExportRow>[], headers: readonly string[] = HEADERS) =>
  Buffer.from(
    stringify(
      rows.map((r) => ({ ...base, ...r })),
      { header: true, columns: [...headers], bom: true },
    ),
  );

const run = (db: Db, file: Buffer, commit: boolean) =>
  runSheetImport(db, bufferSource(file), {
    fileName: 'test.csv',
    format: 'csv',
    commit,
    actor: systemActor('test'),
    now: NOW,
  });

async function counts(db: Db) {
  const n = async (
    table:
      | typeof t.statements
      | typeof t.recommendations
      | typeof t.themes
      | typeof t.addressees
      | typeof t.followupResponses
      | typeof t.followupStatusUpdates,
  ) => (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    statements: await n(t.statements),
    recommendations: await n(t.recommendations),
    themes: await n(t.themes),
    addressees: await n(t.addressees),
    responses: await n(t.followupResponses),
    updates: await n(t.followupStatusUpdates),
  };
}

describeEachEngine('spreadsheet import', (ctx) => {
  beforeAll(async () => {
    await loadDemo(ctx.db);
  });

  it('lists every malformed row with its row, column, problem and fix, and writes nothing even on commit', async () => {
    const before = await counts(ctx.db);
    const file = csv([
      {},
      { recommendation_slug: 'r2', recommendation_number: '2', statement_date: '2023-02-30' },
      {
        recommendation_slug: 'r3',
        recommendation_number: '3',
        entry_type: 'response',
        entry_date: '2023-05-01',
        entry_publication: 'published',
        entry_value: 'accepted',
      },
      {
        recommendation_slug: 'r4',
        recommendation_number: 'four',
        entry_type: 'status_update',
        entry_date: '2023-05-01',
        entry_publication: 'published',
        entry_value: 'done',
      },
      { recommendation_slug: 'r5', recommendation_number: '5', statement_state: 'embargoed' },
      { recommendation_slug: 'r6', recommendation_number: '6', entry_source_url: 'www.example.org' },
      { recommendation_text_en: 'Another text for r1.' },
    ]);
    const report = await run(ctx.db, file, true);
    expect(report.committed).toBe(false);
    expect(report.rows).toBe(7);
    expect(report.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'statement_date', 'bad-date'],
      [4, 'entry_addressee', 'response-needs-addressee'],
      [5, 'recommendation_number', 'bad-number'],
      [5, 'entry_value', 'bad-status'],
      [6, 'statement_state', 'embargo-unknown'],
      [7, 'entry_source_url', 'bad-url'],
      [7, 'entry_type', 'entry-without-type'],
      [8, 'recommendation_text_en', 'inconsistent'],
    ]);
    expect(report.problems[0]!.value).toBe('2023-02-30');
    expect(report.problemCount).toBe(8);
    expect(report.problems[7]!.value).toBe('2');
    expect(await counts(ctx.db)).toEqual(before);
  });

  it('checks a recommendation’s row in a later chunk against what the pass remembered of its first row', async () => {
    // Only the id, first row and a digest per column are kept between chunks (import-state.ts): a row
    // of r1 after a full chunk must still be compared column by column with r1's first row.
    const between = Array.from({ length: CHUNK }, (_, k) => ({
      recommendation_slug: `r${k + 2}`,
      recommendation_number: String(k + 2),
    }));
    const later = await run(ctx.db, csv([{}, ...between, { themes: 'Socioeconomic conditions' }]), false);
    expect(later.rows).toBe(CHUNK + 2);
    expect(later.problems.map((p) => [p.row, p.column, p.code, p.value])).toEqual([
      [CHUNK + 3, 'themes', 'inconsistent', '2'],
    ]);
    const agreeing = await run(ctx.db, csv([{}, ...between, {}]), false);
    expect(agreeing.problemCount).toBe(0);
    expect(agreeing.recommendations.created).toBe(CHUNK + 1);
  });

  it('matches themes and addressees by slug, name and similarity, suggests for new ones, and creates nothing in a dry run', async () => {
    const before = await counts(ctx.db);
    const file = csv([
      {
        themes:
          'governance-rule-of-law; Socioeconomic conditions; Climate justise and the enviroment; Water and sanitation',
      },
      {
        recommendation_slug: 'r2',
        recommendation_number: '2',
        themes: 'Justicia climática y medio ambiente',
        addressees: 'Goverment of Guatemala',
      },
    ]);
    const report = await run(ctx.db, file, false);
    expect(report.problems).toEqual([]);
    expect(report.committed).toBe(false);
    const themes = Object.fromEntries(report.themes.map((m) => [m.written, [m.how, m.slug]]));
    expect(themes).toEqual({
      'governance-rule-of-law': ['slug', 'governance-rule-of-law'],
      'Socioeconomic conditions': ['name', 'socioeconomic-conditions'],
      'Climate justise and the enviroment': ['fuzzy', 'climate-justice-environment'],
      'Justicia climática y medio ambiente': ['name', 'climate-justice-environment'],
      'Water and sanitation': ['new', 'water-and-sanitation'],
    });
    const addressees = Object.fromEntries(report.addressees.map((m) => [m.written, [m.how, m.slug]]));
    expect(addressees).toEqual({
      'Gobierno de Guatemala': ['name', 'guatemala-government'],
      'Goverment of Guatemala': ['fuzzy', 'guatemala-government'],
    });
    expect(report.statements).toEqual({ created: 1, unchanged: 0 });
    expect(report.recommendations).toEqual({ created: 2, unchanged: 0 });
    expect(await counts(ctx.db)).toEqual(before);
  });

  it('offers the closest existing rows when a name matches none', async () => {
    const report = await run(ctx.db, csv([{ themes: 'Immigration' }]), false);
    const match = report.themes.find((m) => m.written === 'Immigration')!;
    expect(match.how).toBe('new');
    expect(match.suggestions[0]?.slug).toBe('comprehensive-immigration-systems');
  });

  it('commits every row in one go, and the same file again adds nothing', async () => {
    const before = await counts(ctx.db);
    const file = csv([
      {
        themes: 'Water and sanitation',
        entry_type: 'response',
        entry_date: '2023-03-01',
        entry_publication: 'published',
        entry_value: 'noted',
        entry_addressee: 'guatemala-government',
        entry_summary_es: 'Tomó nota.',
        current_status: 'in_progress',
        current_status_date: '2023-09-01',
      },
      {
        themes: 'Water and sanitation',
        entry_type: 'status_update',
        entry_date: '2023-09-01',
        entry_publication: 'published',
        entry_value: 'in_progress',
        current_status: 'in_progress',
        current_status_date: '2023-09-01',
        entry_evidence_urls: 'https://example.org/a; https://example.org/b',
      },
      {
        recommendation_slug: 'r2',
        recommendation_number: '2',
        themes: '',
        current_status: 'not_started',
        current_status_date: '2023-04-01',
      },
    ]);
    const report = await run(ctx.db, file, true);
    expect(report.problems).toEqual([]);
    expect(report.committed).toBe(true);
    expect(report.responses).toEqual({ created: 1, unchanged: 0, byPosition: { noted: 1 } });
    expect(report.statusUpdates).toEqual({ created: 2, unchanged: 0 });
    const after = await counts(ctx.db);
    expect(after).toEqual({
      ...before,
      statements: before.statements + 1,
      recommendations: before.recommendations + 2,
      themes: before.themes + 1,
      responses: before.responses + 1,
      updates: before.updates + 2,
    });
    const [current] = await ctx.db
      .select({ status: t.followupStatusUpdates.status })
      .from(t.followupStatusUpdates)
      .innerJoin(t.recommendations, eq(t.recommendations.id, t.followupStatusUpdates.recommendationId))
      .where(eq(t.recommendations.slug, 'r1'))
      .orderBy(t.followupStatusUpdates.id);
    expect(current?.status).toBe('in_progress');
    const evidence = await ctx.db
      .select({ url: t.followupEvidence.url })
      .from(t.followupEvidence)
      .orderBy(t.followupEvidence.id);
    expect(evidence.slice(-2).map((e) => e.url)).toEqual(['https://example.org/a', 'https://example.org/b']);

    const again = await run(ctx.db, file, true);
    expect(again.problems).toEqual([]);
    expect(addsSomething(again)).toBe(false);
    expect(again.recommendations).toEqual({ created: 0, unchanged: 2 });
    expect(again.statusUpdates).toEqual({ created: 0, unchanged: 2 });
    expect(await counts(ctx.db)).toEqual(after);

    // A statement already there is never changed by an import: a different title is a row problem.
    const changed = await run(ctx.db, csv([{ statement_title_en: 'Another title' }]), true);
    expect(changed.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'statement_title_en', 'statement-differs'],
    ]);
    expect(await counts(ctx.db)).toEqual(after);
  });

  it('refuses a file whose header is not the export’s, or that is not UTF-8, before reading any row', async () => {
    const missing = await run(
      ctx.db,
      csv(
        [{}],
        HEADERS.filter((h) => h !== 'themes'),
      ),
      true,
    );
    expect(missing.fileProblem).toEqual({ code: 'missing-columns', detail: 'themes' });
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADERS.join(',')}\n`),
      Buffer.from('upr,2023-01-01,draft,T\xedtulo\n', 'latin1'),
    ]);
    expect((await run(ctx.db, latin1, true)).fileProblem?.code).toBe('not-utf8');
  });
});
