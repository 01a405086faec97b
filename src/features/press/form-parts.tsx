/**
 * Pieces the press forms share: checkboxes or radio buttons under one legend, the save-or-cancel row, the
 * languages, the press sub-menu.
 */
import type { PageContext } from '../../platform/web/page-context.js';
import { fieldId } from '../../ui/form.js';

interface ChoiceGroupProps {
  ctx: PageContext;
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/**
 * Choices under one legend, with the hint and the error tied to the group (the error summary links to
 * its id); `children` are the choices.
 */
function ChoiceFieldset(props: ChoiceGroupProps & { children: JSX.Element | JSX.Element[] }): JSX.Element {
  const id = fieldId(props.name);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      class={props.error ? 'field field-invalid' : 'field'}
      id={id}
      aria-describedby={described || undefined}
      tabindex="-1"
    >
      <legend safe>{props.legend}</legend>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`} safe>
          {props.hint}
        </span>
      ) : (
        ''
      )}
      {props.error ? (
        <span class="field-error" id={`${id}-error`}>
          <span class="visually-hidden" safe>
            {props.ctx.t.workspaceErrorPrefix}
          </span>{' '}
          <span safe>{props.error}</span>
        </span>
      ) : (
        ''
      )}
      {/* children are JSX, already escaped where they were built */}
      {props.children as 'safe'}
    </fieldset>
  );
}

/** Any number of the options, each a checkbox. */
export function CheckboxGroup(
  props: ChoiceGroupProps & { options: { value: string; label: string }[]; checked: readonly string[] },
): JSX.Element {
  const id = fieldId(props.name);
  return (
    <ChoiceFieldset {...props}>
      {props.options.map((o, i) => (
        <div class="field-checkbox">
          <input
            type="checkbox"
            id={`${id}-${i}`}
            name={props.name}
            value={o.value}
            checked={props.checked.includes(o.value)}
          />
          <label for={`${id}-${i}`} safe>
            {o.label}
          </label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}

/** Exactly one of the options, each a radio button (ids `f-NAME-VALUE`). */
export function RadioGroup(
  props: ChoiceGroupProps & { options: { value: string; label: string }[]; checked: string },
): JSX.Element {
  const id = fieldId(props.name);
  return (
    <ChoiceFieldset {...props}>
      {props.options.map((o) => (
        <div class="field-checkbox">
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={props.checked === o.value}
          />
          <label for={`${id}-${o.value}`} safe>
            {o.label}
          </label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}

/** The end of a press form: save, or go back to `cancelHref` without saving. */
export function SaveOrCancel({ ctx, cancelHref }: { ctx: PageContext; cancelHref: string }): JSX.Element {
  return (
    <p>
      <button type="submit" safe>
        {ctx.t.workspaceSave}
      </button>{' '}
      <a href={cancelHref} safe>
        {ctx.t.workspaceCancel}
      </a>
    </p>
  );
}

export const languageOptions = (ctx: PageContext) => [
  { value: 'en', label: ctx.t.pressLanguageEn },
  { value: 'es', label: ctx.t.pressLanguageEs },
];

/** The press area's own links, above each of its pages. */
export function PressMenu({ ctx, current }: { ctx: PageContext; current: 'contacts' | 'lists' | 'sends' | 'import' }) {
  const base = `/${ctx.locale}/workspace/press`;
  const links = [
    { key: 'contacts', href: base, label: ctx.t.pressContactsTitle },
    { key: 'lists', href: `${base}/lists`, label: ctx.t.pressListsTitle },
    { key: 'sends', href: `${base}/sends`, label: ctx.t.pressSendsTitle },
    { key: 'import', href: `${base}/import`, label: ctx.t.pressImportTitle },
  ];
  return (
    <nav aria-label={ctx.t.pressMenuLabel}>
      <ul class="nav-list">
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={l.key === current ? 'page' : undefined} safe>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A multi-valued field of a posted form (checkboxes): every string value, whether one or many were ticked. */
export function many(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
