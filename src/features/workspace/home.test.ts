/** The workspace home: what needs attention, per role, most urgent first, in both languages. */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { features } from '../../app/features.js';
import * as t from '../../platform/db/schema/index.js';
import { ATTENTION_KEYS, gatherContributions } from '../../platform/feature.js';
import { messages } from '../../platform/i18n/format.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { workspaceAttention } from './attention.js';

const contributions = gatherContributions(features);

const NOW = new Date('2026-11-27T12:00:00Z');
const DAY = 24 * 60 * 60_000;

describeEachEngine('workspace home: what needs attention', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => NOW });
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    const [afsc] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'afsc'));
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, NOW);
    await createUserWithPassword(ctx.db, { email: 'm@cejil.org', role: 'member', organizationId: cejil!.id }, NOW);
    // A draft release with a placeholder link (a linter error), and one under embargo until tomorrow.
    await ctx.db.insert(t.releases).values([
      {
        slug: 'home-draft',
        status: 'draft',
        releaseDate: '2026-11-27',
        headline: localized('en', 'Draft for the home page', { es: 'Borrador para la portada' }),
        lead: localized('en', 'Read [the report](TBD).', { es: 'Lea [el informe](TBD).' }),
      },
      {
        slug: 'home-embargoed',
        status: 'published',
        embargoedUntil: new Date(NOW.getTime() + DAY),
        timeZone: 'America/Guatemala',
        releaseDate: '2026-11-28',
        headline: localized('en', 'Embargoed for the home page', { es: 'Embargado para la portada' }),
      },
    ]);
    // A draft statement open for sign-on, which AFSC asked to sign.
    const [statement] = await ctx.db
      .insert(t.statements)
      .values({ slug: 'home-sign-on', title: localized('en', 'Open for sign-on'), date: '2026-11-20' })
      .returning();
    await ctx.db.insert(t.signOnCalls).values({ statementId: statement!.id, createdAt: NOW, updatedAt: NOW });
    await ctx.db
      .insert(t.signOnRequests)
      .values({ statementId: statement!.id, organizationId: afsc!.id, createdAt: NOW, updatedAt: NOW });
  });

  it('service: editors get the checks they may act on, in urgency order, embargoes first', async () => {
    const [editor] = await ctx.db.select().from(t.users).where(eq(t.users.email, 'editor@example.org'));
    const attention = await workspaceAttention(
      ctx.db,
      editor!,
      {
        now: NOW,
        locale: 'en',
        t: messages('en'),
        followupStaleMonths: 6,
        translationSources: contributions.translationSources,
      },
      contributions.attention,
    );
    const keys = attention.items.map((i) => i.key);
    expect(keys[0]).toBe('embargoedReleases');
    expect(keys.indexOf('pendingSignOn')).toBeLessThan(keys.indexOf('draftReleases'));
    expect(keys).toEqual(ATTENTION_KEYS.filter((k) => keys.includes(k)));
    // Members' checks are not an editor's; every other check is made, found or clear.
    const checked = [...keys, ...attention.clear];
    expect(checked).not.toContain('profileGaps');
    expect(checked).not.toContain('openSignOnCalls');
    expect(checked).toContain('staleRecommendations');
    const drafts = attention.items.find((i) => i.key === 'draftReleases')!;
    expect(drafts.details.find((d) => d.path === '/workspace/releases/home-draft')?.errors).toBeGreaterThan(0);
    const pending = attention.items.find((i) => i.key === 'pendingSignOn')!;
    expect(pending).toMatchObject({ count: 1, details: [{ path: '/sign-on/home-sign-on' }] });
  });

  it('HTTP: the editor sees counts linking to where each is fixed, with the embargo time in its zone', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    for (const locale of ['en', 'es'] as const) {
      const response = await editor.get(`/${locale}/workspace`);
      expect(response.statusCode).toBe(200);
      const $ = cheerio.load(response.body);
      const counts = $('ol.attention > li > a.attention-count')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(counts[0]).toBe(`/${locale}/workspace/releases?state=embargoed`);
      expect(counts).toContain(`/${locale}/sign-on`);
      expect(counts).toContain(`/${locale}/workspace/releases?state=draft`);
      const embargoed = $('li.attention-embargoedReleases').text();
      expect(embargoed).toContain('America/Guatemala');
      expect(embargoed).toContain(locale === 'en' ? 'goes public' : 'se publica');
      const draft = $('li.attention-draftReleases').text();
      expect(draft).toMatch(locale === 'en' ? /\d+ linter errors?/ : /\d+ error(es)? del revisor/);
      expect($('h2#attention-heading').text()).toBe(locale === 'en' ? 'Needs attention' : 'Requiere atención');
    }
  });

  it('HTTP: a member sees their profile gaps and open sign-on calls, none of the editors’ lists', async () => {
    const member = await signedIn(app, 'm@cejil.org');
    for (const locale of ['en', 'es'] as const) {
      const $ = cheerio.load((await member.get(`/${locale}/workspace`)).body);
      const keys = $('ol.attention > li')
        .map((_, li) => $(li).attr('class'))
        .get()
        .join(' ');
      expect(keys).toContain('attention-openSignOnCalls');
      expect(keys).not.toMatch(/draftReleases|pendingSignOn|Translations|organizationsWithout/);
      expect($('li.attention-openSignOnCalls a[href$="/sign-on/home-sign-on"]').length).toBe(1);
      // CEJIL has no logo in the demo: the gap links the logo form.
      expect($(`li.attention-profileGaps a[href="/${locale}/workspace/organizations/cejil/logo"]`).text()).toBe(
        locale === 'en' ? 'Logo' : 'Logotipo',
      );
    }
  });
});

describeEachEngine('workspace home: nothing to do', (ctx) => {
  it('says so, and names what it checked', async () => {
    const app = await buildApp({ db: ctx.db, now: () => NOW });
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, NOW);
    const editor = await signedIn(app, 'editor@example.org');
    for (const locale of ['en', 'es'] as const) {
      const $ = cheerio.load((await editor.get(`/${locale}/workspace`)).body);
      expect($('ol.attention').length).toBe(0);
      expect($('p.attention-empty').text()).toBe(messages(locale).homeAttentionNothing);
      expect($('ul.attention-clear li').text()).toContain(messages(locale).homeDraftReleasesClear);
    }
  });
});
