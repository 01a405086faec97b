/** Small pieces the registry pages share: translation badges in a list, archive buttons, notices. */
import type { ChangeSince } from '../../lib/conflict-page.js';
import { messages } from '../../lib/i18n.js';
import { LOCALES } from '../../lib/locales.js';
import { type LocalizedText, translationState } from '../../lib/localized-text.js';
import type { PageContext } from '../../lib/page-context.js';
import { CsrfField } from '../accounts/views.js';
import { ConflictNotice } from '../workspace/conflict.js';
import { ErrorSummary, stateLabel } from '../workspace/form.js';
import type { FieldErrors } from '../workspace/validation.js';

/** "English: original · Español: missing", compact, for a list row. */
export function TranslationBadges({ ctx, value }: { ctx: PageContext; value: LocalizedText }): JSX.Element {
  return (
    <ul class="tags translation-badges">
      {LOCALES.map((locale) => {
        const state = translationState(value, locale);
        return (
          <li class={`state state-${state}`} safe>
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
      <CsrfField token={props.csrf} />
      <input type="hidden" name="version" value={String(props.version)} />
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

/** After a redirect from a save: "Saved." announced politely. */
export function SavedNotice({ ctx, saved }: { ctx: PageContext; saved: boolean }): JSX.Element {
  return saved ? (
    <p class="notice" role="status" safe>
      {ctx.t.workspaceSaved}
    </p>
  ) : (
    ''
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
