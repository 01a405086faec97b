/** The sign-on page shows what is being signed: the statement, every recommendation, the organization, signatories, deadline. */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { editors, signOnFixture } from '../../../test/support/signon.js';
import { listAudit } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import { instantToLocal } from '../../platform/text/time-zones.js';
import { createRecommendation } from '../statements/index.js';

describeEachEngine('sign-on: the page shows what is being signed', (ctx) => {
  const { as, newStatement, statementRow, open, callVersion, requests, sign, decide, publish, setClock } =
    signOnFixture(ctx);

  const idOf = async (table: typeof t.themes | typeof t.addressees, slug: string) =>
    (await ctx.db.select().from(table).where(eq(table.slug, slug)))[0]!.id;
  const editorRow = async () =>
    (await ctx.db.select().from(t.users).where(eq(t.users.email, 'editor@example.org')))[0]!;
  const addRecommendation = async (slug: string, en: string, es: string, themes: string[]) =>
    createRecommendation(
      ctx.db,
      {
        statementSlug: slug,
        text: { en, es },
        themeIds: await Promise.all(themes.map((th) => idOf(t.themes, th))),
        addresseeIds: [await idOf(t.addressees, 'guatemala-government')],
        originalLocale: 'en',
      },
      await editorRow(),
      new Date(),
    );
  const setDeadline = async (slug: string, deadlineLocal: string, timeZone = 'America/Guatemala') =>
    as('editor').post(`/en/sign-on/${slug}/deadline`, { version: await callVersion(slug), deadlineLocal, timeZone });
  const recommendationCount = async (slug: string) =>
    (
      await ctx.db
        .select()
        .from(t.recommendations)
        .where(eq(t.recommendations.statementId, (await statementRow(slug)).id))
    ).length;

  /** A draft addressed to the Government of Guatemala, open, with two recommendations and a deadline in 2099. */
  async function openStatement(): Promise<string> {
    const slug = await newStatement();
    const statement = await statementRow(slug);
    await ctx.db
      .update(t.statements)
      .set({
        body: localized('en', 'The **full text** of the statement.', {
          es: 'El **texto completo** de la declaración.',
        }),
      })
      .where(eq(t.statements.id, statement.id));
    await ctx.db
      .insert(t.statementAddressees)
      .values({ statementId: statement.id, addresseeId: await idOf(t.addressees, 'guatemala-government') });
    await addRecommendation(slug, 'Protect human rights defenders.', 'Proteger a las personas defensoras.', [
      'governance-rule-of-law',
    ]);
    await addRecommendation(slug, 'Fund climate adaptation.', 'Financiar la adaptación climática.', [
      'climate-justice-environment',
      'socioeconomic-conditions',
    ]);
    await open(slug);
    expect((await setDeadline(slug, '2099-12-15T18:00')).statusCode).toBe(303);
    return slug;
  }

  it('every recommendation (one added after opening too), numbered and tagged by theme; the organization; the deadline', async () => {
    const slug = await openStatement();
    await addRecommendation(slug, 'End impunity for attacks.', 'Acabar con la impunidad de los ataques.', []);
    const $ = cheerio.load((await as('memberOwn').get(`/en/sign-on/${slug}`)).body);
    const items = $('.signon-recommendations li.recommendation');
    expect(items.length).toBe(await recommendationCount(slug));
    expect(items.length).toBe(3);
    expect(items.map((_, li) => $(li).find('.rec-number').text()).get()).toEqual([
      'Recommendation 1',
      'Recommendation 2',
      'Recommendation 3',
    ]);
    expect($(items[2]).text()).toContain('End impunity for attacks.');
    expect($(items[1]).find('.tags li').length).toBe(2);
    expect($(items[0]).find('.addressed-to').text()).toBe('Addressed to the Government of Guatemala.');
    expect($('.signon-intro').text()).toBe(
      'The signatory organizations address the following recommendations to the Government of Guatemala.',
    );
    expect($('.signon-text .prose strong').text()).toBe('full text');
    expect($('.signing-for').text()).toBe('Center for Justice and International Law');
    const deadline = $('.deadline time');
    expect(deadline.attr('datetime')).toBe('2099-12-16T00:00:00.000Z');
    expect(deadline.text()).toContain('December 15, 2099');
    expect(deadline.text()).toContain('6:00');
    expect(deadline.text()).toContain('America/Guatemala');
    expect($('form[action$="/sign"] button').text()).toBe(
      'Sign this statement for Center for Justice and International Law',
    );
    const list = cheerio.load((await as('memberOwn').get('/es/sign-on')).body);
    expect(list(`a[href="/es/sign-on/${slug}"]`).parent().find('.deadline').text()).toMatch(
      /^cierra el 15 de diciembre de 2099/,
    );
    // One form to sign, and nothing else a member submits.
    expect($('main form[method="post"]').length).toBe(1);
  });

  it('a long statement reads a page at a time: numbers continue on the next page, and the links keep their place', async () => {
    const slug = await openStatement();
    for (let i = 3; i <= 55; i++) await addRecommendation(slug, `Recommendation text ${i}.`, `Texto ${i}.`, []);
    const first = cheerio.load((await as('memberOwn').get(`/en/sign-on/${slug}`)).body);
    const numbers = ($: cheerio.CheerioAPI) =>
      $('.signon-recommendations li.recommendation')
        .map((_, li) => Number($(li).attr('data-number')))
        .get();
    expect(numbers(first)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(first('#recommendations-heading').text()).toContain('55');
    const next = first('.signon-recommendations nav.pager a[rel="next"]').attr('href');
    expect(next).toMatch(new RegExp(`^/en/sign-on/${slug}\\?after=.+#recommendations-heading$`));
    const second = cheerio.load((await as('memberOwn').get(next!)).body);
    expect(numbers(second)).toEqual([51, 52, 53, 54, 55]);
    expect(second('.signon-recommendations ol').attr('start')).toBe('51');
    expect(second('.signon-recommendations li.recommendation').last().text()).toContain('Recommendation text 55.');
    expect(second('.signon-recommendations nav.pager a[rel="next"]').length).toBe(0);
    // The form to sign is on every page.
    expect(second('form[action$="/sign"]').length).toBe(1);
  });

  it('in Spanish: "al Gobierno de Guatemala", the organization and the deadline in Spanish', async () => {
    const slug = await openStatement();
    const $ = cheerio.load((await as('memberOwn').get(`/es/sign-on/${slug}`)).body);
    expect($('.signon-intro').text()).toBe(
      'Las organizaciones firmantes dirigen las siguientes recomendaciones al Gobierno de Guatemala.',
    );
    expect($('.addressed-to').first().text()).toBe('Dirigida al Gobierno de Guatemala.');
    expect($('main').text()).not.toMatch(/\ba Gobierno\b/);
    expect($('.rec-number').first().text()).toBe('Recomendación 1');
    expect($('.signing-for').text()).toBe('Centro por la Justicia y el Derecho Internacional');
    expect($('.deadline time').text()).toContain('15 de diciembre de 2099');
    expect($('.deadline time').text()).toContain('18:00');
    expect($('form[action$="/sign"] button').text()).toBe(
      'Firmar esta declaración en nombre de Centro por la Justicia y el Derecho Internacional',
    );
  });

  it('lists the current signatories in the statement order, and says so when there are none', async () => {
    const slug = await openStatement();
    const empty = cheerio.load((await as('memberOwn').get(`/en/sign-on/${slug}`)).body);
    expect(empty('.signon-signatories').text()).toContain('No organization has signed yet.');
    await sign('memberOther', slug);
    await sign('memberOwn', slug);
    await decide(slug, 'alianza-americas', 'approve');
    const $ = cheerio.load((await as('memberOwn').get(`/en/sign-on/${slug}`)).body);
    const listed = $('.signon-signatories li')
      .map((_, li) => $(li).attr('data-organization'))
      .get();
    expect(listed).toEqual(['alianza-americas']);
    await decide(slug, 'cejil', 'approve');
    const both = cheerio.load((await as('memberOwn').get(`/en/sign-on/${slug}`)).body);
    expect(
      both('.signon-signatories li')
        .map((_, li) => both(li).attr('data-organization'))
        .get(),
    ).toEqual(['alianza-americas', 'cejil']);
  });

  it('after signing: a confirmation of what was recorded, the status instead of the same form, withdrawal as the rules allow', async () => {
    const slug = await openStatement();
    const signed = await sign('memberOwn', slug);
    const confirmation = cheerio.load((await as('memberOwn').get(signed.headers.location!)).body);
    expect(confirmation('.signon-confirmation[role=status]').text()).toMatch(
      /^Recorded: on .+ Center for Justice and International Law asked to sign this statement\./,
    );
    expect(confirmation('form[action$="/sign"]').length).toBe(0);
    expect(confirmation('.own-status').text()).toBe(
      'Your organization has asked to sign this statement; the editors have not decided yet.',
    );
    expect(confirmation('form[action$="/withdraw"]').length).toBe(1);
    await decide(slug, 'cejil', 'approve');
    const approved = cheerio.load((await as('memberOwn').get(`/es/sign-on/${slug}?done=signed`)).body);
    // The confirmation speaks of a pending request only: a stale or typed ?done= says nothing false.
    expect(approved('.signon-confirmation').length).toBe(0);
    expect(approved('.own-status').text()).toBe(
      'Tu organización firmó esta declaración: el equipo editor aprobó su firma.',
    );
    expect(approved('form[action$="/withdraw"]').length).toBe(1);
    await publish(slug);
    const published = cheerio.load((await as('memberOwn').get(`/en/sign-on/${slug}`)).body);
    expect(published('form[action$="/withdraw"]').length).toBe(0);
    expect(published('form[action$="/sign"]').length).toBe(0);
    expect(published('.signon-own').text()).toContain('can no longer be withdrawn here');
  });

  it('an organization already among the signatories (a convener) is told so, is not offered the form, and cannot ask again', async () => {
    const slug = await openStatement();
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    await ctx.db.insert(t.signatories).values({
      statementId: (await statementRow(slug)).id,
      organizationId: cejil!.id,
      role: 'convener',
      position: 1,
    });
    const $ = cheerio.load((await as('memberOwn').get(`/en/sign-on/${slug}`)).body);
    expect($('.own-status').text()).toContain('Your organization is already among the signatories');
    expect($('form[action$="/sign"]').length).toBe(0);
    expect($('.signon-signatories li[data-organization="cejil"] .badge').text()).toBe('Convener');
    const refused = await as('memberOwn').post(`/es/sign-on/${slug}/sign`, { version: 0 });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Tu organización ya figura entre las firmantes de esta declaración');
    expect(await requests(slug)).toEqual([]);
  });

  it('after the deadline: the page says sign-on is closed, offers no form, and a sign POST is refused and changes nothing', async () => {
    const slug = await openStatement();
    await sign('memberOwn', slug);
    const [request] = await requests(slug);
    const withdrawn = await as('memberOwn').post(`/en/sign-on/${slug}/withdraw`, { version: request!.version });
    const confirmed = cheerio.load((await as('memberOwn').get(withdrawn.headers.location!)).body);
    expect(confirmed('.signon-confirmation').text()).toBe(
      "Recorded: Center for Justice and International Law's signature was withdrawn.",
    );
    const soon = new Date(Date.now() + 30 * 60_000);
    expect((await setDeadline(slug, instantToLocal(soon, 'America/Guatemala'))).statusCode).toBe(303);
    const before = cheerio.load((await as('memberOwn').get(`/en/sign-on/${slug}`)).body);
    expect(before('form[action$="/sign"]').length).toBe(1);
    setClock(new Date(soon.getTime() + 30 * 60_000));
    try {
      const $ = cheerio.load((await as('memberOwn').get(`/en/sign-on/${slug}`)).body);
      expect($('.signon-state').text()).toMatch(/^Sign-on is closed: the deadline was .+America\/Guatemala/);
      expect($('form[action$="/sign"]').length).toBe(0);
      const es = cheerio.load((await as('memberOwn').get(`/es/sign-on/${slug}`)).body);
      expect(es('.signon-state').text()).toMatch(/^Las adhesiones están cerradas: el plazo terminó el /);
      const stored = await requests(slug);
      const refused = await sign('memberOwn', slug, stored[0]!.version);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('The deadline to sign this statement has passed');
      const refusedEs = await as('memberOwn').post(`/es/sign-on/${slug}/sign`, { version: stored[0]!.version });
      expect(refusedEs.body).toContain('El plazo para firmar esta declaración ya terminó');
      expect(await requests(slug)).toEqual(stored);
      expect((await sign('memberOther', slug)).statusCode).toBe(403);
      expect(await requests(slug)).toEqual(stored);
      const list = cheerio.load((await as('editor').get('/en/sign-on')).body);
      expect(list(`a[href="/en/sign-on/${slug}"]`).parent().text()).toContain('sign-on closed');
    } finally {
      setClock(null);
    }
  });

  it('an editor or the admin (no organization) is told they do not sign here, and gets no form to sign', async () => {
    const slug = await openStatement();
    for (const who of editors) {
      const $ = cheerio.load((await as(who).get(`/en/sign-on/${slug}`)).body);
      expect($('.signon-role').text()).toContain('Your account does not belong to an organization');
      expect($('.signing-for').length).toBe(0);
      expect($('form[action$="/sign"]').length).toBe(0);
      expect($('.signon-recommendations li.recommendation').length).toBe(2);
    }
    const es = cheerio.load((await as('admin').get(`/es/sign-on/${slug}`)).body);
    expect(es('.signon-role').text()).toContain('Tu cuenta no pertenece a ninguna organización');
    expect((await sign('editor', slug)).statusCode).toBe(403);
    expect(await requests(slug)).toEqual([]);
  });

  it('a deadline that is past or does not exist is refused, saying what to do, and changes nothing; a good one is audited', async () => {
    const slug = await openStatement();
    const call = async () =>
      (
        await ctx.db
          .select()
          .from(t.signOnCalls)
          .where(eq(t.signOnCalls.statementId, (await statementRow(slug)).id))
      )[0]!;
    const stored = await call();
    for (const [deadlineLocal, timeZone] of [
      ['2020-01-01T10:00', 'America/Guatemala'],
      ['2099-03-08T02:30', 'America/New_York'],
      ['not a time', 'UTC'],
      ['2099-01-01T10:00', 'Mars/Olympus'],
    ] as const) {
      const refused = await setDeadline(slug, deadlineLocal, timeZone);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('The deadline was not saved');
      expect(await call()).toEqual(stored);
    }
    expect((await setDeadline(slug, '', 'UTC')).statusCode).toBe(303);
    expect((await call()).deadline).toBeNull();
    const trail = (await listAudit(ctx.db, 'sign_on', (await statementRow(slug)).id)).map((e) => e.action);
    expect(trail).toEqual(['open_sign_on', 'set_sign_on_deadline', 'set_sign_on_deadline']);
  });
});
