/**
 * Issue 17's importers on real excerpts (__fixtures__/SOURCES.md): what is read (counts, responses,
 * themes, SDGs, recommending States), a malformed row refused with its row and column and nothing
 * written, re-importing adding nothing, and the imported reviews on the public channels: the follow-up
 * dashboards, search and the API, filtered by cycle, recommending State and response.
 */
import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { count, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn } from '../../../test/support/visitors.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { docxHtmlIsolated } from '../files/index.js';
import { linkRecommendations } from '../statements/index.js';
import { runReviewImport } from './cli.js';
import { planImport } from './plan.js';
import { readOhchrList, reviewFromFileName } from './read-ohchr.js';
import { detectEncoding, readUprInfo } from './read-upr-info.js';
import type { SourceRead } from './source-rows.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
const CSV = 'upr-info-excerpt.csv';
const CYCLE3 = 'UPR34_Slovenia_Thematic_list_excerpt.docx';
const CYCLE4 = 'upr48-slovenia-thematic-list-excerpt.docx';
const NOW = new Date('2026-12-01T12:00:00Z');

const tally = (values: string[]) => {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
};

async function readOhchr(name: string): Promise<SourceRead> {
  return readOhchrList(await docxHtmlIsolated(fixture(name)), name, reviewFromFileName(name));
}

describe('reading a UPR Info export', () => {
  it('detects Mac Roman and CR line endings, and reads every row as the source has it', () => {
    const read = readUprInfo(fixture(CSV), CSV);
    expect(read.format).toBe('Mac Roman, CR line endings');
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(42);
    expect(read.skipped).toEqual([{ row: 44, reason: 'a voluntary pledge, not a recommendation' }]);
    expect(tally(read.rows.map((r) => `${r.state.country} s${r.session} c${r.cycle} ${r.position}`))).toEqual({
      'GT s2 c1 accepted': 10,
      'GT s14 c2 accepted': 30,
      'BD s16 c2 noted': 1,
      'CV s16 c2 accepted': 1,
    });
    expect(read.rows[0]).toMatchObject({
      row: 2,
      text: 'Prohibit explicitly corporal punishment in the home and family',
      recommenders: [{ name: 'Austria', country: 'AT' }],
      themes: ['Rights of the Child', 'Torture and other CID treatment'],
    });
    // Mac Roman's 0x88 is "à": read as Windows-1252 it would be "ˆ".
    expect(read.rows.find((r) => r.state.country === 'BD')?.text).toContain('vis-à-vis');
    expect(tally(read.rows.flatMap((r) => r.themes))['Death penalty']).toBe(8);
  });

  it('reads the same rows from UTF-8 with LF and from Windows-1252 with CRLF', () => {
    const text = iconv.decode(fixture(CSV), 'macintosh');
    const macRows = readUprInfo(fixture(CSV), CSV).rows;
    for (const [encoding, endings] of [
      ['utf-8', '\n'],
      ['windows-1252', '\r\n'],
    ] as const) {
      const bytes = iconv.encode(text.replace(/\r/g, endings), encoding);
      expect(detectEncoding(bytes)).toBe(encoding);
      const read = readUprInfo(bytes, CSV);
      expect(read.format).toMatch(endings === '\n' ? /, LF line endings$/ : /, CRLF line endings$/);
      expect(read.rows).toEqual(macRows);
    }
  });

  it('names the row, the column, what is wrong and what to do', () => {
    const lines = iconv.decode(fixture(CSV), 'macintosh').split('\r');
    lines[3] = (lines[3] as string).replace(/,Accepted,/, ',Maybe,');
    lines[5] = (lines[5] as string).replace(/,2$/, ',two');
    lines[7] = 'Atlantis,GRULAC,OAS,Do something,Spain,WEOG,EU,Accepted,5,Justice,14';
    lines[9] = 'Guatemala,GRULAC,OAS,Do something,Spain,WEOG,EU,Accepted,5,Justice';
    const read = readUprInfo(iconv.encode(lines.slice(0, 11).join('\r'), 'macintosh'), CSV);
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [4, 'Response'],
      [6, 'Session'],
      [8, 'To'],
      [10, '(row)'],
    ]);
    expect(read.problems[0]?.problem).toBe('"Maybe" is not a response Puente knows');
    expect(read.problems[0]?.todo).toMatch(/Accepted, Supported/);
    expect(read.rows).toHaveLength(6);

    // A quote never closed swallows the rest of the file: the row it starts on is named.
    lines[9] = 'Guatemala,GRULAC,OAS,"Unclosed quote,Spain';
    const unclosed = readUprInfo(iconv.encode(lines.join('\r'), 'macintosh'), CSV);
    expect(unclosed.problems).toEqual([
      expect.objectContaining({ row: 10, column: '(row)', problem: 'starts a quoted cell (") that is never closed' }),
    ]);
  });
});

