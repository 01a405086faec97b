/**
 * The query and links of a statement's two paged lists, for every page that shows a statement a page at
 * a time (the public statement page and the sign-on page): `?after=`/`?before=` page the recommendations,
 * `?signatories-after=`/`-before=` the signatories, and each list's links keep the other list's place.
 */
import { Cursor, PageQuery } from '../../platform/web/page-query.js';
import { keysetLinks, type PagerLinks, pageHref } from '../../ui/pager.js';
import type { StatementPageDetail } from './page-service.js';

const SIGNATORY_CURSORS = { after: 'signatories-after', before: 'signatories-before' } as const;

/** Spread into a route's `querystring` object, beside the page's own parameters. */
export const StatementPageQuery = {
  ...PageQuery,
  [SIGNATORY_CURSORS.after]: Cursor,
  [SIGNATORY_CURSORS.before]: Cursor,
};

type Query = Readonly<Record<string, string | undefined>>;

/** Which page of each list the query asks for. */
export function statementListCursors(query: Query) {
  return {
    recommendations: { after: query.after, before: query.before },
    signatories: { after: query[SIGNATORY_CURSORS.after], before: query[SIGNATORY_CURSORS.before] },
  };
}

export interface StatementPagers {
  recommendations: PagerLinks;
  signatories: PagerLinks;
}

/** Links to the other pages of each list, at `path` with the `kept` query (filters, the other list's place). */
export function statementPagers(
  path: string,
  kept: Query,
  page: Pick<StatementPageDetail, 'recommendations' | 'signatories'>,
): StatementPagers {
  return {
    recommendations: keysetLinks(
      page.recommendations,
      (cursor) => `${pageHref(path, kept, cursor)}#recommendations-heading`,
    ),
    signatories: keysetLinks(
      page.signatories,
      (cursor) => `${pageHref(path, kept, cursor, SIGNATORY_CURSORS)}#signatories-heading`,
    ),
  };
}
