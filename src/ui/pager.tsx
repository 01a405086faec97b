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

/** A list's address with its filters kept and the cursor set; empty values are left out. */
export function pageAddress(
  action: string,
  kept: Record<string, string | undefined>,
  cursor: { after?: string; before?: string },
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...kept, ...cursor })) if (value) query.set(name, value);
  const search = query.toString();
  return search ? `${action}?${search}` : action;
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
