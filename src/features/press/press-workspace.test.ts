/**
 * The press pages over HTTP, on both engines: who may open them; a contact added, refused with
 * messages in both languages, edited, exported and erased (its personal data gone from the audit
 * too); the import's dry run with per-row problems, an all-or-nothing commit; CSV and XLSX export.
 */
import * as cheerio from 'cheerio';
import { and, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { multipartBody } from '../../../test/support/files.js';
import { CONTACTS_CSV, embargoedRelease, pressThemes } from '../../../test/support/press.js';
import { type Visitor, visitorsAs } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import { enqueueMail } from '../../platform/outbox/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';

type Who = 'anonymous' | 'member' | 'editor' | 'admin';
const NOW = new Date('2026-06-01T10:00:00Z');

describeEachEngine('press workspace', (ctx) => {
  let app: FastifyTypeBox;
  const visitors = new Map<Who, Visitor>();
  const as = (who: Who) => visitors.get(who)!;

  const upload = async (filename: string, bytes: Buffer) => {
    const editor = as('editor');
    const csrf = await editor.csrfFrom('/en/workspace/press/import');
    const body = multipartBody({ _csrf: csrf }, { field: 'file', filename, contentType: 'text/csv', bytes });
    return app.inject({
      method: 'POST',
      url: '/en/workspace/press/import',
      remoteAddress: editor.remoteAddress,
      headers: { cookie: editor.cookieHeader(), 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const contactByEmail = async (email: string) =>
    (await ctx.db.select().from(t.pressContacts).where(eq(t.pressContacts.email, email)))[0];

  beforeAll(async () => {
    await pressThemes(ctx.db);
    await ctx.db.insert(t.organizations).values({ slug: 'press-org', name: 'Press Org' }).onConflictDoNothing();
    app = await buildApp({ db: ctx.db, now: () => NOW, baseUrl: 'https://puente.example.org' });
    const signedInAs = await visitorsAs(app, ctx.db, {
      anonymous: null,
      member: { email: 'member@press.example', role: 'member', organization: 'press-org' },
      editor: { email: 'editor@press.example', role: 'editor' },
      admin: { email: 'admin@press.example', role: 'admin' },
    });
    for (const [who, visitor] of signedInAs) visitors.set(who, visitor);
  });

  it('only editors and the admin open the press pages; the menu shows the entry to them only', async () => {
    const pages = [
      '/en/workspace/press',
      '/en/workspace/press/contacts/new',
      '/en/workspace/press/import',
      '/en/workspace/press/lists',
      '/en/workspace/press/lists/new',
      '/en/workspace/press/sends',
      '/en/workspace/press/sends/new',
      '/en/workspace/press/contacts.csv',
    ];
    for (const path of pages) {
      for (const who of ['anonymous', 'member', 'editor', 'admin'] as Who[]) {
        const expected = who === 'anonymous' ? 303 : who === 'member' ? 403 : 200;
        expect((await as(who).get(path)).statusCode, `${who} ${path}`).toBe(expected);
      }
    }
    const menu = async (who: Who) =>
      cheerio.load((await as(who).get('/en/workspace')).body)('a[href="/en/workspace/press"]').length;
    expect(await menu('editor')).toBe(1);
    expect(await menu('member')).toBe(0);
  });

  it('a contact: refused with a message per field in both languages, nothing saved; then added and edited', async () => {
    const form = { name: '', email: 'not-an-email', languages: 'fr', country: 'XX', outlet: 'Radio' };
    for (const [lang, expected] of [
      ['en', 'Write an email address like name@example.org.'],
      ['es', 'Escribe un correo electrónico como nombre@example.org.'],
    ] as const) {
      const refused = await as('editor').post(
        `/${lang}/workspace/press/contacts`,
        form,
        `/${lang}/workspace/press/contacts/new`,
      );
      expect(refused.statusCode).toBe(400);
      const $ = cheerio.load(refused.body);
      expect($('#f-email-error').text()).toContain(expected);
      expect($('#f-languages-error').text()).not.toBe('');
      expect($('#f-country-error').text()).not.toBe('');
      expect($('#f-outlet').attr('value')).toBe('Radio');
    }
    expect(await ctx.db.select().from(t.pressContacts)).toEqual([]);

    const added = await as('editor').post(
      '/en/workspace/press/contacts',
      {
        name: 'Lia Stern',
        email: 'lia@daily.example',
        languages: 'en',
        country: 'US',
        beats: 'justice',
        outlet: 'Daily',
      },
      '/en/workspace/press/contacts/new',
    );
    expect(added.statusCode).toBe(303);
    const lia = (await contactByEmail('lia@daily.example'))!;
    expect(lia).toMatchObject({
      name: 'Lia Stern',
      languages: ['en'],
      country: 'US',
      status: 'active',
      trusted: false,
    });

    const edited = await as('editor').post(
      `/en/workspace/press/contacts/${lia.id}/edit`,
      {
        version: '1',
        name: 'Lia Stern',
        email: 'lia@daily.example',
        languages: ['en', 'es'].join(','),
        country: 'US',
        status: 'active',
        trusted: '1',
      },
      `/en/workspace/press/contacts/${lia.id}/edit`,
    );
    // A posted list of one value reads as one language "en,es": refused, and it says which field.
    expect(edited.statusCode).toBe(400);
    const stale = await as('editor').post(
      `/en/workspace/press/contacts/${lia.id}/edit`,
      { version: '7', name: 'Lia S.', email: 'lia@daily.example', languages: 'es', country: 'US', status: 'active' },
      `/en/workspace/press/contacts/${lia.id}/edit`,
    );
    expect(stale.statusCode).toBe(409);
    const saved = await as('editor').post(
      `/en/workspace/press/contacts/${lia.id}/edit`,
      {
        version: '1',
        name: 'Lia S.',
        email: 'lia@daily.example',
        languages: 'es',
        country: 'US',
        beats: 'justice',
        status: 'active',
        trusted: '1',
      },
      `/en/workspace/press/contacts/${lia.id}/edit`,
    );
    expect(saved.statusCode).toBe(303);
    expect(await contactByEmail('lia@daily.example')).toMatchObject({
      name: 'Lia S.',
      languages: ['es'],
      trusted: true,
      version: 2,
    });
  });

  it("exports one contact's data, then erases it: the row, every audit entry and the mail to them are gone", async () => {
    const lia = (await contactByEmail('lia@daily.example'))!;
    // Mail written to her (one sent, one waiting), and to someone else, which stays.
    await enqueueMail(ctx.db, [
      { idempotencyKey: 'erase-test:1', to: 'Lia@Daily.example', subject: 'Sent', text: 'Hello Lia', kind: 'release' },
      { idempotencyKey: 'erase-test:2', to: 'lia@daily.example', subject: 'Later', text: 'Hello', kind: 'release' },
      { idempotencyKey: 'erase-test:3', to: 'other@daily.example', subject: 'Other', text: 'Hi', kind: 'release' },
    ]);
    await ctx.db.update(t.mailOutbox).set({ status: 'sent' }).where(eq(t.mailOutbox.idempotencyKey, 'erase-test:1'));
    const data = await as('editor').get(`/en/workspace/press/contacts/${lia.id}/data.json`);
    expect(data.headers['content-disposition']).toContain('attachment');
    expect(JSON.parse(data.body)).toMatchObject({
      email: 'lia@daily.example',
      beats: ['justice'],
      history: [{ action: 'create' }, { action: 'update' }],
    });

    const unconfirmed = await as('editor').post(
      `/en/workspace/press/contacts/${lia.id}/erase`,
      {},
      `/en/workspace/press/contacts/${lia.id}/edit`,
    );
    expect(unconfirmed.statusCode).toBe(400);
    expect(await contactByEmail('lia@daily.example')).toBeDefined();

    const erased = await as('editor').post(
      `/en/workspace/press/contacts/${lia.id}/erase`,
      { confirm: '1' },
      `/en/workspace/press/contacts/${lia.id}/edit`,
    );
    expect(erased.statusCode).toBe(303);
    expect(await contactByEmail('lia@daily.example')).toBeUndefined();
    const audit = await ctx.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, 'press_contact'), eq(t.auditLog.entityId, String(lia.id))));
    expect(audit.map((a) => a.action)).toEqual(['erase']);
    expect(JSON.stringify(audit)).not.toMatch(/lia|Stern|daily/i);
    const mail = await ctx.db.select().from(t.mailOutbox).where(like(t.mailOutbox.idempotencyKey, 'erase-test:%'));
    expect(mail.map((m) => m.to)).toEqual(['other@daily.example']);
  });

  it('an import with problems: each named by row and column, with what to do; the commit writes nothing', async () => {
    const bad = [
      'name,email,languages,country,beats,trusted,colour',
      'Ok Person,ok@fine.example,en,US,justice,no,',
      ',noname@fine.example,es,MX,,no,',
      'Bad Mail,not-a-mail,en,US,,no,',
      'Bad Lang,lang@fine.example,fr,US,,no,',
      'Bad Beat,beat@fine.example,en,US,sports,maybe,',
      'Twice,ok@fine.example,en,US,,no,',
    ].join('\n');
    const report = await upload('contacts.csv', Buffer.from(bad));
    expect(report.statusCode).toBe(400);
    const $ = cheerio.load(report.body);
    const rows = $('table.data-table tbody tr')
      .toArray()
      .map((tr) =>
        $(tr)
          .find('td')
          .toArray()
          .map((td) => $(td).text().trim()),
      );
    expect(rows).toEqual([['1', 'colour', expect.stringContaining('rename it to one of the listed columns')]]);
    // Without the unknown column, every row's problems show.
    const report2 = await upload('contacts.csv', Buffer.from(bad.replace(/,colour/, '').replace(/,$/gm, '')));
    const $2 = cheerio.load(report2.body);
    const problems = $2('table.data-table tbody tr')
      .toArray()
      .map((tr) =>
        $2(tr)
          .find('td')
          .toArray()
          .slice(0, 2)
          .map((td) => $2(td).text().trim())
          .join(':'),
      );
    expect(problems).toEqual(['3:name', '4:email', '5:languages', '6:trusted', '6:beats', '7:email']);
    expect($2('form[action$="/import/commit"]')).toHaveLength(0);
    expect(await ctx.db.select().from(t.pressContacts)).toEqual([]);

    // A commit of a bad file (posted by hand) is refused, nothing written.
    const forced = await as('editor').post(
      '/en/workspace/press/import/commit',
      { csv: bad },
      '/en/workspace/press/import',
    );
    expect(forced.statusCode).toBe(400);
    expect(await ctx.db.select().from(t.pressContacts)).toEqual([]);
  });

  it('a clean import: the dry run saves nothing, the confirmation saves every row; a second import updates', async () => {
    const report = await upload('contacts.csv', Buffer.from(CONTACTS_CSV));
    expect(report.statusCode).toBe(200);
    const $ = cheerio.load(report.body);
    expect($('[role=status]').text()).toContain('6 rows: 6 new, 0 updating');
    expect(await ctx.db.select().from(t.pressContacts)).toEqual([]);
    const csv = $('form[action$="/import/commit"] input[name=csv]').attr('value')!;
    const committed = await as('editor').post(
      '/en/workspace/press/import/commit',
      { csv },
      '/en/workspace/press/import',
    );
    expect(committed.statusCode).toBe(303);
    expect(await ctx.db.select().from(t.pressContacts)).toHaveLength(6);
    expect(await contactByEmail('carla@radio.example')).toMatchObject({ languages: ['es', 'en'], country: 'GT' });

    const again = await upload('contacts.csv', Buffer.from(CONTACTS_CSV.replace('Diario MX', 'Diario Nuevo')));
    expect(cheerio.load(again.body)('[role=status]').text()).toContain('6 rows: 0 new, 6 updating');
  });

  it('exports every contact as CSV and XLSX with the import columns (a round trip)', async () => {
    const csv = await as('editor').get('/en/workspace/press/contacts.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('name,outlet,email,languages,country,beats,notes,source,trusted,status');
    expect(csv.body).toContain('Carla Paz,Radio GT,carla@radio.example,es;en,GT,migration');
    const xlsx = await as('editor').get('/en/workspace/press/contacts.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(7);
    const roundTrip = await upload('contacts.xlsx', xlsx.rawPayload);
    expect(cheerio.load(roundTrip.body)('[role=status]').text()).toContain('6 rows: 0 new, 6 updating');
  });

  it('lists and a scheduled send over HTTP: the send page lists each recipient and offers change and cancel', async () => {
    const created = await as('editor').post(
      '/en/workspace/press/lists',
      { name: 'Spanish desk', kind: 'filter', languages: 'es' },
      '/en/workspace/press/lists/new',
    );
    expect(created.statusCode).toBe(303);
    const lists = cheerio.load((await as('editor').get('/en/workspace/press/lists')).body);
    expect(lists('table.data-table tbody tr').text()).toContain('Spanish desk');
    const [list] = await ctx.db.select().from(t.pressLists).where(eq(t.pressLists.name, 'Spanish desk'));
    await embargoedRelease(ctx.db, 'http-release', new Date('2026-06-01T12:00:00Z'));
    const preview = await as('editor').get(
      '/en/workspace/press/sends/preview?release=http-release&mode=lift&lang=es&note=Hola',
    );
    expect(preview.statusCode).toBe(200);
    expect(cheerio.load(preview.body)('pre').text()).toContain('La coalición pide un paso seguro');
    const sent = await as('editor').post(
      '/en/workspace/press/sends',
      { release: 'http-release', mode: 'lift', note: 'Hola', lists: String(list!.id) },
      '/en/workspace/press/sends/new',
    );
    expect(sent.statusCode).toBe(303);
    const page = cheerio.load((await as('editor').get(sent.headers.location!.toString())).body);
    expect(page('table.data-table tbody tr')).toHaveLength(2);
    expect(page('form[action$="/cancel"]')).toHaveLength(1);
  });
});
