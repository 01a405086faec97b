/**
 * The frame every workspace list page shares (registry, statements, releases): a title, the "New …"
 * button, the search and filter bar, then the table ("Saved." after a save is WorkspaceLayout's).
 * Each feature passes only its own columns and filters.
 */
import { type Column, DataTable, FilterBar, type ListFilter } from './list.js';
import { WorkspaceLayout, type WorkspaceProps } from './workspace-layout.js';

export interface ListSearch {
  /** The list's own address: the filter form GETs it. */
  action: string;
  q: string;
  filters?: ListFilter[];
  /** The "show archived" checkbox's state; undefined for lists without archiving. */
  showArchived?: boolean;
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
    /** A line under the button, about the list as a whole. */
    hint?: string;
    search: ListSearch;
    rows: Row[];
    columns: Column<Row>[];
  },
): JSX.Element {
  const { ctx, title, create, search } = props;
  return (
    <WorkspaceLayout {...props} title={title}>
      <h1 safe>{title}</h1>
      {create ? (
        <p>
          <a class="button" href={create.href} safe>
            {create.label}
          </a>
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
      <DataTable ctx={ctx} caption={props.caption ?? title} rows={props.rows} columns={props.columns} />
    </WorkspaceLayout>
  );
}
