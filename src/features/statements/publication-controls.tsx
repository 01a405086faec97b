/**
 * Publish, back to draft, withdraw: the same controls for statements and press releases. Each is a
 * small form with the version the editor saw, so acting on a stale page is a conflict, not a surprise.
 * Only the actions that change something are offered: publishing again reschedules an embargo or
 * brings back withdrawn material.
 */

import type { FieldErrors } from '../../platform/forms/validation.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import {
  commonTimeZoneChoices,
  DEFAULT_TIME_ZONE,
  RENAMED_TIME_ZONES,
  resolveTimeZone,
} from '../../platform/text/time-zones.js';
import type { VisibilityState } from '../../platform/visibility.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { browserTimeZoneScript } from '../../platform/web/script-asset.js';
import { ButtonForm, fieldId, HiddenFields, SelectField, TextField } from '../../ui/form.js';
import { Section } from '../../ui/layout.js';
import { stateName } from './state-label.js';

export function PublicationControls(props: {
  ctx: PageContext;
  csrf: string;
  /** e.g. /en/statements/slug — the actions are `${base}/publish` etc. */
  base: string;
  version: number;
  state: VisibilityState;
  /** Statements take their embargo when published; a release has it in its own form. */
  embargo?: { local: string; timeZone: string | undefined; errors: FieldErrors };
  publicHref?: string | undefined;
  /** Why the public does not see it whatever these controls say (a release held back by its statement). */
  warning?: string | undefined;
  /** "Publish" leads to this confirmation page (a link) instead of posting at once (releases). */
  publishHref?: string;
}): JSX.Element {
  const { ctx, csrf, base, version, state, embargo } = props;
  const { t } = ctx;
  return (
    <Section id="publication-title" title={t.editorialPublication} class="publication">
      <p>
        <strong class={`visibility visibility-${state}`} safe>
          {t.editorialStateNow(stateName(t, state))}
        </strong>
        {props.publicHref && state === 'published' ? (
          <>
            {' · '}
            <a href={props.publicHref} safe>
              {t.editorialViewPublic}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      {props.warning ? (
        <p class="notice notice-warning" role="status" safe>
          {props.warning}
        </p>
      ) : (
        ''
      )}
      <div class="publication-actions">
        {state !== 'published' && props.publishHref ? (
          <p>
            <a class="button" href={props.publishHref} safe>
              {t.editorialPublish}
            </a>
          </p>
        ) : state !== 'published' ? (
          <form method="post" action={`${base}/publish`} class="form">
            <HiddenFields csrf={csrf} version={version} />
            {embargo ? (
              <>
                <p class="hint" safe>
                  {t.editorialPublishHint}
                </p>
                <DateField
                  ctx={ctx}
                  type="datetime-local"
                  name="embargoLocal"
                  label={t.editorialEmbargoLocal}
                  value={embargo.local}
                  error={embargo.errors.embargoLocal}
                />
                <TimeZoneField ctx={ctx} value={embargo.timeZone} error={embargo.errors.timeZone} />
              </>
            ) : (
              ''
            )}
            <button type="submit" safe>
              {t.editorialPublish}
            </button>
          </form>
        ) : (
          ''
        )}
        {state !== 'draft' ? (
          <ButtonForm
            action={`${base}/unpublish`}
            csrf={csrf}
            version={version}
            label={t.editorialUnpublish}
            buttonClass="button-secondary"
          />
        ) : (
          ''
        )}
        {state === 'published' || state === 'embargoed' ? (
          <ButtonForm
            action={`${base}/withdraw`}
            csrf={csrf}
            version={version}
            label={t.editorialWithdraw}
            hint={t.editorialWithdrawHint}
            buttonClass="button-danger"
          />
        ) : (
          ''
        )}
      </div>
    </Section>
  );
}

/** Deleting a draft (never published, so nothing public goes away). */
export function DeleteDraftForm(props: {
  ctx: PageContext;
  csrf: string;
  action: string;
  version: number;
  formClass?: string;
}): JSX.Element {
  const { t } = props.ctx;
  return (
    <ButtonForm {...props} label={t.editorialDelete} hint={t.editorialDeleteDraftHint} buttonClass="button-danger" />
  );
}

/**
 * The zone a time is read in (an embargo, a sign-on deadline): a text field with the coalition's zones
 * as suggestions (a <datalist>, labelled in the reader's language), not a list of every zone (some 400,
 * 35 KB on every page with the field). Any other IANA zone is typed by its name; the service checks it
 * against Intl's zones (platform/text/time-zones.ts `resolveTimeZone`). With no saved or typed value
 * (`value` undefined) the coalition's first zone is filled in, and the browser-zone script, when it
 * runs, puts the reader's own zone instead.
 */
export function TimeZoneField(props: {
  ctx: PageContext;
  value: string | undefined;
  error?: string | undefined;
  hint?: string;
}): JSX.Element {
  const { ctx, value } = props;
  const common = commonTimeZoneChoices(ctx.locale, new Date());
  return (
    <>
      <TextField
        ctx={ctx}
        name="timeZone"
        label={ctx.t.editorialTimeZone}
        hint={props.hint ?? ctx.t.editorialTimeZoneHint}
        value={value ? (resolveTimeZone(value) ?? value) : DEFAULT_TIME_ZONE}
        error={props.error}
        required
        maxlength={64}
        autocomplete="off"
        list="time-zone-suggestions"
        data={value ? {} : { 'browser-time-zone': '', renamed: JSON.stringify(RENAMED_TIME_ZONES) }}
      />
      <datalist id="time-zone-suggestions">
        {common.map((zone) => (
          <option value={zone.value} safe>
            {zone.label}
          </option>
        ))}
      </datalist>
      {value ? '' : <script src={browserTimeZoneScript().href} defer></script>}
    </>
  );
}

/** The choice of the original's language on a create form. */
export function OriginalLocaleField({ ctx, value }: { ctx: PageContext; value: string }): JSX.Element {
  return (
    <SelectField
      ctx={ctx}
      name="originalLocale"
      label={ctx.t.editorialOriginalLocale}
      hint={ctx.t.editorialOriginalLocaleHint}
      value={value}
      required
      options={LOCALES.map((l) => ({ value: l, label: l === 'en' ? 'English' : 'Español' }))}
    />
  );
}

/** A date or a wall-clock date and time, with its label, hint and error tied to it like the shell's fields. */
export function DateField(props: {
  ctx: PageContext;
  type: 'date' | 'datetime-local';
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  required?: boolean;
}): JSX.Element {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={id} safe>
        {props.label}
      </label>
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
      <input
        id={id}
        name={props.name}
        type={props.type}
        value={props.value}
        required={props.required}
        aria-describedby={props.error ? `${id}-error` : undefined}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}
