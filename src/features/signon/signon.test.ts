/** Sign-on over HTTP, every role × action on both engines, and what the public sees when. */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { POLICY_ACCOUNTS, Visitor, visitorsAs } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { listAudit } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import { instantToLocal } from '../../platform/text/time-zones.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { createRecommendation } from '../statements/index.js';

type Who = 'anonymous' | 'memberOwn' | 'memberOther' | 'editor' | 'admin';
const everyone: Who[] = ['anonymous', 'memberOwn', 'memberOther', 'editor', 'admin'];
const members: Who[] = ['memberOwn', 'memberOther'];
const editors: Who[] = ['editor', 'admin'];

describeEachEngine('sign-on: members sign for their organization, editors decide', (ctx) => {
  let app: FastifyTypeBox;
  const visitors = new Map<Who, Visitor>();
  let statements = 0;
  /** The app's clock: real time unless a test moves it (and puts it back). */
  let clock: Date | null = null;

  /** A fresh draft statement per test, so tests never depend on each other. */
  async function newStatement(): Promise<string> {
    statements += 1;
    const slug = `signon-${statements}`;
    await ctx.db.insert(t.statements).values({
      slug,
      title: localized('en', `Sign-on statement ${statements}`, { es: `Declaración para firmar ${statements}` }),
      summary: localized('en', 'A summary only members asked to sign may read.'),
      date: '2026-11-01',
    });
    return slug;
  }
  const statementRow = async (slug: string) =>
    (await ctx.db.select().from(t.statements).where(eq(t.statements.slug, slug)))[0]!;
  const callVersion = async (slug: string) =>
    (
      await ctx.db
        .select()
        .from(t.signOnCalls)
        .where(eq(t.signOnCalls.statementId, (await statementRow(slug)).id))
    )[0]?.version ?? 0;
  const requests = async (slug: string) =>
    ctx.db
      .select()
      .from(t.signOnRequests)
      .where(eq(t.signOnRequests.statementId, (await statementRow(slug)).id));
  const signatorySlugs = async (slug: string) =>
    (
      await ctx.db
        .select({ slug: t.organizations.slug })
        .from(t.signatories)
        .innerJoin(t.organizations, eq(t.organizations.id, t.signatories.organizationId))
        .where(eq(t.signatories.statementId, (await statementRow(slug)).id))
    ).map((r) => r.slug);

  const as = (who: Who) => visitors.get(who)!;
  const open = async (slug: string) =>
    as('editor').post(`/en/sign-on/${slug}/open`, { version: await callVersion(slug) });
  const sign = async (who: Who, slug: string, version = 0) => as(who).post(`/en/sign-on/${slug}/sign`, { version });
  async function decide(slug: string, org: string, decision: 'approve' | 'decline', who: Who = 'editor') {
    const [organization] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, org));
    const request = (await requests(slug)).find((r) => r.organizationId === organization!.id)!;
    return as(who).post(`/en/sign-on/${slug}/requests/${request.id}/${decision}`, { version: request.version });
  }
  async function publish(slug: string) {
    await ctx.db.update(t.statements).set({ status: 'published' }).where(eq(t.statements.slug, slug));
  }

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => clock ?? new Date() });
    for (const [who, visitor] of await visitorsAs(app, ctx.db, POLICY_ACCOUNTS)) visitors.set(who, visitor);
  });

  /** Each action on a fresh statement prepared as the action needs; the answer expected per visitor. */
  const matrix: {
    action: string;
    allowed: Who[];
    /** A refusal other than 403: another organization's member has nothing of theirs to withdraw (400). */
    refusedWith?: Partial<Record<Who, number>>;
    run: (who: Who) => Promise<{ statusCode: number }>;
  }[] = [
    { action: 'see the sign-on list', allowed: [...members, ...editors], run: (who) => as(who).get('/en/sign-on') },
    {
      action: 'read a draft open for sign-on',
      allowed: [...members, ...editors],
      run: async (who) => {
        const slug = await newStatement();
        await open(slug);
        return as(who).get(`/en/sign-on/${slug}`);
      },
    },
    {
      action: 'open a statement for sign-on',
      allowed: editors,
      run: async (who) => {
        const slug = await newStatement();
        return as(who).post(`/en/sign-on/${slug}/open`, { version: 0 });
      },
    },
    {
      action: 'close sign-on',
      allowed: editors,
      run: async (who) => {
        const slug = await newStatement();
        await open(slug);
        return as(who).post(`/en/sign-on/${slug}/close`, { version: 1 });
      },
    },
    {
      action: 'sign for their own organization',
      allowed: members,
      run: async (who) => {
        const slug = await newStatement();
        await open(slug);
        return sign(who, slug);
      },
    },
    {
      action: "withdraw cejil's signature before publication",
      allowed: ['memberOwn'],
      refusedWith: { memberOther: 400 },
      run: async (who) => {
        const slug = await newStatement();
        await open(slug);
        await sign('memberOwn', slug);
        const response = await as(who).post(`/en/sign-on/${slug}/withdraw`, { version: 1 });
        const status = (await requests(slug))[0]!.status;
        expect(status).toBe(who === 'memberOwn' ? 'withdrawn' : 'pending');
        return response;
      },
    },
    {
      action: "approve cejil's request",
      allowed: editors,
      run: async (who) => {
        const slug = await newStatement();
        await open(slug);
        await sign('memberOwn', slug);
        return decide(slug, 'cejil', 'approve', who);
      },
    },
    {
      action: "decline cejil's request",
      allowed: editors,
      run: async (who) => {
        const slug = await newStatement();
        await open(slug);
        await sign('memberOwn', slug);
        return decide(slug, 'cejil', 'decline', who);
      },
    },
  ];

  for (const { action, allowed, refusedWith, run } of matrix) {
    for (const who of everyone) {
      const ok = allowed.includes(who);
      const isPage = action.startsWith('see') || action.startsWith('read');
      const expected = ok ? (isPage ? 200 : 303) : (refusedWith?.[who] ?? (who === 'anonymous' && isPage ? 303 : 403));
      it(`${who} ${ok ? 'may' : 'may not'} ${action} (${expected})`, async () => {
        const response = await run(who);
        expect(response.statusCode).toBe(expected);
      });
    }
  }

  it('before sign-on opens, members learn nothing about the draft: not listed, 404, cannot sign', async () => {
    const slug = await newStatement();
    const list = await as('memberOwn').get('/en/sign-on');
    expect(list.body).not.toContain(`Sign-on statement ${statements}`);
    expect((await as('memberOwn').get(`/en/sign-on/${slug}`)).statusCode).toBe(404);
    expect((await sign('memberOwn', slug)).statusCode).toBe(404);
    expect(await requests(slug)).toEqual([]);
  });

  it('the whole path: open, sign, approve; the public sees the signatory only once the statement is published', async () => {
    const slug = await newStatement();
    await open(slug);
    const page = cheerio.load((await as('memberOwn').get(`/es/sign-on/${slug}`)).body);
    expect(page('h1').text()).toBe(`Declaración para firmar ${statements}`);
    expect(page('.own-status').text()).toBe('Tu organización todavía no ha firmado esta declaración.');
    expect((await sign('memberOwn', slug)).headers.location).toBe(`/en/sign-on/${slug}?done=signed`);
    expect((await sign('memberOther', slug)).statusCode).toBe(303);
    // Members see their own organization's request only.
    const other = cheerio.load((await as('memberOther').get(`/en/sign-on/${slug}`)).body);
    expect(other('.signon-requests').length).toBe(0);
    expect(other.text()).not.toContain('Center for Justice');
    const editorPage = cheerio.load((await as('editor').get(`/en/sign-on/${slug}`)).body);
    expect(editorPage('.signon-requests tbody tr').length).toBe(2);
    expect((await decide(slug, 'cejil', 'approve')).statusCode).toBe(303);
    expect((await decide(slug, 'alianza-americas', 'decline')).statusCode).toBe(303);
    expect(await signatorySlugs(slug)).toEqual(['cejil']);
    const anonymous = new Visitor(app);
    expect((await anonymous.get(`/en/statements/${slug}`)).statusCode).toBe(404);
    expect((await anonymous.get('/en/organizations/cejil')).body).not.toContain(`Sign-on statement ${statements}`);
    await publish(slug);
    const $ = cheerio.load((await anonymous.get(`/en/statements/${slug}`)).body);
    const listed = $('.signatories li a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(listed).toEqual(['/en/organizations/cejil']);
    expect((await anonymous.get('/en/organizations/cejil')).body).toContain(`Sign-on statement ${statements}`);
    const trail = (await listAudit(ctx.db, 'sign_on', (await statementRow(slug)).id)).map((e) => e.action);
    expect(trail).toEqual(['open_sign_on']);
    const [cejilRequest] = (await requests(slug)).filter((r) => r.status === 'approved');
    const requestTrail = (await listAudit(ctx.db, 'sign_on_request', cejilRequest!.id)).map((e) => [
      e.action,
      e.actorLabel,
    ]);
    expect(requestTrail).toEqual([
      ['sign_on', 'own@cejil.org'],
      ['approve_sign_on', 'editor@example.org'],
    ]);
  });

  it('a signature can be withdrawn before publication (leaving the signatories), not after', async () => {
    const slug = await newStatement();
    await open(slug);
    await sign('memberOwn', slug);
    await decide(slug, 'cejil', 'approve');
    expect(await signatorySlugs(slug)).toEqual(['cejil']);
    const [request] = await requests(slug);
    expect((await as('memberOwn').post(`/en/sign-on/${slug}/withdraw`, { version: request!.version })).statusCode).toBe(
      303,
    );
    expect(await signatorySlugs(slug)).toEqual([]);
    // Asked again after withdrawing: pending once more, then approved, then published: no withdrawal now.
    expect((await sign('memberOwn', slug, request!.version + 1)).statusCode).toBe(303);
    await decide(slug, 'cejil', 'approve');
    await publish(slug);
    const [again] = await requests(slug);
    const late = await as('memberOwn').post(`/en/sign-on/${slug}/withdraw`, { version: again!.version });
    expect(late.statusCode).toBe(403);
    expect(late.body).toContain('ask the editors');
    expect(await signatorySlugs(slug)).toEqual(['cejil']);
  });

  it("a refusal no form answers is a page in the reader's language saying why, and changes nothing", async () => {
    const slug = await newStatement();
    await open(slug);
    await sign('memberOwn', slug);
    const before = await requests(slug);
    const refused = await as('memberOther').post(`/es/sign-on/${slug}/withdraw`, { version: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.body).toContain('<html lang="es"');
    expect(refused.body).toContain('No se pudo hacer');
    expect(refused.body).toContain('no tiene ninguna firma en esta declaración que retirar');
    expect(refused.body).not.toContain('no signature here');
    expect(await requests(slug)).toEqual(before);
  });

  it('a decision from a stale page is a 409 and changes nothing', async () => {
    const slug = await newStatement();
    await open(slug);
    await sign('memberOwn', slug);
    const [request] = await requests(slug);
    await as('admin').post(`/en/sign-on/${slug}/requests/${request!.id}/decline`, { version: request!.version });
    const stale = await as('editor').post(`/en/sign-on/${slug}/requests/${request!.id}/approve`, {
      version: request!.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(await signatorySlugs(slug)).toEqual([]);
    expect((await requests(slug))[0]!.status).toBe('declined');
  });

  it('once closed, members cannot sign any more; a member whose organization asked may still read it', async () => {
    const slug = await newStatement();
    await open(slug);
    await sign('memberOwn', slug);
    await as('editor').post(`/en/sign-on/${slug}/close`, { version: await callVersion(slug) });
    const refused = await sign('memberOther', slug);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Sign-on for this statement is closed.');
    expect((await as('memberOwn').get(`/en/sign-on/${slug}`)).statusCode).toBe(200);
    expect((await as('memberOther').get(`/en/sign-on/${slug}`)).statusCode).toBe(404);
  });

  describe('the page shows what is being signed', () => {
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
      clock = new Date(soon.getTime() + 30 * 60_000);
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
        clock = null;
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
});
