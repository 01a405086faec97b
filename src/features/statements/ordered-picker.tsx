/**
 * Picking registry rows in order, without JavaScript: a table with a checkbox and a position number
 * per row (plus an optional role). Keyboard and screen-reader friendly, and it works on a phone: each
 * control is labelled with the row's name. Used for signatories, addressees, and a release's contacts,
 * highlights and boilerplates.
 */

import { rowId } from '../../platform/forms/form-body.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { ChoiceSearch, type ChoiceSearchProps } from '../../ui/choice-search.js';
import type { Option } from '../../ui/form.js';
import { TableHead } from '../../ui/list.js';

export interface PickRow {
  id: number;
  label: string;
}

export function OrderedPicker(props: {
  ctx: PageContext;
  name: string;
  legend: string;
  hint: string;
  rows: PickRow[];
  /** Picked ids, in order. */
  selected: number[];
  roles?: { options: Option[]; of: (id: number) => string };
  error?: string | undefined;
  /** The rows are bounded (the chosen ones and a few more): the search that finds the others. */
  search?: ChoiceSearchProps | undefined;
}): JSX.Element {
  const { ctx, name, rows, selected } = props;
  const { t } = ctx;
  // Picked rows first, in their order; then the rest as the registry lists them.
  const ordered = [
    ...selected.flatMap((id) => rows.filter((r) => r.id === id)),
    ...rows.filter((r) => !selected.includes(r.id)),
  ];
  return (
    <fieldset class={props.error ? 'picker field-invalid' : 'picker'} id={`f-${name}`}>
      <legend safe>{props.legend}</legend>
      <p class="hint" id={`${name}-hint`} safe>
        {props.hint}
      </p>
      {props.error ? (
        <p class="field-error" safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      {props.search ? <ChoiceSearch ctx={ctx} {...props.search} /> : ''}
      <section class="table-scroll" aria-label={props.legend} tabindex="0">
        <table class="data-table picker-table">
          <TableHead
            headers={[
              t.editorialPickColumn,
              t.editorialNameColumn,
              t.editorialOrderColumn,
              props.roles ? t.editorialSignatoryRole : false,
            ]}
          />
          <tbody>
            {ordered.map((row) => {
              const position = selected.indexOf(row.id);
              const id = `${name}-${row.id}`;
              return (
                <tr>
                  <td>
                    <input
                      type="checkbox"
                      id={id}
                      name={name}
                      value={String(row.id)}
                      checked={position >= 0}
                      aria-label={t.editorialPick(row.label)}
                    />
                  </td>
                  <td>
                    <label for={id} safe>
                      {row.label}
                    </label>
                  </td>
                  <td>
                    <input
                      type="number"
                      class="order-input"
                      name={`${name}_order_${row.id}`}
                      value={position >= 0 ? String(position + 1) : ''}
                      min="1"
                      inputmode="numeric"
                      aria-label={t.editorialOrderOf(row.label)}
                    />
                  </td>
                  {props.roles ? (
                    <td>
                      <select name={`${name}_role_${row.id}`} aria-label={t.editorialRoleOf(row.label)}>
                        {props.roles.options.map((o) => (
                          <option value={o.value} selected={props.roles?.of(row.id) === o.value} safe>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  ) : (
                    ''
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </fieldset>
  );
}

/** A form value that may come once (a string) or several times (an array). */
export function asArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function asIds(value: unknown): number[] {
  return asArray(value)
    .map(rowId)
    .filter((n) => n !== null);
}

/** The ticked ids of a picker, ordered by their position numbers (blank positions last, as listed). */
export function readPicked(body: Record<string, unknown>, name: string): number[] {
  const ids = asIds(body[name]);
  const position = (id: number) => {
    const n = Number(body[`${name}_order_${id}`]);
    return Number.isFinite(n) && String(body[`${name}_order_${id}`] ?? '').trim() !== '' ? n : Number.MAX_SAFE_INTEGER;
  };
  return ids
    .map((id, index) => ({ id, index, position: position(id) }))
    .sort((a, b) => a.position - b.position || a.index - b.index)
    .map((x) => x.id);
}

export function CheckboxGroup(props: {
  name: string;
  legend: string;
  rows: PickRow[];
  selected: number[];
  error?: string | undefined;
}): JSX.Element {
  return (
    <fieldset class={props.error ? 'checkbox-group field-invalid' : 'checkbox-group'} id={`f-${props.name}`}>
      <legend safe>{props.legend}</legend>
      {props.error ? (
        <p class="field-error" safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      {props.rows.map((row) => {
        const id = `${props.name}-${row.id}`;
        return (
          <div class="field-checkbox">
            <input
              type="checkbox"
              id={id}
              name={props.name}
              value={String(row.id)}
              checked={props.selected.includes(row.id)}
            />
            <label for={id} safe>
              {row.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