describe('reading an OHCHR thematic list', () => {
  it('reads the cycle 3 layout: themes, SDGs after "SDGs:", recommending States, header rows', async () => {
    const read = await readOhchr(CYCLE3);
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(11);
    expect(tally(read.rows.map((r) => String(r.position)))).toEqual({ accepted: 10, noted: 1 });
    expect(read.skipped.filter((s) => s.reason.startsWith('theme header'))).toHaveLength(5);
    expect(read.rows[0]).toMatchObject({
      state: { name: 'Slovenia', country: 'SI' },
      session: 34,
      cycle: 3,
      reference: '121.1',
      recommenders: [
        { name: 'France', country: 'FR' },
        { name: 'Lithuania', country: 'LT' },
      ],
      themes: ['Acceptance of international norms', 'Enforced disappearances'],
      sdgs: [16],
      positionSource: 'A/HRC/43/15 - Para 121',
    });
    expect(read.rows[2]?.recommenders).toEqual([
      { name: 'United Kingdom of Great Britain and Northern Ireland', country: 'GB' },
    ]);
  });

  it('reads the cycle 4 layout: SDGs in their own column, "Groups of Persons:" left out of the themes', async () => {
    const read = await readOhchr(CYCLE4);
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(13);
    expect(tally(read.rows.map((r) => String(r.position)))).toEqual({ accepted: 12, noted: 1 });
    expect(read.rows[0]).toMatchObject({
      session: 48,
      cycle: 4,
      reference: '140.7',
      themes: [
        'Ratification of & accession to international instruments',
        'Economic, social & cultural rights - general measures of implementation',
      ],
      sdgs: [1, 2, 3, 4, 5, 6, 7, 8],
    });
    expect(read.rows.flatMap((r) => r.themes)).not.toContain('Public officials');
    const noted = read.rows.find((r) => r.position === 'noted');
    expect(noted?.recommenders.map((r) => r.country)).toEqual(['DZ', 'CV', 'PY', 'SS', 'LK', 'TG', 'UY', 'VE']);
  });

  it('asks for the State and session when the file name does not say them', async () => {
    const html = await docxHtmlIsolated(fixture(CYCLE3));
    expect(() => readOhchrList(html, 'list.docx', null)).toThrow(/add --state NAME --session N/);
  });
});

async function counts(db: Db) {
  const n = async (table: typeof t.statements | typeof t.recommendations | typeof t.followupResponses) =>
    (await db.select({ n: count() }).from(table))[0]?.n;
  return {
    statements: await n(t.statements),
    recommendations: await n(t.recommendations),
    responses: await n(t.followupResponses),
  };
}

