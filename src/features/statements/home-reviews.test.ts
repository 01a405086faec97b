/**
 * The home lists the coalition's own statements; UPR reviews (issue 17) are not among them. The home
 * links to the UPR recommendations the coalition follows (the follow-up dashboards' `source=upr`)
 * once a review is public, in both languages; the dashboards filter by who made a recommendation.
 */
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';

const NOW = new Date('2026-12-01T12:00:00Z');

describeEachEngine('UPR reviews beside the home’s statements', (ctx) => {
  let app: FastifyTypeBox;
  const statement = async (slug: string, values: Partial<typeof t.statements.$inferInsert>) => {
    const [row] = await ctx.db
      .insert(t.statements)
      .values({ slug, title: localized('en', `Title ${slug}`), date: '2026-01-10', status: 'published', ...values })
      .returning({ id: t.statements.id });
    await ctx.db
      .insert(t.recommendations)
      .values({ statementId: row?.id as number, slug: 'one', position: 1, text: localized('en', `Ask of ${slug}`) });
  };
  const homeLinks = async (locale: 'en' | 'es') => {
    const { status, $ } = await getPage(app, `/${locale}/`);
    expect(status).toBe(200);
    return {
      cards: $('.cards h2 a')
        .toArray()
        .map((a) => $(a).attr('href')),
      reviews: $(`main a[href="/${locale}/follow-up?source=upr"]`).text(),
    };
  };

  beforeAll(async () => {
    await statement('our-asks', {});
    await statement('upr-draft', { kind: 'upr_review', cycle: 3, session: 34, status: 'draft' });
    app = await createTestApp(ctx.db, () => NOW);
  });

  it('without a public review: the coalition’s statements and no link', async () => {
    expect(await homeLinks('en')).toEqual({ cards: ['/en/statements/our-asks'], reviews: '' });
  });

  it('with one: still only the coalition’s statements, and the link in each language', async () => {
    await statement('upr-34-slovenia', { kind: 'upr_review', cycle: 3, session: 34, date: '2026-11-01' });
    expect(await homeLinks('en')).toEqual({
      cards: ['/en/statements/our-asks'],
      reviews: 'UPR recommendations we follow',
    });
    expect((await homeLinks('es')).reviews).toBe('Recomendaciones del EPU que seguimos');
  });

  it('the follow-up list filters by who made the recommendation', async () => {
    const listed = async (query: string) => {
      const { status, $ } = await getPage(app, `/en/follow-up/recommendations${query}`);
      expect(status).toBe(200);
      return $('a[href$="/follow-up"]')
        .toArray()
        .map((a) => $(a).attr('href'))
        .filter((href) => href?.includes('/recommendations/'));
    };
    expect(await listed('?source=upr')).toEqual(['/en/statements/upr-34-slovenia/recommendations/one/follow-up']);
    expect(await listed('?source=coalition')).toEqual(['/en/statements/our-asks/recommendations/one/follow-up']);
    const { $ } = await getPage(app, '/es/follow-up?source=upr');
    expect($('#filter-source option:checked').text()).toBe('Estados, en exámenes del EPU');
  });
});
