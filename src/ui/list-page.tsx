/**
 * The frame every workspace list page shares (registry, statements, releases, users): a title, the
 * "New …" button, the search and filter bar, the table, then the pager ("Saved." after a save is
 * WorkspaceLayout's). Each feature passes only its own columns and filters, and the cursors of its
 * keyset page: the pager's links are built here from the search state, so every list keeps its
 * search and filters across pages alike.
 */
import { type Column, DataTable, FilterBar, type ListFilter } from './list.js';
import { keysetLinks, Pager, pageHref } from './pager.js';
import { WorkspaceLayout, type WorkspaceProps } from './workspace-layout.js';

export interface ListSearch {
  /** The list's own address: the filter form GETs it. */
  action: string;
  q: string;
  filters?: ListFilter[];
  /** The "show archived" checkbox's state; undefined for lists without archiving. */
  showArchived?: boolean;
}

/** The cursors of a keyset page (`KeysetPage` from platform/db/keyset.ts), undefined at either end. */
export interface PageCursors {
  next?: string | undefined;
  previous?: string | undefined;
}

/** The query a list's address carries: its search, filters and "show archived", as the filter form sends them. */
export function searchQuery(search: ListSearch): Record<string, string | undefined> {
  return {
    q: search.q.trim() || undefined,
    ...Object.fromEntries((search.filters ?? []).map((f) => [f.name, f.value || undefined])),
    archived: search.showArchived ? '1' : undefined,
  };
}

export function ListPage<Row>(
  props: WorkspaceProps & {
    title: string;
    /** The table's accessible name, when it says more than the title. */
    caption?: string;
    /** @deprecated "Saved." is shown by WorkspaceLayout from the address (`ctx.saved`); ignored. */
    saved?: boolean;
    /** The "New …" button; left out for people who may not create one. */
    create?: { href: string; label: string } | undefined;
    /** A link to a page about the list (the themes' import mappings), beside the button. */
    related?: { href: string; label: string };
    /** A line under the button, about the list as a whole. */
    hint?: string;
    search: ListSearch;
    rows: Row[];
    columns: Column<Row>[];
    /** Where the rows sit in the whole list; left out for a list that is never long. */
    page?: PageCursors;
  },
): JSX.Element {
  const { ctx, title, create, search } = props;
  const links = props.page
    ? keysetLinks(props.page, (cursor) => pageHref(search.action, searchQuery(search), cursor))
    : {};
  return (
    <WorkspaceLayout {...props} title={title}>
      <h1 safe>{title}</h1>
      {create || props.related ? (
        <p>
          {create ? (
            <a class="button" href={create.href} safe>
              {create.label}
            </a>
          ) : (
            ''
          )}{' '}
          {props.related ? (
            <a href={props.related.href} safe>
              {props.related.label}
            </a>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}
      {props.hint !== undefined ? (
        <p class="hint" safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      <FilterBar
        ctx={ctx}
        action={search.action}
        q={search.q}
        {...(search.filters ? { filters: search.filters } : {})}
        showArchived={search.showArchived}
      />
      <DataTable
        ctx={ctx}
        caption={props.caption ?? title}
        rows={props.rows}
        columns={props.columns}
        paged={Boolean(links.next || links.previous)}
      />
      <Pager ctx={ctx} links={links} />
    </WorkspaceLayout>
  );
}
