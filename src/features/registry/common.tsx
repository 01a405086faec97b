/**
 * What the registry pages share: translation badges in a list, a row's linked name with its
 * "archived" badge, archive buttons, the problems above a form, and the frame of every edit form.
 */

import type { ChangeSince } from '../../platform/conflict.js';
import type { FieldErrors } from '../../platform/forms/validation.js';
import { countryOptions } from '../../platform/i18n/countries.js';
import { messages } from '../../platform/i18n/format.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { type LocalizedText, translationState } from '../../platform/text/localized-text.js';
import type { PageContext } from '../../platform/web/page-context.js';
import type { FormOutcome } from '../../platform/web/workspace-request.js';
import { stateClass, stateLabel } from '../../ui/bilingual-field.js';
import { ConflictNotice } from '../../ui/conflict-notice.js';
import { ErrorSummary, HiddenFields, SelectField } from '../../ui/form.js';
import { LocalizedSpan } from '../../ui/localized-view.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';

/** "English: original · Español: not translated", compact, for a list row. */
export function TranslationBadges({ ctx, value }: { ctx: PageContext; value: LocalizedText }): JSX.Element {
  return (
    <ul class="tags translation-badges">
      {LOCALES.map((locale) => {
        const state = translationState(value, locale);
        return (
          <li class={stateClass(state)} safe>
            {`${messages(locale).switchToThisLanguage}: ${stateLabel(ctx.t, state)}`}
          </li>
        );
      })}
    </ul>
  );
}

/** One button that archives or restores, with the version seen (archiving is a versioned write too). */
export function ArchiveForm(props: {
  ctx: PageContext;
  csrf: string;
  action: string;
  archived: boolean;
  version: number;
}): JSX.Element {
  const { t } = props.ctx;
  return (
    <form method="post" action={props.action} class="archive-form">
      <HiddenFields csrf={props.csrf} version={props.version} />
      <input type="hidden" name="archived" value={props.archived ? '0' : '1'} />
      <button type="submit" class="button-secondary" safe>
        {props.archived ? t.workspaceRestore : t.workspaceArchive}
      </button>{' '}
      <span class="hint" safe>
        {t.registryArchiveHint}
      </span>
    </form>
  );
}

export function ArchivedBadge({ ctx, archivedAt }: { ctx: PageContext; archivedAt: Date | null }): JSX.Element {
  return archivedAt ? (
    <span class="state state-missing" safe>
      {ctx.t.workspaceArchived}
    </span>
  ) : (
    ''
  );
}

/** A list row's name, linked to its page, with "Archived" after it when it is. */
export function ArchivableName(props: {
  ctx: PageContext;
  href: string;
  /** A plain name (people, organizations) or a translatable one (themes, addressees). */
  name: string | LocalizedText;
  archivedAt: Date | null;
}): JSX.Element {
  const { ctx, href, name } = props;
  return (
    <>
      {typeof name === 'string' ? (
        <a href={href} safe>
          {name}
        </a>
      ) : (
        <a href={href}>
          <LocalizedSpan value={name} ctx={ctx} />
        </a>
      )}{' '}
      <ArchivedBadge ctx={ctx} archivedAt={props.archivedAt} />
    </>
  );
}

/** The country of an organization or addressee: optional, picked from `Intl`'s region names. */
export function CountryField(props: { ctx: PageContext; value: string; error: string | undefined }): JSX.Element {
  const { ctx } = props;
  return (
    <SelectField
      ctx={ctx}
      name="country"
      label={ctx.t.registryOrgCountry}
      value={props.value}
      options={countryOptions(ctx.locale, props.value)}
      emptyLabel={ctx.t.registryNoCountry}
      error={props.error}
    />
  );
}

/** The error summary's labels for a bilingual field, one per language: "Role — Español". */
export function bilingualLabels(name: string, label: string): Record<string, string> {
  return Object.fromEntries(LOCALES.map((l) => [`${name}_${l}`, `${label} — ${messages(l).switchToThisLanguage}`]));
}

/**
 * Above an edit form: what others changed since it was opened (after a 409; `conflictLabels` name
 * the columns the form does not show), then what is wrong with this submission.
 */
export function FormProblems(props: {
  ctx: PageContext;
  conflict: ChangeSince[] | undefined;
  errors: FieldErrors;
  labels: Record<string, string>;
  conflictLabels: Record<string, string>;
}): JSX.Element {
  const { ctx, labels } = props;
  return (
    <>
      {props.conflict ? (
        <ConflictNotice ctx={ctx} history={props.conflict} labels={{ ...labels, ...props.conflictLabels }} />
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} errors={props.errors} labels={labels} />
    </>
  );
}

/**
 * The frame of a registry edit form (new or existing row): title, problems, the form with its
 * version, Save/Create and Cancel, then the archive button when there is a row to archive.
 */
/**
 * What every registry form page is given besides its row: the form as typed (or as stored), and
 * after a refused save its outcome and the version the editor's form was built from.
 */
export type RecordFormProps<Typed> = WorkspaceProps & { form: Typed; outcome?: FormOutcome; version?: number };

export function RegistryFormPage(
  props: WorkspaceProps & {
    title: string;
    outcome: FormOutcome;
    labels: Record<string, string>;
    /** The form's bilingual fields and their labels: the error summary names each language's box. */
    bilingual: Record<string, string>;
    conflictLabels: Record<string, string>;
    /** The list's address: a new row posts there, an existing one to `<base>/<slug>/edit`. */
    base: string;
    /** The row being edited; null on the "new" form. */
    record: { slug: string; version: number; archivedAt: Date | null } | null;
    /** The version the editor's form was built from, kept across a validation error. */
    version?: number | undefined;
    /** Where Cancel goes; the list by default. */
    cancelHref?: string;
    /** Whether the archive/restore button is under the form; left out where archiving lives elsewhere. */
    archivable?: boolean;
    children: JSX.Element | JSX.Element[];
  },
): JSX.Element {
  const { ctx, csrf, title, outcome, base, record } = props;
  const labels = { ...props.labels };
  for (const [name, label] of Object.entries(props.bilingual)) Object.assign(labels, bilingualLabels(name, label));
  const { t } = ctx;
  const conflictLabels = { ...props.bilingual, ...props.conflictLabels };
  return (
    <WorkspaceLayout {...props} title={title}>
      <h1 safe>{title}</h1>
      <FormProblems
        ctx={ctx}
        conflict={outcome.conflict}
        errors={outcome.errors ?? {}}
        labels={labels}
        conflictLabels={conflictLabels}
      />
      <form method="post" action={record ? `${base}/${record.slug}/edit` : base} novalidate>
        <HiddenFields csrf={csrf} version={props.version ?? record?.version} />
        {/* children are JSX, already escaped where they were built */}
        {props.children as 'safe'}
        <p class="form-actions">
          <button type="submit" safe>
            {record ? t.workspaceSave : t.workspaceCreate}
          </button>
          <a href={props.cancelHref ?? base} safe>
            {t.workspaceCancel}
          </a>
        </p>
      </form>
      {props.archivable && record ? (
        <ArchiveForm
          ctx={ctx}
          csrf={csrf}
          action={`${base}/${record.slug}/archive`}
          archived={record.archivedAt !== null}
          version={record.version}
        />
      ) : (
        ''
      )}
    </WorkspaceLayout>
  );
}
