import { localizedPlain } from '../../lib/localized-view.js';
import type { PageContext } from '../../lib/page-context.js';
import { ConflictNotice } from '../workspace/conflict.js';
import { BilingualField, ErrorSummary, HiddenFields, readLocaleValues, TextField } from '../workspace/form.js';
import { WorkspaceLayout, type WorkspaceProps } from '../workspace/layout.js';
import type { FormOutcome } from '../workspace/web.js';
import type { StatementRow } from './edit-service.js';
import { OrderedPicker } from './ordered-picker.js';
import { DateField, OriginalLocaleField, PublicationControls } from './publication-controls.js';
import { MoveButtons, TranslationStates } from './workspace-parts.js';
import type { RegistryChoices, StatementForEditing } from './workspace-read.js';

export type Typed = Record<string, unknown> | undefined;

const str = (typed: Typed, name: string) => (typeof typed?.[name] === 'string' ? (typed[name] as string) : undefined);

function statementLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    title: t.editorialStatementTitle,
    slug: t.editorialStatementSlug,
    summary: t.editorialStatementSummary,
    occasion: t.editorialStatementOccasion,
    body: t.editorialStatementBody,
    date: t.editorialStatementDate,
    fullDocumentUrl: t.editorialFullDocumentUrl,
    signatories: t.editorialSignatories,
    addressees: t.editorialAddressees,
    embargoLocal: t.editorialEmbargoLocal,
    timeZone: t.editorialTimeZone,
    statement: t.editorialDelete,
    addresseeIds: t.editorialAddressees,
  };
}

/** Title, summary, occasion, text, date and document link; both languages side by side. */
function StatementFields(props: {
  ctx: PageContext;
  stored: StatementRow | null;
  typed: Typed;
  outcome: FormOutcome;
}): JSX.Element {
  const { ctx, stored, typed } = props;
  const { t } = ctx;
  const errors = props.outcome.errors ?? {};
  const values = (name: string) => (typed ? readLocaleValues(typed, name) : undefined);
  return (
    <>
      <BilingualField
        ctx={ctx}
        name="title"
        label={t.editorialStatementTitle}
        stored={stored?.title}
        values={values('title')}
        errors={errors}
        required
      />
      <BilingualField
        ctx={ctx}
        name="occasion"
        label={t.editorialStatementOccasion}
        stored={stored?.occasion}
        values={values('occasion')}
        errors={errors}
      />
      <BilingualField
        ctx={ctx}
        name="summary"
        label={t.editorialStatementSummary}
        stored={stored?.summary}
        values={values('summary')}
        errors={errors}
        multiline
        rows={4}
      />
      <BilingualField
        ctx={ctx}
        name="body"
        label={t.editorialStatementBody}
        stored={stored?.body}
        values={values('body')}
        errors={errors}
        markdown
        rows={10}
      />
      <DateField
        ctx={ctx}
        type="date"
        name="date"
        label={t.editorialStatementDate}
        value={str(typed, 'date') ?? stored?.date ?? ''}
        error={errors.date}
        required
      />
      <TextField
        ctx={ctx}
        name="fullDocumentUrl"
        type="url"
        label={t.editorialFullDocumentUrl}
        value={str(typed, 'fullDocumentUrl') ?? stored?.fullDocumentUrl ?? ''}
        error={errors.fullDocumentUrl}
      />
    </>
  );
}

export function NewStatementPage(props: WorkspaceProps & { typed: Typed; outcome: FormOutcome }): JSX.Element {
  const { ctx, csrf, typed, outcome } = props;
  const { t, locale } = ctx;
  const errors = outcome.errors ?? {};
  return (
    <WorkspaceLayout {...props} title={t.editorialNewStatement}>
      <h1 safe>{t.editorialNewStatement}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={statementLabels(ctx)} />
      <form method="post" action={`/${locale}/workspace/statements`} class="form" novalidate>
        <HiddenFields csrf={csrf} />
        <OriginalLocaleField ctx={ctx} value={str(typed, 'originalLocale') ?? locale} />
        <TextField
          ctx={ctx}
          name="slug"
          label={t.editorialStatementSlug}
          hint={t.editorialSlugHint}
          value={str(typed, 'slug') ?? ''}
          error={errors.slug}
        />
        <StatementFields ctx={ctx} stored={null} typed={typed} outcome={outcome} />
        <p class="form-actions">
          <button type="submit" safe>
            {t.workspaceCreate}
          </button>
        </p>
      </form>
    </WorkspaceLayout>
  );
}

/** Which of the page's forms failed, so only that one shows the typed values and messages. */
export type StatementForm = 'details' | 'publish' | 'addressees' | 'signatories' | 'delete' | 'order';

