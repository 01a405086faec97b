/// <reference types="@kitajs/html/htmx.d.ts" />
/**
 * Form helpers for every workspace page. Each field has a visible label, an optional hint and its
 * error message right next to it, tied together with aria-describedby and aria-invalid; values come
 * back as typed after an error. Everything works as a plain form post; htmx only adds live previews.
 */

import { confirmFieldName, localeFieldName, readConfirmed, readLocaleValues } from '../platform/forms/form-body.js';
import type { FieldErrors } from '../platform/forms/validation.js';
import { LOCALES } from '../platform/i18n/locales.js';
import { renderMarkdown } from '../platform/text/markdown.js';
import type { PageContext } from '../platform/web/page-context.js';

/** The CSRF token every state-changing form carries (checked by platform/web/auth.ts). */
export function CsrfField({ token }: { token: string }): JSX.Element {
  return <input type="hidden" name="_csrf" value={token} />;
}

export const fieldId = (name: string) => `f-${name}`;

interface FieldBase {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  /** Bilingual boxes are each optional, but the pair is one question: no "(optional)" per box. */
  noOptionalNote?: boolean;
  /** The language of the text typed here, when it differs from the page's. */
  lang?: string;
  ctx: PageContext;
}

/** ids of the hint and the error, for aria-describedby. */
function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function LabelHintError(props: FieldBase & { id: string; labelExtra?: JSX.Element }): JSX.Element {
  const { id, label, hint, error, required, noOptionalNote, ctx, labelExtra } = props;
  return (
    <>
      <label for={id}>
        <span safe>{label}</span>
        {required || noOptionalNote ? '' : <span class="optional" safe>{` ${ctx.t.workspaceOptional}`}</span>}
        {(labelExtra ?? '') as 'safe'}
      </label>
      {hint ? (
        <span class="hint" id={`${id}-hint`} safe>
          {hint}
        </span>
      ) : (
        ''
      )}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          <span class="visually-hidden" safe>
            {ctx.t.workspaceErrorPrefix}
          </span>{' '}
          <span safe>{error}</span>
        </span>
      ) : (
        ''
      )}
    </>
  );
}

