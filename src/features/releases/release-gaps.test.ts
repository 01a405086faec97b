import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';

const releaseUrl = (locale: string) => `/${locale}/releases/guatemala-vp-visit-2021`;

describeEachEngine('release gaps on the page', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db });
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' });
    await createUserWithPassword(ctx.db, { email: 'member@cejil.org', role: 'member', organizationId: cejil!.id });
  });

  const gapsOn = async (visitor: Visitor, url: string) => {
    const response = await visitor.get(url);
    expect(response.statusCode).toBe(200);
    const $ = cheerio.load(response.body);
    return $('.release-gaps li')
      .map((_, el) => $(el).text())
      .get();
  };

  it('shows a signed-in editor what the release is missing, in their language', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    // The seed gives Migration and Development Platform no "About" text.
    expect(await gapsOn(editor, releaseUrl('en'))).toContain(
      'Migration and Development Platform has no “About” text in English.',
    );
    expect((await gapsOn(editor, releaseUrl('es'))).join(' ')).toContain('Plataforma de Migración y Desarrollo');
  });

  it('never shows the list to the public or to organization members', async () => {
    expect(await gapsOn(new Visitor(app), releaseUrl('en'))).toEqual([]);
    expect(await gapsOn(await signedIn(app, 'member@cejil.org'), releaseUrl('en'))).toEqual([]);
  });

  it('drops a gap as soon as the registry fills it', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    const platform = eq(t.organizations.slug, 'migration-development-platform');
    const [seeded] = await ctx.db.select().from(t.organizations).where(platform);
    const hasGap = (gaps: string[]) => gaps.some((g) => g.startsWith('Migration and Development Platform'));
    expect(hasGap(await gapsOn(editor, releaseUrl('en')))).toBe(true);
    try {
      await ctx.db
        .update(t.organizations)
        .set({ boilerplate: { en: { text: 'A platform of Guatemalan organizations.', origin: 'original' } } })
        .where(platform);
      expect(hasGap(await gapsOn(editor, releaseUrl('en')))).toBe(false);
    } finally {
      // The other tests read the seed as it was, whatever order they run in.
      await ctx.db.update(t.organizations).set({ boilerplate: seeded!.boilerplate }).where(platform);
    }
  });
});
