/** The release editor shows the linter's findings on the saved release, as the release page does for editors. */
import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { lintStoredRelease } from './lint-stored.js';
import { getRelease } from './service.js';

describeEachEngine('linter findings in the release editor', (ctx) => {
  const now = new Date('2026-11-27T12:00:00Z');
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => now });
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' });
  });

  it('lists every finding of the demo release, in the editor’s language, the misspelled press e-mail among them', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    const expected = await lintStoredRelease(ctx.db, await getRelease(ctx.db, 'guatemala-vp-visit-2021', now), now);
    expect(expected.length).toBeGreaterThan(0);
    for (const locale of ['en', 'es'] as const) {
      const response = await editor.get(`/${locale}/workspace/releases/guatemala-vp-visit-2021`);
      expect(response.statusCode).toBe(200);
      const $ = cheerio.load(response.body);
      const items = $('.release-checks li.finding');
      expect(items.map((_, el) => $(el).attr('data-rule')).get()).toEqual(expected.map((f) => f.rule));
      const typo = items.filter('[data-rule="email-domain-misspelled"]').text();
      expect(typo).toContain(expected.find((f) => f.rule === 'email-domain-misspelled')!.message[locale]);
    }
  });
});
