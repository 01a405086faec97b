/**
 * A text in both languages as one group of fields: each language its own input, with a badge saying
 * whether it is the original, a translation, stale or not translated, and a confirmation box where a
 * translation may be outdated. Only a required text empty in every language is an error.
 */
import { confirmFieldName, localeFieldName } from '../platform/forms/form-body.js';
import type { FieldErrors } from '../platform/forms/validation.js';
import type { Catalog } from '../platform/i18n/catalog.js';
import { messages } from '../platform/i18n/format.js';
import { LOCALES } from '../platform/i18n/locales.js';
import type { LocaleValues } from '../platform/text/bilingual.js';
import { type LocalizedText, type TranslationState, translationState } from '../platform/text/localized-text.js';
import type { PageContext } from '../platform/web/page-context.js';

import { CheckboxField, fieldId, MarkdownField, TextAreaField, TextField } from './form.js';

export function stateLabel(t: Catalog, state: TranslationState): string {
  switch (state) {
    case 'original':
      return t.workspaceStateOriginal;
    case 'translation':
      return t.workspaceStateTranslation;
    case 'stale':
      return t.workspaceStateStale;
    default:
      return t.workspaceStateNotTranslated;
  }
}

/**
 * The badge's class: an empty translation is neutral (`state-untranslated`, "not translated"): most
 * texts are optional in each language. Only a required text with no language at all is an error
 * (`state-missing`, in the error colour).
 */
export function stateClass(state: TranslationState, requiredAndEmpty = false): string {
  if (state !== 'missing') return `state state-${state}`;
  return requiredAndEmpty ? 'state state-missing' : 'state state-untranslated';
}

/** A small badge with the translation state of one language of a field. */
export function StateBadge({
  t,
  state,
  requiredAndEmpty = false,
}: {
  t: Catalog;
  state: TranslationState;
  /** The field is required and has text in no language: "missing", as an error. */
  requiredAndEmpty?: boolean;
}): JSX.Element {
  return (
    <span class={stateClass(state, requiredAndEmpty)} safe>
      {state === 'missing' && requiredAndEmpty ? t.workspaceStateMissing : stateLabel(t, state)}
    </span>
  );
}

/** The bilingual field names and their readers live with the other form readers, so routes read what these views write. */

/** What to show in each language box: typed text after an error, otherwise what is stored. */
export function localeValuesOf(stored: LocalizedText | null | undefined): LocaleValues {
  const values: LocaleValues = {};
  for (const locale of LOCALES) values[locale] = stored?.[locale]?.text ?? '';
  return values;
}

/**
 * English and Spanish side by side, each labelled with its language and the state of its
 * translation (original, translation, out of date, not translated), judged from what is stored.
 */
export function BilingualField(props: {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string;
  stored: LocalizedText | null | undefined;
  values?: LocaleValues;
  errors?: FieldErrors;
  multiline?: boolean;
  markdown?: boolean;
  rows?: number;
  required?: boolean;
  /** The most characters each language may have: the limit the service checks, kept by the browser too. */
  maxLength?: number;
}): JSX.Element {
  const { ctx, name, label, stored, errors = {} } = props;
  const values = props.values ?? localeValuesOf(stored);
  const groupError = errors[name];
  const legendId = `${fieldId(name)}-legend`;
  // A stored row whose required text is empty in every language: the one case the badge is an error.
  const requiredAndEmpty =
    (props.required ?? false) && stored != null && LOCALES.every((l) => translationState(stored, l) === 'missing');
  return (
    <fieldset class={groupError ? 'bilingual field-invalid' : 'bilingual'} id={fieldId(name)}>
      <legend id={legendId} safe>
        {label}
      </legend>
      {props.hint ? (
        <p class="hint" safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {groupError ? (
        <p class="field-error">
          <span class="visually-hidden" safe>
            {ctx.t.workspaceErrorPrefix}
          </span>{' '}
          <span safe>{groupError}</span>
        </p>
      ) : (
        ''
      )}
      <div class="bilingual-columns">
        {LOCALES.map((locale) => {
          const state = translationState(stored, locale);
          const language = messages(locale).switchToThisLanguage;
          const fieldName = localeFieldName(name, locale);
          const common = {
            ctx,
            name: fieldName,
            label: `${label} — ${language}`,
            lang: locale,
            noOptionalNote: true,
            error: errors[fieldName],
            hint: state === 'stale' ? ctx.t.workspaceStaleHint : undefined,
            labelExtra: <StateBadge t={ctx.t} state={state} requiredAndEmpty={requiredAndEmpty} />,
            maxlength: props.maxLength,
          };
          return (
            <div class={`bilingual-column state-box-${state}`}>
              {props.markdown ? (
                <MarkdownField {...common} value={values[locale] ?? ''} rows={props.rows} />
              ) : props.multiline ? (
                <TextAreaField {...common} value={values[locale] ?? ''} rows={props.rows} />
              ) : (
                <TextField {...common} value={values[locale] ?? ''} />
              )}
              {state === 'stale' ? (
                <CheckboxField
                  name={confirmFieldName(name, locale)}
                  label={ctx.t.workspaceMarkCurrent}
                  checked={false}
                />
              ) : (
                ''
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
