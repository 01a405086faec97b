/**
 * A filterable list: a GET search form (so results have a URL and work without JavaScript) over a
 * table that scrolls inside its own labelled region on a narrow screen instead of the whole page.
 */
import type { PageContext } from '../platform/web/page-context.js';
import { ChoiceOptions, type Option } from './form.js';

export interface ListFilter {
  name: string;
  label: string;
  value: string;
  options: Option[];
}

export function FilterBar(props: {
  ctx: PageContext;
  action: string;
  q: string;
  filters?: ListFilter[];
  showArchived?: boolean | undefined;
}): JSX.Element {
  const { t } = props.ctx;
  return (
    <form class="filter-bar" method="get" action={props.action}>
      <div class="field">
        <label for="list-q" safe>
          {t.workspaceSearch}
        </label>
        <input id="list-q" name="q" type="search" value={props.q} maxlength="200" />
      </div>
      {(props.filters ?? []).map((f) => (
        <div class="field">
          <label for={`list-${f.name}`} safe>
            {f.label}
          </label>
          <select id={`list-${f.name}`} name={f.name}>
            <ChoiceOptions options={f.options} value={f.value} empty={{ label: t.workspaceAll }} />
          </select>
        </div>
      ))}
      {props.showArchived !== undefined ? (
        <div class="field field-checkbox">
          <input id="list-archived" name="archived" type="checkbox" value="1" checked={props.showArchived} />
          <label for="list-archived" safe>
            {t.workspaceShowArchived}
          </label>
        </div>
      ) : (
        ''
      )}
      <button type="submit" safe>
        {t.workspaceSearchButton}
      </button>
    </form>
  );
}

/** A table's column headings; a heading given as `false` is left out (a column some pages do not have). */
export function TableHead({ headers }: { headers: (string | false)[] }): JSX.Element {
  return (
    <thead>
      <tr>
        {headers
          .filter((h) => h !== false)
          .map((h) => (
            <th scope="col" safe>
              {h}
            </th>
          ))}
      </tr>
    </thead>
  );
}

/** A list, or in its place the line saying there is nothing to list. */
export function EmptyOr(props: {
  empty: string;
  isEmpty: boolean;
  /** The line's class (`muted`, `empty`), if any. */
  emptyClass?: string;
  children: JSX.Element;
}): JSX.Element {
  return props.isEmpty ? (
    <p class={props.emptyClass} safe>
      {props.empty}
    </p>
  ) : (
    props.children
  );
}

export interface Column<Row> {
  header: string;
  cell: (row: Row) => JSX.Element;
}

export function DataTable<Row>(props: {
  ctx: PageContext;
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  /** The rows are one page of a longer list: the count says so. */
  paged?: boolean;
}): JSX.Element {
  const { t } = props.ctx;
  const count = props.paged ? t.workspacePageResultCount : t.workspaceResultCount;
  return (
    <>
      <p class="result-count" role="status" safe>
        {count(props.rows.length)}
      </p>
      <EmptyOr empty={t.workspaceNoResults} isEmpty={props.rows.length === 0}>
        <section class="table-scroll" aria-label={props.caption} tabindex="0">
          <table class="data-table">
            <caption class="visually-hidden" safe>
              {props.caption}
            </caption>
            <TableHead headers={props.columns.map((c) => c.header)} />
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  {props.columns.map((c) => (
                    <td>{c.cell(row) as 'safe'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </EmptyOr>
    </>
  );
}

/** Case- and accent-insensitive "contains", for filtering a short registry in memory. */
export function matchesQuery(q: string, ...texts: (string | null | undefined)[]): boolean {
  const needle = fold(q.trim());
  if (needle === '') return true;
  return texts.some((text) => text && fold(text).includes(needle));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
