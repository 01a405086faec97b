/**
 * Recommendation spreadsheets (issue 16): the columns of columns.ts in order, UTF-8 with a BOM, ISO
 * dates, formula cells defused, the same cells in CSV and XLSX, public exports without anything
 * unpublished, workspace exports with everything (editors only), batches crossed without losing or
 * repeating a row, and both files opened by LibreOffice headless.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { run } from '../../../test/support/processes.js';
import {
  followupText,
  insertFollowup,
  insertSampleStatement,
  samples,
  slugOf,
  T,
  titleOf,
} from '../../../test/support/visibility-matrix-samples.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import { visibilityState } from '../../platform/visibility.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { HEADERS, protectCell, unprotectCell } from './columns.js';
import { BATCH } from './rows.js';

const SPANISH = 'Derogar el Título 42 y garantizar el acceso al asilo en la frontera (niñas, niños y adolescentes)';
const FORMULA = '=HYPERLINK("https://example.org","clic")';
const MANY = BATCH * 2 + 7;

describeEachEngine('recommendation exports', (ctx) => {
  let app: FastifyTypeBox;
  let anonymous: Visitor;
  let editor: Visitor;

  beforeAll(async () => {
    for (const s of samples) {
      const statementId = await insertSampleStatement(
        ctx.db,
        s,
        localized('en', titleOf(s), { es: `${titleOf(s)} (es)` }),
      );
      const [rec] = await ctx.db
        .insert(t.recommendations)
        .values({
          statementId,
          slug: 'r1',
          position: 1,
          text: localized('en', `Recommendation of ${titleOf(s)}`),
        })
        .returning();
      await insertFollowup(ctx.db, s, statementId, rec!.id);
    }
    // One published statement with more recommendations than two batches, a Spanish original and a formula.
    const [big] = await ctx.db
      .insert(t.statements)
      .values({ slug: 'big', title: localized('es', 'Declaración grande'), date: '2025-01-01', status: 'published' })
      .returning();
    await ctx.db.insert(t.recommendations).values(
      Array.from({ length: MANY }, (_, i) => ({
        statementId: big!.id,
        slug: `rec-${i}`,
        position: i,
        text: i === 0 ? localized('es', SPANISH) : i === 1 ? localized('en', FORMULA) : localized('en', `Item ${i}`),
      })),
    );
    app = await createTestApp(ctx.db, () => T);
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, T);
    const [org] = await ctx.db.insert(t.organizations).values({ slug: 'org', name: 'Org' }).returning();
    await createUserWithPassword(ctx.db, { email: 'member@example.org', role: 'member', organizationId: org!.id }, T);
    anonymous = new Visitor(app);
    editor = await signedIn(app, 'editor@example.org');
  });

  const csvRows = (body: string) => parse(body, { bom: true, columns: false, relax_column_count: false }) as string[][];

  it('writes the documented columns, one row per entry, with a BOM, CRLF and ISO dates', async () => {
    const response = await anonymous.get('/es/recommendations.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="recommendations.csv"');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.body).toContain('\r\n');
    const [header, ...rows] = csvRows(response.body);
    expect(header).toEqual([...HEADERS]);
    const col = (name: string) => HEADERS.indexOf(name as (typeof HEADERS)[number]);
    const published = rows.filter((r) => r[col('statement_slug')] === slugOf(samples[3]));
    // A response and a status update, each a row, in date order; the current status on both.
    expect(published.map((r) => [r[col('entry_type')], r[col('entry_date')], r[col('entry_value')]])).toEqual([
      ['response', '2026-11-02', 'accepted'],
      ['status_update', '2026-11-03', 'in_progress'],
    ]);
    expect(published.every((r) => r[col('current_status')] === 'in_progress')).toBe(true);
    expect(published[0]![col('entry_summary_en')]).toBe(followupText('response', samples[3], false));
    const big = rows.filter((r) => r[col('statement_slug')] === 'big');
    expect(big).toHaveLength(MANY);
    expect(new Set(big.map((r) => r[col('recommendation_slug')])).size).toBe(MANY);
    expect(big.map((r) => Number(r[col('recommendation_number')]))).toEqual(
      Array.from({ length: MANY }, (_, i) => i + 1),
    );
    expect(big[0]![col('recommendation_text_es')]).toBe(SPANISH);
    expect(big[0]![col('recommendation_original_language')]).toBe('es');
    expect(big[1]![col('recommendation_text_en')]).toBe(`'${FORMULA}`);
    expect(unprotectCell(big[1]![col('recommendation_text_en')]!)).toBe(FORMULA);
    for (const r of rows) {
      for (const c of ['statement_date', 'current_status_date', 'entry_date']) {
        expect(r[col(c)]).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      }
    }
  });

  it('public exports hold only public material; the workspace export holds every state, for editors only', async () => {
    const publicCsv = (await anonymous.get('/en/recommendations.csv')).body;
    const workspaceCsv = await editor.get('/en/workspace/recommendations.csv');
    expect(workspaceCsv.statusCode).toBe(200);
    for (const s of samples) {
      const isPublic = visibilityState(s, T) === 'published';
      expect(publicCsv.includes(titleOf(s)), s.key).toBe(isPublic);
      expect(publicCsv.includes(followupText('status', s, true))).toBe(false);
      expect(workspaceCsv.body).toContain(titleOf(s));
      expect(workspaceCsv.body).toContain(followupText('status', s, true));
      const one = await anonymous.get(`/en/statements/${slugOf(s)}/recommendations.xlsx`);
      expect(one.statusCode, s.key).toBe(isPublic ? 200 : 404);
    }
    const [header, ...rows] = csvRows(workspaceCsv.body);
    const state = header!.indexOf('statement_state');
    expect(new Set(rows.map((r) => r[state]))).toEqual(new Set(['draft', 'embargoed', 'published', 'withdrawn']));
    expect((await anonymous.get('/en/workspace/recommendations.csv')).statusCode).toBe(303);
    const member = await signedIn(app, 'member@example.org');
    expect((await member.get('/en/workspace/recommendations.csv')).statusCode).toBe(403);
  });

  it('writes the same cells as XLSX, and LibreOffice opens both files', async () => {
    const csv = await anonymous.get('/es/statements/big/recommendations.csv');
    const xlsx = await anonymous.get('/es/statements/big/recommendations.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Recomendaciones');
    const cells: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      cells.push(HEADERS.map((_, i) => String(row.getCell(i + 1).value ?? '')));
    });
    expect(cells).toEqual(csvRows(csv.body));

    const dir = mkdtempSync(join(tmpdir(), 'puente-export-'));
    writeFileSync(join(dir, 'from-csv.csv'), csv.rawPayload);
    writeFileSync(join(dir, 'from-xlsx.xlsx'), xlsx.rawPayload);
    // A profile of its own, so a LibreOffice the developer has open does not take the job.
    const profile = `file://${join(dir, 'lo-profile')}`;
    // The CSV through Calc's CSV filter (without one, soffice opens a .csv in Writer as plain text):
    // comma, double quote, UTF-8 (76). LibreOffice does not pick the character set by the BOM as Excel
    // does (the first test checks the BOM's bytes); here the BOM must not end up in the first header.
    for (const [file, filter] of [
      ['from-csv.csv', ['--infilter=CSV:44,34,76']],
      ['from-xlsx.xlsx', []],
    ] as const) {
      const converted = await run(
        'soffice',
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          ...filter,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, file),
        ],
        {},
      );
      expect(converted.code, converted.stderr).toBe(0);
    }
    for (const name of ['from-csv', 'from-xlsx']) {
      const text = await run('pdftotext', [join(dir, `${name}.pdf`), '-'], {});
      expect(text.code, name).toBe(0);
      // Read as UTF-8 (the BOM), not as a Windows code page: "Título", not "TÃ­tulo".
      expect(text.stdout, name).toContain('Título 42');
      expect(text.stdout, name).toContain('statement_slug');
      expect(text.stdout, name).not.toContain('ï»¿');
    }
  }, 60_000);

  it('defuses every formula trigger, and the importer can take the apostrophe off again', () => {
    for (const value of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', "'=1", "''+x"]) {
      expect(protectCell(value)).toBe(`'${value}`);
      expect(unprotectCell(protectCell(value))).toBe(value);
    }
    for (const value of ['Plain', "It's", '', '2026-11-01', "'quoted'"]) {
      expect(protectCell(value)).toBe(value);
      expect(unprotectCell(protectCell(value))).toBe(value);
    }
  });

  it('a statement page links its spreadsheets', async () => {
    const page = await anonymous.get(`/es/statements/${slugOf(samples[3])}`);
    expect(page.body).toContain(`href="/es/statements/${slugOf(samples[3])}/recommendations.csv"`);
    expect(page.body).toContain(`href="/es/statements/${slugOf(samples[3])}/recommendations.xlsx"`);
    const [row] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, 'big'));
    expect(row).toBeDefined();
  });
});