describeEachEngine('importing recommendations made by others', (ctx) => {
  let app: FastifyTypeBox;

  it('refuses a file with a malformed row and writes nothing', async () => {
    const lines = iconv.decode(fixture(CSV), 'macintosh').split('\r');
    lines[12] = (lines[12] as string).replace(/,14$/, ',fourteen');
    const read = readUprInfo(iconv.encode(lines.join('\r'), 'macintosh'), CSV);
    const before = await counts(ctx.db);
    const { out, failed } = await runReviewImport(ctx.db, read, { commit: true, fileName: CSV, command: 'test' }, NOW);
    expect(failed).toBe(true);
    expect(out).toMatch(/^Not imported: upr-info-excerpt\.csv has 1 errors/);
    expect(out).toContain(
      'row 13, column Session: "fourteen" is not a UPR session number; write the Working Group session',
    );
    expect(await counts(ctx.db)).toEqual(before);
  });

  it('a dry run writes nothing; the commit writes every new recommendation once', async () => {
    const read = readUprInfo(fixture(CSV), CSV);
    const dry = await runReviewImport(ctx.db, read, { commit: false, fileName: CSV, command: 'test' }, NOW);
    expect(dry.out).toMatch(/^Dry run of upr-info-excerpt\.csv: nothing was written/);
    expect(dry.out).toContain('Recommendations: 42 read (accepted 41, noted 1)');
    expect(dry.out).toContain('new:       42');
    expect(dry.out).toContain('Death penalty → new theme death-penalty');
    expect(await counts(ctx.db)).toEqual({ statements: 0, recommendations: 0, responses: 0 });

    const done = await runReviewImport(ctx.db, read, { commit: true, fileName: CSV, command: 'test' }, NOW);
    expect(done.failed).toBe(false);
    expect(done.out).toMatch(/^Imported upr-info-excerpt\.csv: 42 new recommendations written/);
    expect(await counts(ctx.db)).toEqual({ statements: 4, recommendations: 42, responses: 42 });

    const [review] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, 'upr-14-guatemala'));
    expect(review).toMatchObject({
      kind: 'upr_review',
      status: 'published',
      cycle: 2,
      session: 14,
      date: '2012-10-22',
    });
    expect(review?.title.es?.text).toBe('Examen Periódico Universal de Guatemala, sesión 14 (ciclo 2)');
    const positions = await ctx.db
      .select({ position: t.followupResponses.position, n: count() })
      .from(t.followupResponses)
      .groupBy(t.followupResponses.position);
    expect(Object.fromEntries(positions.map((p) => [p.position, p.n]))).toEqual({ accepted: 41, noted: 1 });
    const mapped = await ctx.db.select().from(t.themeMappings).where(eq(t.themeMappings.label, 'Death penalty'));
    expect(mapped).toHaveLength(1);
  });

  it('importing the same file again adds nothing, and says so', async () => {
    const before = await counts(ctx.db);
    const read = readUprInfo(fixture(CSV), CSV);
    const again = await runReviewImport(ctx.db, read, { commit: true, fileName: CSV, command: 'test' }, NOW);
    expect(again.out).toContain('unchanged: 42 (already imported)');
    expect(again.out).toContain('Nothing new');
    expect(await counts(ctx.db)).toEqual(before);
    // The themes the first import created are now mapped, not created again.
    expect((await planImport(ctx.db, read)).themes.every((th) => th.how === 'mapped')).toBe(true);
  });

  it('imports both OHCHR layouts beside it, once', async () => {
    for (const name of [CYCLE3, CYCLE4]) {
      const read = await readOhchr(name);
      const done = await runReviewImport(ctx.db, read, { commit: true, fileName: name, command: 'test' }, NOW);
      expect(done.failed).toBe(false);
      expect((await planImport(ctx.db, read)).added).toBe(0);
    }
    expect(await counts(ctx.db)).toEqual({ statements: 6, recommendations: 42 + 11 + 13, responses: 66 });
    const [slovenia] = await ctx.db.select({ n: count() }).from(t.addressees).where(eq(t.addressees.country, 'SI'));
    expect(slovenia?.n).toBe(1);
  });

  describe('on the public channels', () => {
    beforeAll(async () => {
      app = await createTestApp(ctx.db, () => NOW);
    });

    const listed = async (query: string) => {
      const { status, $ } = await getPage(app, `/en/follow-up/recommendations${query}`);
      expect(status).toBe(200);
      return $('a[href*="/recommendations/"]')
        .toArray()
        .map((a) => $(a).attr('href') ?? '')
        .filter((href) => /\/statements\/upr-[^/]+\/recommendations\/[^/]+\/follow-up$/.test(href));
    };

    it('the follow-up list filters by cycle, recommending State and response', async () => {
      expect(new Set((await listed('?cycle=1')).map((h) => h.split('/')[3]))).toEqual(new Set(['upr-2-guatemala']));
      expect(await listed('?cycle=1')).toHaveLength(10);
      expect(await listed('?response=noted')).toHaveLength(3);
      const byTurkey = await listed('?recommender=TR');
      expect(byTurkey.length).toBeGreaterThan(0);
      expect(await listed('?recommender=TR&response=noted')).toHaveLength(
        (await listed('?recommender=TR')).filter((h) => h.includes('upr-16-bangladesh')).length,
      );
      const { $ } = await getPage(app, '/es/follow-up?cycle=3');
      expect($('#filter-cycle option:checked').text()).toBe('Ciclo 3');
      expect($('#filter-recommender option[value="FR"]').text()).toBe('Francia');
    });

    it('a coalition recommendation linked to the UPR recommendation it echoes shows the link on both pages', async () => {
      const editor = await createUserWithPassword(ctx.db, {
        email: 'links@example.org',
        role: 'editor',
      });
      const [statement] = await ctx.db
        .insert(t.statements)
        .values({ slug: 'coalition-2026', title: localized('en', 'Our asks'), date: '2026-01-10', status: 'published' })
        .returning();
      await ctx.db
        .insert(t.recommendations)
        .values({ statementId: statement!.id, slug: 'abolish', position: 1, text: localized('en', 'Abolish it.') });
      const echoed = { statement: 'upr-14-guatemala', recommendation: '1' };
      const [upr] = await ctx.db
        .select({ slug: t.recommendations.slug, text: t.recommendations.text })
        .from(t.recommendations)
        .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
        .where(eq(t.statements.slug, 'upr-14-guatemala'))
        .limit(1);
      echoed.recommendation = upr!.slug;
      await linkRecommendations(
        ctx.db,
        { ...editor, email: editor.email },
        { statement: 'coalition-2026', recommendation: 'abolish' },
        echoed,
        NOW,
      );
      const ours = await getPage(app, '/en/statements/coalition-2026/recommendations/abolish');
      expect(ours.$('main').text()).toContain('Echoes these recommendations');
      expect(ours.$(`a[href="/en/statements/upr-14-guatemala/recommendations/${upr!.slug}"]`).text()).toBe(
        upr!.text.en?.text,
      );
      const theirs = await getPage(app, `/es/statements/upr-14-guatemala/recommendations/${upr!.slug}`);
      expect(theirs.$('a[href="/es/statements/coalition-2026/recommendations/abolish"]').text()).toBe('Abolish it.');
      expect(theirs.$('main').text()).toContain('Recomendada por');
      const review = await getPage(app, '/es/statements/upr-14-guatemala');
      expect(review.$('.facts').text()).toContain('Estados, en el Examen Periódico Universal (ciclo 2, sesión 14)');
    });

    it('editors review how each source label maps to a theme', async () => {
      const editor = await signedIn(app, 'links@example.org');
      const page = await editor.get('/es/workspace/themes/mappings?q=death');
      expect(page.statusCode).toBe(200);
      const $ = cheerio.load(page.body);
      const rows = $('tbody tr')
        .toArray()
        .map((tr) =>
          $(tr)
            .children('td')
            .toArray()
            .map((td) => $(td).text().trim()),
        );
      expect(rows).toEqual([['UPR Info', 'Death penalty', 'Death penalty', 'Cambiar “Death penalty” (UPR Info)']]);
      expect($('tbody a').attr('href')).toBe('/es/workspace/themes/death-penalty/edit');
      const themes = cheerio.load((await editor.get('/en/workspace/themes')).body);
      expect(themes('a[href="/en/workspace/themes/mappings"]').text()).toBe('Themes of imported sources');
    });

    it('search finds an imported recommendation', async () => {
      const { status, $ } = await getPage(app, '/en/search?q=corporal+punishment');
      expect(status).toBe(200);
      expect($('main').text()).toContain('Prohibit explicitly corporal punishment');
    });

    it('the API lists reviews by kind, cycle and State, and their recommendations by recommending State and response', async () => {
      const json = async (url: string) => {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(200);
        return response.json();
      };
      const cycle2 = await json('/api/v1/statements?kind=upr_review&cycle=2&state=GT');
      expect(cycle2.data.map((s: { slug: string }) => s.slug)).toEqual(['upr-14-guatemala']);
      expect(cycle2.data[0]).toMatchObject({ kind: 'upr_review', cycle: 2, session: 14, recommendationCount: 30 });
      const noted = await json('/api/v1/statements/upr-48-slovenia/recommendations?response=noted');
      expect(noted.data).toHaveLength(1);
      expect(noted.data[0]).toMatchObject({
        sourceReference: '140.1',
        response: { position: 'noted', date: '2025-01-20' },
        recommenders: expect.arrayContaining([{ name: 'Algeria', country: 'DZ' }]),
      });
      const paged = await json('/api/v1/statements/upr-14-guatemala/recommendations?recommender=ES&limit=1');
      expect(paged.data).toHaveLength(1);
      if (paged.links.next) expect(paged.links.next).toContain('recommender=ES');
      const coalition = await json('/api/v1/statements?kind=coalition');
      expect(coalition.data.map((s: { slug: string }) => s.slug)).toEqual(['coalition-2026']);
    });
  });
});
