/**
 * The form scaffolding the statement page and the release editor share: the create page, the
 * heading with what went wrong, the details form, and a picker of registry rows saved in order.
 * Each page passes its own fields and labels.
 */

import type { PageContext } from '../../platform/web/page-context.js';
import type { FormOutcome } from '../../platform/web/workspace-request.js';
import type { ChoiceSearchProps } from '../../ui/choice-search.js';
import { ConflictNotice } from '../../ui/conflict-notice.js';
import { ErrorSummary, HiddenFields, TextField } from '../../ui/form.js';
import { Section } from '../../ui/layout.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import { OrderedPicker, type PickRow } from './ordered-picker.js';
import { OriginalLocaleField } from './publication-controls.js';

type Children = JSX.Element | JSX.Element[];

/**
 * Creating a statement or a release: the writer's language, the address (slug), the page's own
 * fields, Create. `typed` is what a failed try sent, kept in the fields.
 */
export function NewDraftPage(
  props: WorkspaceProps & {
    title: string;
    action: string;
    labels: Record<string, string>;
    typed: { originalLocale: string | undefined; slug: string | undefined };
    outcome: FormOutcome;
    children: Children;
  },
): JSX.Element {
  const { ctx, csrf, title, typed } = props;
  const { t } = ctx;
  const errors = props.outcome.errors ?? {};
  return (
    <WorkspaceLayout {...props} title={title}>
      <h1 safe>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={props.labels} />
      <form method="post" action={props.action} class="form" novalidate>
        <HiddenFields csrf={csrf} />
        <OriginalLocaleField ctx={ctx} value={typed.originalLocale ?? ctx.locale} />
        <TextField
          ctx={ctx}
          name="slug"
          label={t.editorialStatementSlug}
          hint={t.editorialSlugHint}
          value={typed.slug ?? ''}
          error={errors.slug}
        />
        {/* children are JSX, already escaped where they were built */}
        {props.children as 'safe'}
        <p class="form-actions">
          <button type="submit" safe>
            {t.workspaceCreate}
          </button>
        </p>
      </form>
    </WorkspaceLayout>
  );
}

/** Top of an editing page: back to the list, the title, then what others changed and what to fix. */
export function EditingHeading(props: {
  ctx: PageContext;
  back: { href: string; label: string };
  title: string;
  outcome: FormOutcome | undefined;
  labels: Record<string, string>;
}): JSX.Element {
  const { ctx, outcome, labels } = props;
  return (
    <>
      <p>
        <a href={props.back.href} safe>
          {props.back.label}
        </a>
      </p>
      <h1 safe>{props.title}</h1>
      {outcome?.conflict ? <ConflictNotice ctx={ctx} history={outcome.conflict} labels={labels} /> : ''}
      <ErrorSummary ctx={ctx} errors={outcome?.errors ?? {}} labels={labels} />
    </>
  );
}

/** The page's own fields, saved against the version shown, in the language the page is read in. */
export function DetailsSection(props: {
  ctx: PageContext;
  csrf: string;
  heading: string;
  action: string;
  version: number;
  children: Children;
}): JSX.Element {
  const { ctx } = props;
  return (
    <Section id="details-title" title={props.heading}>
      <form method="post" action={props.action} class="form" novalidate>
        <HiddenFields csrf={props.csrf} version={props.version} />
        <input type="hidden" name="originalLocale" value={ctx.locale} />
        {/* children are JSX, already escaped where they were built */}
        {props.children as 'safe'}
        <p class="form-actions">
          <button type="submit" safe>
            {ctx.t.workspaceSave}
          </button>
        </p>
      </form>
    </Section>
  );
}

/** Registry rows picked and put in order (signatories, addressees, contacts…), in their own section and form. */
export function PickerSection(props: {
  ctx: PageContext;
  csrf: string;
  /** The form's field name; also names the section (`{name}-title`). */
  name: string;
  action: string;
  version: number;
  legend: string;
  hint: string;
  rows: PickRow[];
  selected: number[];
  roles?: Parameters<typeof OrderedPicker>[0]['roles'];
  error: string | undefined;
  search?: ChoiceSearchProps | undefined;
}): JSX.Element {
  const { ctx, name } = props;
  return (
    <Section id={`${name}-title`} title={props.legend}>
      <form method="post" action={props.action} class="form">
        <HiddenFields csrf={props.csrf} version={props.version} />
        <OrderedPicker
          ctx={ctx}
          name={name}
          legend={props.legend}
          hint={props.hint}
          rows={props.rows}
          selected={props.selected}
          {...(props.roles ? { roles: props.roles } : {})}
          error={props.error}
          search={props.search}
        />
        <button type="submit" safe>
          {ctx.t.editorialSaveOrder}
        </button>
      </form>
    </Section>
  );
}
