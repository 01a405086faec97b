/**
 * The visibility matrix: every GET route × every publication state × every kind of visitor, for statements
 * and for press releases. Its routes are enumerated from the app here, so a new page, download or feed fails
 * this file until it joins the channels of test/support/visibility-matrix-channels.ts, with a URL that would
 * show a statement if it leaked. What each channel may show to whom is checked by visibility-matrix-public
 * (public channels, uploaded copies, releases, the sitemap and the clock) and visibility-matrix-workspace
 * (editors' pages).
 */
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import { uncoveredRoutes } from '../../test/support/visibility-matrix-channels.js';
import { statementOf } from '../../test/support/visibility-matrix-fixture.js';
import { HOUR, heldReleases, samples, T } from '../../test/support/visibility-matrix-samples.js';
import { releaseVisibility, type VisibilityState, visibilityState } from '../platform/visibility.js';
import { registeredRoutes } from '../platform/web/route-table.js';
import { buildApp } from './app.js';

describeEachEngine('visibility matrix: every route is a channel', (ctx) => {
  it('covers every GET route the app registers (a new public channel must join the matrix)', async () => {
    const app = await buildApp({ db: ctx.db, now: () => T });
    await app.ready();
    expect(registeredRoutes(app).length).toBeGreaterThan(10);
    expect(uncoveredRoutes(app)).toEqual([]);
  });

  it('notices a channel added without joining the matrix', async () => {
    const extended = await buildApp({ db: ctx.db, now: () => T });
    extended.get('/es/feed.xml', async () => 'leak?');
    await extended.ready();
    expect(uncoveredRoutes(extended)).toEqual(['/:locale/feed.xml']);
  });
});

describe('visibility matrix: the rule itself', () => {
  it('only published (and embargo-lifted) statements are public', () => {
    const states = samples.map((s) => visibilityState(s, T));
    expect(states).toEqual<VisibilityState[]>(['draft', 'embargoed', 'published', 'published', 'withdrawn']);
  });

  it('a release is never more public than the statement it presents', () => {
    const at = (now: Date) =>
      heldReleases.map((h) =>
        releaseVisibility(
          { status: 'published', embargoedUntil: h.embargoUntil, withdrawnAt: null },
          statementOf(h.statement),
          now,
        ),
      );
    expect(at(T)).toEqual<VisibilityState[]>(['draft', 'embargoed', 'embargoed', 'withdrawn', 'published']);
    expect(at(new Date(T.getTime() + HOUR + 1))).toEqual<VisibilityState[]>([
      'draft',
      'draft',
      'published',
      'withdrawn',
      'published',
    ]);
  });
});
