/**
 * The visibility matrix's editorial workspace (issue 6): signed-in pages that show statements and releases in
 * EVERY state to editors and the admin (that is their job), and nothing at all to anyone else.
 * Channels: `editorialChannels` in test/support/visibility-matrix-channels.ts.
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import { editorialChannels } from '../../test/support/visibility-matrix-channels.js';
import { useMatrixFixture, withoutHighlights } from '../../test/support/visibility-matrix-fixture.js';
import { releaseTitleOf, samples, titleOf } from '../../test/support/visibility-matrix-samples.js';
import { LOCALES } from '../platform/i18n/locales.js';

describeEachEngine('visibility matrix: editorial workspace', (ctx) => {
  const matrix = useMatrixFixture(ctx);

  for (const who of ['anonymous', 'member', 'editor', 'admin'] as const) {
    const editor = who === 'editor' || who === 'admin';
    // Every route × language × sample is a request: on a 2-CPU machine running other suites, 30 s is too tight.
    it(`${who}: workspace pages show every state to editors and nothing to anyone else`, {
      timeout: 120_000,
    }, async () => {
      const visitor = matrix.visitors.get(who)!;
      for (const [key, channel] of Object.entries(editorialChannels)) {
        for (const locale of LOCALES) {
          for (const s of samples) {
            const url = channel.url(locale, s);
            const response = await visitor.get(url);
            if (!editor) {
              expect([303, 403], `${who} ${url}`).toContain(response.statusCode);
              expect(
                withoutHighlights(response.body).includes(titleOf(s)) ||
                  withoutHighlights(response.body).includes(releaseTitleOf(s)),
                `${who} ${url}`,
              ).toBe(false);
              continue;
            }
            expect(response.statusCode, `${who} ${url} (${key})`).toBe(200);
            if (channel.shows === 'statement')
              expect(withoutHighlights(response.body), `${who} ${url}`).toContain(titleOf(s));
            if (channel.shows === 'release')
              expect(withoutHighlights(response.body), `${who} ${url}`).toContain(releaseTitleOf(s));
          }
        }
      }
    });
  }
});