export function StatementEditPage(
  props: WorkspaceProps & {
    data: StatementForEditing;
    choices: RegistryChoices;
    failed?: { form: StatementForm; typed: Typed; outcome: FormOutcome };
    defaultTimeZone: string;
  },
): JSX.Element {
  const { ctx, csrf, data, choices, failed } = props;
  const { t, locale } = ctx;
  const s = data.statement;
  const base = `/${locale}/workspace/statements/${s.slug}`;
  const outcomeOf = (form: StatementForm): FormOutcome => (failed?.form === form ? failed.outcome : {});
  const typedOf = (form: StatementForm): Typed => (failed?.form === form ? failed.typed : undefined);
  const title = localizedPlain(s.title, ctx);
  const labels = statementLabels(ctx);
  const orgName = (o: { name: string; acronym: string | null }) => (o.acronym ? `${o.name} (${o.acronym})` : o.name);
  return (
    <WorkspaceLayout {...props} title={title}>
      <p>
        <a href={`/${locale}/workspace/statements`} safe>
          {t.editorialStatementsTitle}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {failed?.outcome.conflict ? <ConflictNotice ctx={ctx} history={failed.outcome.conflict} labels={labels} /> : ''}
      <ErrorSummary ctx={ctx} errors={failed?.outcome.errors ?? {}} labels={labels} />
      <p class="meta">
        <span safe>{`${t.editorialPublicAddress}: /${locale}/statements/${s.slug}`}</span>
      </p>
      <PublicationControls
        ctx={ctx}
        csrf={csrf}
        base={`/${locale}/statements/${s.slug}`}
        version={s.version}
        state={data.state}
        publicHref={`/${locale}/statements/${s.slug}`}
        embargo={{
          local: str(typedOf('publish'), 'embargoLocal') ?? '',
          timeZone: str(typedOf('publish'), 'timeZone') ?? props.defaultTimeZone,
          errors: outcomeOf('publish').errors ?? {},
        }}
      />
      <section aria-labelledby="details-title">
        <h2 id="details-title" safe>
          {t.editorialStatementDetails}
        </h2>
        <form method="post" action={base} class="form" novalidate>
          <HiddenFields csrf={csrf} version={s.version} />
          <input type="hidden" name="originalLocale" value={locale} />
          <StatementFields ctx={ctx} stored={s} typed={typedOf('details')} outcome={outcomeOf('details')} />
          <p class="form-actions">
            <button type="submit" safe>
              {t.workspaceSave}
            </button>
          </p>
        </form>
      </section>
      <section aria-labelledby="recommendations-title">
        <h2 id="recommendations-title" safe>
          {t.editorialRecommendations}
        </h2>
        {data.recommendations.length === 0 ? <p safe>{t.editorialNoRecommendations}</p> : ''}
        <ol class="workspace-items">
          {data.recommendations.map((r, index) => {
            const text = localizedPlain(r.text, ctx);
            const name = t.editorialRecommendationNumber(index + 1);
            return (
              <li>
                <p>
                  <a href={`${base}/recommendations/${r.id}`}>
                    <span class="visually-hidden" safe>{`${name}: `}</span>
                    <span safe>{text}</span>
                  </a>
                </p>
                <TranslationStates ctx={ctx} value={r.text} />
                <MoveButtons
                  ctx={ctx}
                  csrf={csrf}
                  action={`${base}/recommendations/${r.id}/move`}
                  version={s.version}
                  name={name}
                />
              </li>
            );
          })}
        </ol>
        <p>
          <a class="button" href={`${base}/recommendations/new`} safe>
            {t.editorialAddRecommendation}
          </a>
        </p>
      </section>
      <section aria-labelledby="quotes-title">
        <h2 id="quotes-title" safe>
          {t.editorialQuotes}
        </h2>
        {data.quotes.length === 0 ? <p safe>{t.editorialNoQuotes}</p> : ''}
        <ol class="workspace-items">
          {data.quotes.map((q) => (
            <li>
              <p>
                <a href={`${base}/quotes/${q.id}`} safe>
                  {`${q.person.name}: “${localizedPlain(q.text, ctx)}”`}
                </a>
              </p>
              <TranslationStates ctx={ctx} value={q.text} />
              <MoveButtons
                ctx={ctx}
                csrf={csrf}
                action={`${base}/quotes/${q.id}/move`}
                version={s.version}
                name={q.person.name}
              />
            </li>
          ))}
        </ol>
        <p>
          <a class="button" href={`${base}/quotes/new`} safe>
            {t.editorialAddQuote}
          </a>
        </p>
      </section>
      <section aria-labelledby="signatories-title">
        <h2 id="signatories-title" safe>
          {t.editorialSignatories}
        </h2>
        <form method="post" action={`${base}/signatories`} class="form">
          <HiddenFields csrf={csrf} version={s.version} />
          <OrderedPicker
            ctx={ctx}
            name="signatories"
            legend={t.editorialSignatories}
            hint={t.editorialSignatoriesHint}
            rows={choices.organizations.map((o) => ({ id: o.id, label: orgName(o) }))}
            selected={data.signatories.map((x) => x.organizationId)}
            roles={{
              options: [
                { value: 'signatory', label: t.editorialRoleSignatory },
                { value: 'convener', label: t.editorialRoleConvener },
              ],
              of: (id) => data.signatories.find((x) => x.organizationId === id)?.role ?? 'signatory',
            }}
            error={outcomeOf('signatories').errors?.signatories}
          />
          <button type="submit" safe>
            {t.editorialSaveOrder}
          </button>
        </form>
      </section>
      <section aria-labelledby="addressees-title">
        <h2 id="addressees-title" safe>
          {t.editorialAddressees}
        </h2>
        <form method="post" action={`${base}/addressees`} class="form">
          <HiddenFields csrf={csrf} version={s.version} />
          <OrderedPicker
            ctx={ctx}
            name="addressees"
            legend={t.editorialAddressees}
            hint={t.editorialAddresseesHint}
            rows={choices.addressees.map((a) => ({ id: a.id, label: localizedPlain(a.name, ctx) }))}
            selected={data.addresseeIds}
            error={outcomeOf('addressees').errors?.addressees}
          />
          <button type="submit" safe>
            {t.editorialSaveOrder}
          </button>
        </form>
      </section>
      {data.state === 'draft' ? (
        <section aria-labelledby="delete-title">
          <h2 id="delete-title" safe>
            {t.editorialDelete}
          </h2>
          <form method="post" action={`${base}/delete`}>
            <HiddenFields csrf={csrf} version={s.version} />
            <p class="hint" safe>
              {t.editorialDeleteDraftHint}
            </p>
            <button type="submit" class="button-secondary" safe>
              {t.editorialDelete}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </WorkspaceLayout>
  );
}
