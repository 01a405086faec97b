/** Sign-on over HTTP, every role × action on both engines, and what the public sees when. */
import * as cheerio from 'cheerio';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { editors, everyone, members, signOnFixture, type Who } from '../../../test/support/signon.js';
import { Visitor } from '../../../test/support/visitors.js';
import { listAudit } from '../../platform/audit.js';

describeEachEngine('sign-on: members sign for their organization, editors decide', (ctx) => {
  const {
    app,
    as,
    newStatement,
    statementRow,
    callVersion,
    requests,
    signatorySlugs,
    open,
    sign,
    decide,
    publish,
    statementNumber,
  } = signOnFixture(ctx);

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
    expect(list.body).not.toContain(`Sign-on statement ${statementNumber()}`);
    expect((await as('memberOwn').get(`/en/sign-on/${slug}`)).statusCode).toBe(404);
    expect((await sign('memberOwn', slug)).statusCode).toBe(404);
    expect(await requests(slug)).toEqual([]);
  });

  it('the whole path: open, sign, approve; the public sees the signatory only once the statement is published', async () => {
    const slug = await newStatement();
    await open(slug);
    const page = cheerio.load((await as('memberOwn').get(`/es/sign-on/${slug}`)).body);
    expect(page('h1').text()).toBe(`Declaración para firmar ${statementNumber()}`);
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
    const anonymous = new Visitor(app());
    expect((await anonymous.get(`/en/statements/${slug}`)).statusCode).toBe(404);
    expect((await anonymous.get('/en/organizations/cejil')).body).not.toContain(
      `Sign-on statement ${statementNumber()}`,
    );
    await publish(slug);
    const $ = cheerio.load((await anonymous.get(`/en/statements/${slug}`)).body);
    const listed = $('.signatories li a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(listed).toEqual(['/en/organizations/cejil']);
    expect((await anonymous.get('/en/organizations/cejil')).body).toContain(`Sign-on statement ${statementNumber()}`);
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
});
