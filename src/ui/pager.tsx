/**
 * The links between the pages of a list (public and workspace): "First page", "Previous page",
 * "Next page", as plain links (`rel="prev"`/`rel="next"`), so they work without JavaScript and
 * crawlers follow them. Nothing is shown when the list fits on one page.
 */
import type { PageContext } from '../platform/web/page-context.js';

export interface PagerLinks {
  /** The address of the next page, undefined on the last. */
  next?: string | undefined;
  /** The address of the previous page, undefined on the first. */
  previous?: string | undefined;
  /** The address of the first page, shown when the previous page is not the first. */
  first?: string | undefined;
}

/**
 * Addresses for a keyset page (`KeysetPage` from platform/db/keyset.ts): `href` gets the query
 * parameters to set (`after` or `before`, the other one dropped) and returns the full address.
 */
export function keysetLinks(
  page: { next?: string | undefined; previous?: string | undefined },
  href: (cursor: { after?: string; before?: string }) => string,
): PagerLinks {
  return {
    next: page.next ? href({ after: page.next }) : undefined,
    previous: page.previous ? href({ before: page.previous }) : undefined,
    first: page.previous ? href({}) : undefined,
  };
}

export function Pager(props: { ctx: PageContext; links: PagerLinks }) {
  const { t } = props.ctx;
  const { next, previous, first } = props.links;
  if (!next && !previous) return '';
  return (
    <nav class="pager" aria-label={t.pagerLabel}>
      {first && first !== previous ? (
        <a href={first} safe>
          {t.pagerFirst}
        </a>
      ) : (
        ''
      )}{' '}
      {previous ? (
        <a href={previous} rel="prev" safe>
          {t.pagerPrevious}
        </a>
      ) : (
        ''
      )}{' '}
      {next ? (
        <a href={next} rel="next" safe>
          {t.pagerNext}
        </a>
      ) : (
        ''
      )}
    </nav>
  );
}

/**
 * The address of a page of a list: `path` with the page's other query parameters kept (a filter,
 * another list's cursor) and this list's cursor set, under the names `names` gives (`after`/`before`
 * unless a page has two paged lists). Empty parameters are left out, so the first page's address is
 * the list's plain address.
 */
export function pageHref(
  path: string,
  query: Readonly<Record<string, string | null | undefined>>,
  cursor: { after?: string; before?: string },
  names: { after: string; before: string } = { after: 'after', before: 'before' },
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === names.after || key === names.before) continue;
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  if (cursor.after) params.set(names.after, cursor.after);
  if (cursor.before) params.set(names.before, cursor.before);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** `<link rel="prev">`/`<link rel="next">` for the page's head, beside the visible pager. */
export function PagerHead(props: { links: PagerLinks }): JSX.Element {
  const { next, previous } = props.links;
  return (
    <>
      {previous ? <link rel="prev" href={previous} /> : ''}
      {next ? <link rel="next" href={next} /> : ''}
    </>
  );
}