export function TextField(
  props: FieldBase & {
    value?: string | null;
    type?: 'text' | 'email' | 'tel' | 'url' | 'search';
    autocomplete?: string;
    maxlength?: number;
    id?: string;
    labelExtra?: JSX.Element;
    /** Suggestions: the id of a <datalist> drawn beside the field. */
    list?: string;
    /** data-* attributes of the input, for a script that reads them. */
    data?: Record<string, string>;
  },
): JSX.Element {
  const id = props.id ?? fieldId(props.name);
  const data = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <LabelHintError {...props} id={id} />
      <input
        list={props.list}
        {...data}
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        lang={props.lang}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength ? String(props.maxlength) : undefined}
        required={props.required}
        aria-describedby={describedBy(id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

export function TextAreaField(
  props: FieldBase & {
    value?: string | null;
    rows?: number | undefined;
    id?: string;
    labelExtra?: JSX.Element;
    maxlength?: number | undefined;
  },
): JSX.Element {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <LabelHintError {...props} id={id} />
      <textarea
        id={id}
        name={props.name}
        rows={String(props.rows ?? 5)}
        lang={props.lang}
        maxlength={props.maxlength ? String(props.maxlength) : undefined}
        required={props.required}
        aria-describedby={describedBy(id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
        safe
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A select's options: the empty choice first when there is one, then each, selected when it is the value. */
export function ChoiceOptions(props: {
  options: Option[];
  value: string | null | undefined;
  /** The "none"/"any" choice; `selected` marks it when nothing is chosen. */
  empty?: { label: string; selected?: boolean } | undefined;
}): JSX.Element {
  const { empty } = props;
  return (
    <>
      {empty ? (
        <option value="" selected={empty.selected} safe>
          {empty.label}
        </option>
      ) : (
        ''
      )}
      {props.options.map((o) => (
        <option value={o.value} selected={o.value === props.value} safe>
          {o.label}
        </option>
      ))}
    </>
  );
}

export function SelectField(
  props: FieldBase & {
    value?: string | null;
    options: Option[];
    emptyLabel?: string;
    /** Labelled groups after the options (<optgroup>). */
    groups?: { label: string; options: Option[] }[];
    /** data-* attributes of the select, for a script that reads them. */
    data?: Record<string, string>;
  },
): JSX.Element {
  const id = fieldId(props.name);
  const data = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <LabelHintError {...props} id={id} />
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-describedby={describedBy(id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
        {...data}
      >
        <ChoiceOptions
          options={props.options}
          value={props.value}
          empty={props.emptyLabel !== undefined ? { label: props.emptyLabel, selected: !props.value } : undefined}
        />
        {(props.groups ?? []).map((group) => (
          <optgroup label={group.label}>
            <ChoiceOptions options={group.options} value={props.value} />
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField(props: { name: string; label: string; checked: boolean; hint?: string }): JSX.Element {
  const id = fieldId(props.name);
  return (
    <div class="field field-checkbox">
      <input
        id={id}
        name={props.name}
        type="checkbox"
        value="1"
        checked={props.checked}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      <label for={id} safe>
        {props.label}
      </label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`} safe>
          {props.hint}
        </span>
      ) : (
        ''
      )}
    </div>
  );
}

/** The CSRF token, and the version the editor saw (a newer row on save means a conflict). */
export function HiddenFields({ csrf, version }: { csrf: string; version?: number }): JSX.Element {
  return (
    <>
      <CsrfField token={csrf} />
      {version !== undefined ? <input type="hidden" name="version" value={String(version)} /> : ''}
    </>
  );
}

/**
 * A form that is one button acting on a stored row at the version the page showed (publish, withdraw,
 * delete, approve…), with a line saying what it does when that needs saying.
 */
export function ButtonForm(props: {
  action: string;
  csrf: string;
  version?: number | undefined;
  label: string;
  hint?: string | undefined;
  /** `muted` on the account pages, `hint` in the workspace. */
  hintClass?: 'hint' | 'muted';
  formClass?: string;
  buttonClass?: string;
  /** The button's accessible name, when its label alone does not say what it acts on. */
  ariaLabel?: string;
}): JSX.Element {
  return (
    <form method="post" action={props.action} class={props.formClass}>
      <HiddenFields csrf={props.csrf} version={props.version} />
      {props.hint ? (
        <p class={props.hintClass ?? 'hint'} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      <button type="submit" class={props.buttonClass} aria-label={props.ariaLabel} safe>
        {props.label}
      </button>
    </form>
  );
}

/** "Label: message", or the message alone (capitalized) when the field has no label to show. */
const labelled = (label: string | null, message: string) =>
  label ? `${label}: ${message}` : `${message.charAt(0).toUpperCase()}${message.slice(1)}`;

const languageNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the reader's language: "English", "inglés". */
function languageName(locale: string, reader: string): string {
  let names = languageNames.get(reader);
  if (!names) {
    names = new Intl.DisplayNames([reader], { type: 'language' });
    languageNames.set(reader, names);
  }
  return names.of(locale) ?? locale;
}

/**
 * A field as the reader knows it, for the error summary: its label; for one language of a bilingual
 * field (`title_en`) the pair's label and the language, "Title (English)"; never the internal name.
 */
export function fieldLabel(field: string, labels: Record<string, string>, ctx: PageContext): string | null {
  if (labels[field]) return labels[field];
  const locale = LOCALES.find((l) => field.endsWith(`_${l}`));
  const pair = locale ? labels[field.slice(0, -(locale.length + 1))] : undefined;
  return locale && pair ? `${pair} (${languageName(locale, ctx.locale)})` : null;
}

/** At the top of a form that failed: what to fix, each linked to its field. Read out first. */
export function ErrorSummary(props: { ctx: PageContext; errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return '';
  return (
    <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
      <p safe>{props.ctx.t.workspaceFormHasErrors}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${fieldId(field)}`} safe>
              {labelled(fieldLabel(field, props.labels, props.ctx), message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A file field: label, hint, the accepted types, and after a refusal the field marked invalid with, when
 * given, the reason beside it (read out at once: the page came back from a post). Every upload uses it.
 */
export function FileField(props: {
  id: string;
  name: string;
  label: string;
  hint: string;
  accept: string;
  /** The last upload was refused; `error` says why next to the field, else the page says it elsewhere. */
  invalid?: boolean;
  error?: string | null | undefined;
}): JSX.Element {
  const { id, error } = props;
  const invalid = props.invalid || Boolean(error);
  return (
    <div class={invalid ? 'field field-invalid' : 'field'}>
      <label for={id} safe>
        {props.label}
      </label>
      <span class="hint" id={`${id}-hint`} safe>
        {props.hint}
      </span>
      {error ? (
        <span class="field-error" id={`${id}-error`} role="alert">
          <strong safe>{`${props.label}: `}</strong>
          <span safe>{error}</span>
        </span>
      ) : (
        ''
      )}
      <input
        id={id}
        name={props.name}
        type="file"
        accept={props.accept}
        required
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
        aria-invalid={invalid ? 'true' : undefined}
      />
    </div>
  );
}

/**
 * A page's one-file upload form (the imports): the problem of the last attempt, if any, at the top and
 * linked to the file field, which it marks invalid; the field's label, hint and accepted types; any
 * further fields (`children`); the submit button. The CSRF token comes first, because the server checks
 * it before it reads the file.
 */
export function FileUploadForm(props: {
  action: string;
  csrf: string;
  /** The input's id; its name is always `file`. */
  id: string;
  label: string;
  hint: string;
  accept: string;
  /** Why the last upload was refused, in words for the reader. */
  problem?: string | undefined;
  submit: string;
  children?: JSX.Element | JSX.Element[];
}): JSX.Element {
  const { id, problem } = props;
  return (
    <>
      {problem ? (
        <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
          <p>
            <a href={`#${id}`} safe>
              {problem}
            </a>
          </p>
        </div>
      ) : (
        ''
      )}
      <form method="post" action={props.action} enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        <FileField
          id={id}
          name="file"
          label={props.label}
          hint={props.hint}
          accept={props.accept}
          invalid={Boolean(problem)}
        />
        {(props.children ?? '') as 'safe'}
        <button type="submit" safe>
          {props.submit}
        </button>
      </form>
    </>
  );
}

/**
 * A Markdown textarea and its preview, rendered by the same `renderMarkdown()` as public pages: first
 * on the server (no JavaScript needed), then again as the editor types (htmx posts the form to
 * /{lang}/workspace/preview, naming this field).
 */
export function MarkdownField(
  props: FieldBase & {
    value?: string | null;
    rows?: number | undefined;
    labelExtra?: JSX.Element;
    maxlength?: number | undefined;
  },
): JSX.Element {
  const { ctx } = props;
  const id = fieldId(props.name);
  const previewId = `${id}-preview`;
  // renderMarkdown escapes typed HTML (platform/text/markdown.ts): its output is safe to insert.
  const safePreview = renderMarkdown(props.value ?? '');
  const hint = props.hint ? `${props.hint} ${ctx.t.workspacePreviewHint}` : ctx.t.workspacePreviewHint;
  return (
    <div class={props.error ? 'field field-markdown field-invalid' : 'field field-markdown'}>
      <LabelHintError {...props} hint={hint} id={id} />
      <textarea
        id={id}
        name={props.name}
        rows={String(props.rows ?? 6)}
        lang={props.lang}
        maxlength={props.maxlength ? String(props.maxlength) : undefined}
        aria-describedby={describedBy(id, hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
        hx-post={`/${ctx.locale}/workspace/preview`}
        hx-trigger="input changed delay:700ms"
        hx-target={`#${previewId}`}
        hx-swap="innerHTML"
        hx-sync="this:replace"
        hx-vals={JSON.stringify({ previewField: props.name })}
        safe
      >
        {props.value ?? ''}
      </textarea>
      <section class="preview" aria-label={`${ctx.t.workspacePreview}: ${props.label}`}>
        <p class="preview-label" aria-hidden="true" safe>
          {ctx.t.workspacePreview}
        </p>
        <div id={previewId} class="prose" lang={props.lang} aria-live="polite">
          {safePreview}
        </div>
      </section>
    </div>
  );
}

// The form-body readers, for routes that read what these fields post.
export { confirmFieldName, localeFieldName, readConfirmed, readLocaleValues };
