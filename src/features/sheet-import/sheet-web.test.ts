/**
 * The workspace import on both engines: upload → the dry run in the background → its page (progress,
 * then the report with per-row problems or the confirm button) → commit → the same page says it is
 * imported; the same file again adds nothing. Editors only. The runner is awaited (sheetImportsIdle),
 * never slept on.
 */
import * as cheerio from 'cheerio';
import { stringify } from 'csv-stringify/sync';
import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { HEADERS } from '../exports/index.js';
import { createSheetImport, sheetImportsIdle } from './jobs.js';

const NOW = new Date('2026-06-01T12:00:00Z');

function sheet(rows: Record<string, string>[]): Buffer {
  const base = Object.fromEntries(HEADERS.map((h) => [h, '']));
  return Buffer.from(
    stringify(
      rows.map((r) => ({
        ...base,
        statement_slug: 'web-import-2024',
        statement_date: '2024-02-01',
        statement_state: 'draft',
        statement_title_es: 'Importada desde la web',
        recommendation_number: '1',
        recommendation_slug: 'r1',
        recommendation_text_es: 'Garantizar el acceso a la justicia.',
        themes: 'Gobernanza y Estado de derecho',
        ...r,
      })),
      { header: true, columns: [...HEADERS], bom: true },
    ),
  );
}

function multipart(csrf: string, file: { name: string; data: Buffer }) {
  const boundary = '----puente-sheet-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachEngine('spreadsheet import in the workspace', (ctx) => {
  let app: FastifyTypeBox;
  let editor: Visitor;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => NOW });
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' });
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    await createUserWithPassword(ctx.db, { email: 'member@cejil.org', role: 'member', organizationId: cejil!.id });
    editor = await signedIn(app, 'editor@example.org');
  });

  async function upload(name: string, data: Buffer) {
    const csrf = await editor.csrfFrom('/es/workspace/import/recommendations');
    const body = multipart(csrf, { name, data });
    const answer = await editor.app.inject({
      method: 'POST',
      url: '/es/workspace/import/recommendations',
      remoteAddress: editor.remoteAddress,
      headers: { cookie: editor.cookieHeader(), 'content-type': body.contentType },
      payload: body.payload,
    });
    return answer;
  }
  const statements = async () => (await ctx.db.select({ n: count() }).from(t.statements))[0]!.n;

  it('is for editors and the admin only', async () => {
    expect((await editor.get('/en/workspace/import/recommendations')).statusCode).toBe(200);
    const member = await signedIn(app, 'member@cejil.org');
    expect((await member.get('/en/workspace/import/recommendations')).statusCode).toBe(403);
    const anonymous = await new Visitor(app).get('/en/workspace/import/recommendations');
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/en/sign-in']);
  });

  it('shows a bad file’s problems row by row and writes nothing', async () => {
    const before = await statements();
    const answer = await upload(
      'bad.csv',
      sheet([{ statement_date: '1 de febrero' }, { recommendation_slug: 'r2', recommendation_number: 'dos' }]),
    );
    expect(answer.statusCode).toBe(303);
    await sheetImportsIdle();
    const page = await editor.get(answer.headers.location as string);
    const $ = cheerio.load(page.body);
    expect($('meta[http-equiv=refresh]')).toHaveLength(0);
    expect($('[role=alert]').text()).toContain('Hay 2 problemas');
    const cells = $('#sheet-problems ~ .table-scroll tbody tr')
      .toArray()
      .map((tr) =>
        $(tr)
          .find('td')
          .toArray()
          .map((td) => $(td).text()),
      );
    expect(cells[0]).toEqual([
      '2',
      'statement_date',
      '«1 de febrero» no es una fecha escrita como AAAA-MM-DD.',
      'Escribe la fecha como 2021-06-03.',
    ]);
    expect(cells[1]?.slice(0, 2)).toEqual(['3', 'recommendation_number']);
    expect($('form[action$="/commit"]')).toHaveLength(0);
    expect(await statements()).toBe(before);
  });

  it('checks a good file, shows matches, then commits it on confirm; the same file again adds nothing', async () => {
    const before = await statements();
    const file = sheet([{}, { recommendation_slug: 'r2', recommendation_number: '2', themes: 'Agua' }]);
    const answer = await upload('good.csv', file);
    await sheetImportsIdle();
    const jobPath = answer.headers.location as string;
    let $ = cheerio.load((await editor.get(jobPath)).body);
    expect($('[role=status]').text()).toContain('listo para importarse');
    const themes = $('#sheet-themes ~ .table-scroll tbody tr')
      .toArray()
      .map((tr) =>
        $(tr)
          .find('td')
          .toArray()
          .map((td) => $(td).text().trim()),
      );
    expect(themes).toEqual([
      ['Agua', 'agua', 'Nuevo: se creará'],
      ['Gobernanza y Estado de derecho', 'governance-rule-of-law', 'Mismo nombre'],
    ]);
    expect(await statements()).toBe(before);

    const commit = await editor.post(`${jobPath}/commit`, {}, jobPath);
    expect([commit.statusCode, commit.headers.location]).toEqual([303, jobPath]);
    await sheetImportsIdle();
    $ = cheerio.load((await editor.get(jobPath)).body);
    expect($('[role=status]').text()).toContain('Importado');
    expect(await statements()).toBe(before + 1);

    const again = await upload('good.csv', file);
    await sheetImportsIdle();
    $ = cheerio.load((await editor.get(again.headers.location as string)).body);
    expect($('[role=status]').text()).toContain('Nada nuevo');
    expect($('form[action$="/commit"]')).toHaveLength(0);
  });

  it('shows a running import’s progress on a page that reloads itself, and refuses what is not a spreadsheet', async () => {
    const id = await createSheetImport(ctx.db, { fileName: 'big.csv', bytes: Buffer.alloc(1000), userId: 1, now: NOW });
    await ctx.db
      .update(t.sheetImportJobs)
      .set({ state: 'running', rowsDone: 250, bytesDone: 400, updatedAt: new Date() })
      .where(eq(t.sheetImportJobs.id, id));
    const page = await editor.get(`/en/workspace/import/recommendations/${id}`);
    const $ = cheerio.load(page.body);
    expect($('meta[http-equiv=refresh]').attr('content')).toBe('3');
    expect($('progress').attr('value')).toBe('40');
    expect($('[role=status]').text()).toContain('250 rows read (40% of the file).');
    expect($(`a[href="/en/workspace/import/recommendations/${id}"]`).text()).toBe('Refresh now');
    await ctx.db.update(t.sheetImportJobs).set({ state: 'failed' }).where(eq(t.sheetImportJobs.id, id));

    const notSheet = await upload('notes.txt', Buffer.from('hello'));
    expect(notSheet.statusCode).toBe(400);
    expect(cheerio.load(notSheet.body)('[role=alert]').text()).toContain('No es un archivo CSV ni XLSX');
    expect((await editor.get('/en/workspace/import/recommendations/999999')).statusCode).toBe(404);
  });
});
