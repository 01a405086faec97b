/** Pieces the press forms share: a group of checkboxes under one legend, the languages, the press sub-menu. */
import type { PageContext } from '../../platform/web/page-context.js';
import { fieldId } from '../../ui/form.js';

export function CheckboxGroup(props: {
  ctx: PageContext;
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  error?: string | undefined;
}): JSX.Element {
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
    </fieldset>
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
