/**
 * The visibility matrix's public channels: every public page, download, feed and API address × every
 * publication state × every kind of visitor shows a statement, its follow-up and its releases only while
 * they are public (editors also see drafts on their own pages). A release is public only while the statement
 * it presents is; the sitemap lists exactly what is public; embargoes lift and withdrawals take effect at
 * their instant, with no job to run. Channels: test/support/visibility-matrix-channels.ts.
 * (The editors' workspace pages share the fixture in visibility-matrix-workspace.test.ts: one more file would
 * build it once more, which costs more than the tests of releases and time take.)
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import { channels, editorChannels } from '../../test/support/visibility-matrix-channels.js';
import { statementOf, useMatrixFixture, withoutHighlights } from '../../test/support/visibility-matrix-fixture.js';
import {
  COPY_KINDS,
  copyKey,
  copySha,
  editorsSee,
  FOLLOWUP_KINDS,
  followupText,
  HOUR,
  heldReleaseShown,
  heldReleases,
  heldSlugOf,
  heldTitleOf,
  homeLists,
  releaseIsPublic,
  releaseSlugOf,
  releaseTitleOf,
  samples,
  showsFollowup,
  showsReleases,
  showsStatements,
  slugOf,
  T,
  titleOf,
} from '../../test/support/visibility-matrix-samples.js';
import { LOCALES } from '../platform/i18n/locales.js';
import { visibilityState } from '../platform/visibility.js';

describeEachEngine('visibility matrix: public channels', (ctx) => {
  const matrix = useMatrixFixture(ctx);

  // Every route × language × sample is a request: on a 2-CPU machine running other suites, 30 s is too tight.
  for (const who of ['anonymous', 'member', 'editor', 'admin'] as const) {
    it(`${who}: public channels show published statements and releases only, in every language`, {
      timeout: 120_000,
    }, async () => {
      const visitor = matrix.visitors.get(who)!;
      for (const [key, urlFor] of Object.entries(channels)) {
        for (const locale of key.includes(':locale') ? LOCALES : ['en']) {
          for (const s of samples) {
            const url = urlFor(locale, s).replace('stylesheet', matrix.stylesheet);
            const response = await visitor.get(url);
            const body = withoutHighlights(response.body);
            const shown = body.includes(titleOf(s));
            // Workspace pages show nothing to a visitor without a session (they redirect to sign-in).
            const signedInOnly = key.startsWith('/:locale/workspace') && who === 'anonymous';
            const expected =
              (visibilityState(s, T) === 'published' && showsStatements(key) && !signedInOnly) ||
              editorsSee(who, key, visibilityState(s, T)) ||
              homeLists(who, key, 'statement', visibilityState(s, T));
            expect(shown, `${who} ${url} (${s.key})`).toBe(expected);
            if (key === '/:locale/statements/:slug' || key.endsWith('/:recommendation')) {
              expect(response.statusCode, `${who} ${url}`).toBe(expected ? 200 : 404);
            }
            if (
              key.startsWith('/api/v1/statements/:slug') ||
              key === '/:locale/statements/:slug/recommendations.:format'
            ) {
              expect(response.statusCode, `${who} ${url}`).toBe(expected ? 200 : 404);
            }
            if (
              key === '/:locale/statements/:slug/recommendations/:recommendation/follow-up' ||
              key === '/:locale/statements/:slug/sign'
            ) {
              expect(response.statusCode, `${who} ${url}`).toBe(expected ? 200 : 404);
            }
            const editorsPage = editorChannels.has(key) && (who === 'editor' || who === 'admin');
            for (const kind of FOLLOWUP_KINDS) {
              if (!editorsPage) {
                expect(body.includes(followupText(kind, s, true)), `${who} ${url} draft ${kind} (${s.key})`).toBe(
                  false,
                );
              }
              const followupExpected = visibilityState(s, T) === 'published' && showsFollowup(key, kind);
              if (!editorsPage) {
                expect(body.includes(followupText(kind, s, false)), `${who} ${url} ${kind} (${s.key})`).toBe(
                  followupExpected,
                );
              }
            }
            const releaseShown = body.includes(releaseTitleOf(s));
            const releaseExpected =
              (releaseIsPublic(s) && showsReleases(key)) || homeLists(who, key, 'release', visibilityState(s, T));
            expect(releaseShown, `${who} ${url} (release ${s.key})`).toBe(releaseExpected);
            if (key.startsWith('/:locale/releases/:slug')) {
              expect(response.statusCode, `${who} ${url}`).toBe(releaseExpected ? 200 : 404);
            }
            // Releases that present a matrix statement: only where and when their statement is public.
            for (const h of heldReleases) {
              expect(body.includes(heldTitleOf(h)), `${who} ${url} (release ${h.key})`).toBe(
                heldReleaseShown(who, key, s, h),
              );
            }
          }
        }
      }
    });
  }

  for (const who of ['anonymous', 'member', 'editor', 'admin'] as const) {
    it(`${who}: a follow-up entry's uploaded copy is served exactly when the entry is public`, async () => {
      const visitor = matrix.visitors.get(who)!;
      for (const s of samples) {
        for (const kind of COPY_KINDS) {
          for (const draft of [false, true]) {
            const response = await visitor.get(`/files/${copySha.get(copyKey(s, kind, draft))}`);
            const expected = visibilityState(s, T) === 'published' && !draft;
            expect(response.statusCode, `${who} ${kind} copy (${s.key}, ${draft ? 'draft' : 'published'})`).toBe(
              expected ? 200 : 404,
            );
          }
        }
      }
    });
  }

  /** Every public channel of one release: its page and each download, in every language. */
  const releaseChannels = (slug: string) =>
    LOCALES.flatMap((l) => [
      `/${l}/releases/${slug}`,
      ...['pdf', 'docx', 'md', 'txt'].map((f) => `/${l}/releases/${slug}/release.${f}`),
    ]);

  for (const who of ['anonymous', 'member', 'editor', 'admin'] as const) {
    it(`${who}: a release and its downloads are public only while the statement it presents is`, async () => {
      const visitor = matrix.visitors.get(who)!;
      for (const h of heldReleases) {
        for (const url of releaseChannels(heldSlugOf(h))) {
          expect((await visitor.get(url)).statusCode, `${who} ${url}`).toBe(h.publicAtT ? 200 : 404);
        }
      }
    });
  }

  it('the sitemap lists exactly the public statements, recommendations and releases, before and after an embargo lifts', async () => {
    const anonymous = matrix.visitors.get('anonymous')!;
    const listed = async () => {
      const files = ['statements', 'recommendations', 'releases'].map((k) => `/sitemaps/${k}-1.xml`);
      return (await Promise.all(files.map((f) => anonymous.get(f)))).map((r) => r.body).join('\n');
    };
    for (const [now, after] of [[T, false] as const, [new Date(T.getTime() + HOUR + 1), true] as const]) {
      matrix.clock = now;
      try {
        const body = await listed();
        for (const s of samples) {
          const isPublic = visibilityState(s, now) === 'published';
          expect(body.includes(`/statements/${slugOf(s)}</loc>`), `statement ${s.key}`).toBe(isPublic);
          expect(body.includes(`/statements/${slugOf(s)}/recommendations/r1</loc>`), `recommendation ${s.key}`).toBe(
            isPublic,
          );
          expect(body.includes(`/releases/${releaseSlugOf(s)}</loc>`), `release ${s.key}`).toBe(
            visibilityState(s, now) === 'published',
          );
        }
        for (const h of heldReleases) {
          expect(body.includes(`/releases/${heldSlugOf(h)}</loc>`), `release ${h.key}`).toBe(
            after ? h.publicAfterEmbargo : h.publicAtT,
          );
        }
      } finally {
        matrix.clock = T;
      }
    }
  });

  it('a release whose embargo lifts stays hidden on every channel while its statement is a draft', async () => {
    const anonymous = matrix.visitors.get('anonymous')!;
    matrix.clock = new Date(T.getTime() + HOUR + 1);
    try {
      for (const h of heldReleases) {
        for (const url of releaseChannels(heldSlugOf(h))) {
          expect((await anonymous.get(url)).statusCode, `${url} after the embargo`).toBe(
            h.publicAfterEmbargo ? 200 : 404,
          );
        }
        for (const locale of LOCALES) {
          const newsroom = await anonymous.get(`/${locale}/releases`);
          expect(newsroom.body.includes(heldTitleOf(h)), `/${locale}/releases ${h.key}`).toBe(h.publicAfterEmbargo);
          const statementPage = await anonymous.get(`/${locale}/statements/${slugOf(statementOf(h.statement))}`);
          expect(statementPage.body.includes(heldTitleOf(h)), `statement page of ${h.key}`).toBe(h.publicAfterEmbargo);
        }
      }
    } finally {
      matrix.clock = T;
    }
  });

  it('an embargo lifts by itself at its instant; a withdrawal takes effect at its instant', async () => {
    const anonymous = matrix.visitors.get('anonymous')!;
    matrix.clock = new Date(T.getTime() + HOUR + 1);
    expect((await anonymous.get('/en/statements/matrix-embargoed')).statusCode).toBe(200);
    matrix.clock = new Date(T.getTime() - 2 * HOUR);
    expect((await anonymous.get('/en/statements/matrix-withdrawn')).statusCode).toBe(200);
    matrix.clock = T;
    expect((await anonymous.get('/en/statements/matrix-withdrawn')).statusCode).toBe(404);
  });
});
