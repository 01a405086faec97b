import type { Choices } from '../../platform/db/choices.js';
import type { PageRequest } from '../../platform/db/keyset.js';
import { canRecordFollowup } from '../../platform/policy.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import type { PageContext } from '../../platform/web/page-context.js';
import type { FormOutcome } from '../../platform/web/workspace-request.js';
import { BilingualFields, type Typed, typedText } from '../../ui/bound-fields.js';
import { TextField } from '../../ui/form.js';
import { Section } from '../../ui/layout.js';
import { localizedPlain } from '../../ui/localized-view.js';
import { keysetLinks, Pager, pageHref } from '../../ui/pager.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import type { StatementRow } from './edit-service.js';
import { TEXT_LIMITS } from './edit-service.js';
import { readPicked } from './ordered-picker.js';
import { DateField, DeleteDraftForm, PublicationControls } from './publication-controls.js';
import { DetailsSection, EditingHeading, NewDraftPage, PickerSection } from './workspace-forms.js';
import { MoveButtons, TranslationStates } from './workspace-parts.js';
import type { RegistryChoices, StatementForEditing } from './workspace-read.js';

export type { Typed };

/** A recommendation as the statement's page lists it: its start, since its own page has the whole text. */
const LISTED_TEXT = 240;
function shortened(text: string): string {
  if (text.length <= LISTED_TEXT) return text;
  const cut = text.slice(0, LISTED_TEXT);
  const space = cut.lastIndexOf(' ');
  return `${(space > LISTED_TEXT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const str = typedText;

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
  return (
    <>
      <BilingualFields
        ctx={ctx}
        typed={typed}
        errors={errors}
        fields={[
          {
            name: 'title',
            label: t.editorialStatementTitle,
            stored: stored?.title,
            required: true,
            maxLength: TEXT_LIMITS.title,
          },
          {
            name: 'occasion',
            label: t.editorialStatementOccasion,
            stored: stored?.occasion,
            maxLength: TEXT_LIMITS.occasion,
          },
          {
            name: 'summary',
            label: t.editorialStatementSummary,
            stored: stored?.summary,
            multiline: true,
            rows: 4,
            maxLength: TEXT_LIMITS.summary,
          },
          {
            name: 'body',
            label: t.editorialStatementBody,
            stored: stored?.body,
            markdown: true,
            rows: 10,
            maxLength: TEXT_LIMITS.body,
          },
        ]}
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
  const { ctx, typed, outcome } = props;
  return (
    <NewDraftPage
      {...props}
      title={ctx.t.editorialNewStatement}
      action={`/${ctx.locale}/workspace/statements`}
      labels={statementLabels(ctx)}
      typed={{ originalLocale: str(typed, 'originalLocale'), slug: str(typed, 'slug') }}
    >
      <StatementFields ctx={ctx} stored={null} typed={typed} outcome={outcome} />
    </NewDraftPage>
  );
}

/** Which of the page's forms failed, so only that one shows the typed values and messages. */
export type StatementForm = 'details' | 'publish' | 'addressees' | 'signatories' | 'delete' | 'order';

export function StatementEditPage(
  props: WorkspaceProps & {
    data: StatementForEditing;
    choices: RegistryChoices;
    failed?: { form: StatementForm; typed: Typed; outcome: FormOutcome } | undefined;
    /** The words the signatories' search looks for ('' for none). */
    findSignatories?: string;
    /** The addressees offered (bounded: the chosen ones and a few more) and the words their search looks for. */
    addressees: Choices<{ id: number; name: LocalizedText }>;
    findAddressees?: string;
    /** The page of the recommendations shown (its cursor), kept by the move buttons. */
    page?: PageRequest;
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
  const recs = data.recommendations;
  // The signatories as a posted form had them (a search, or a failed save), else as stored.
  const typedSignatories = typedOf('signatories');
  const typedAddressees = typedOf('addressees');
  // Follow-up is recorded once the statement has been published (features/followup's editor pages).
  const followup = data.state !== 'draft' && canRecordFollowup(props.user);
  const orgName = (o: { name: string; acronym: string | null }) => (o.acronym ? `${o.name} (${o.acronym})` : o.name);
  return (
    <WorkspaceLayout {...props} title={title}>
      <EditingHeading
        ctx={ctx}
        back={{ href: `/${locale}/workspace/statements`, label: t.editorialStatementsTitle }}
        title={title}
        outcome={failed?.outcome}
        labels={labels}
      />
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
          timeZone: str(typedOf('publish'), 'timeZone'),
          errors: outcomeOf('publish').errors ?? {},
        }}
      />
      <DetailsSection ctx={ctx} csrf={csrf} heading={t.editorialStatementDetails} action={base} version={s.version}>
        <StatementFields ctx={ctx} stored={s} typed={typedOf('details')} outcome={outcomeOf('details')} />
      </DetailsSection>
      <Section id="recommendations-title" title={t.editorialRecommendations}>
        {data.recommendationCount === 0 ? <p safe>{t.editorialNoRecommendations}</p> : ''}
        {recs.items.length > 0 && data.recommendationCount > recs.items.length ? (
          <p class="meta" safe>
            {t.editorialRecommendationsShown(
              recs.items[0]!.number,
              recs.items.at(-1)!.number,
              data.recommendationCount,
            )}
          </p>
        ) : (
          ''
        )}
        <ol class="workspace-items">
          {recs.items.map((r) => {
            const text = shortened(localizedPlain(r.text, ctx));
            const name = t.editorialRecommendationNumber(r.number);
            return (
              <li id={`recommendation-${r.id}`} value={String(r.number)}>
                <p>
                  <a href={`${base}/recommendations/${r.id}`}>
                    <span class="visually-hidden" safe>{`${name}: `}</span>
                    <span safe>{text}</span>
                  </a>
                </p>
                <TranslationStates ctx={ctx} value={r.text} />
                {followup ? (
                  <p>
                    <a
                      class="followup-link"
                      href={`/${locale}/workspace/followup/recommendations/${r.id}`}
                      data-followup={String(r.id)}
                      safe
                    >
                      {t.editorialRecommendationFollowup(r.number)}
                    </a>
                  </p>
                ) : (
                  ''
                )}
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
        <Pager ctx={ctx} links={keysetLinks(recs, (cursor) => `${pageHref(base, {}, cursor)}#recommendations-title`)} />
        <p>
          <a class="button" href={`${base}/recommendations/new`} safe>
            {t.editorialAddRecommendation}
          </a>
        </p>
      </Section>
      <Section id="quotes-title" title={t.editorialQuotes}>
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
      </Section>
      <PickerSection
        ctx={ctx}
        csrf={csrf}
        name="signatories"
        action={`${base}/signatories`}
        version={s.version}
        legend={t.editorialSignatories}
        hint={t.editorialSignatoriesHint}
        rows={choices.organizations.map((o) => ({ id: o.id, label: orgName(o) }))}
        selected={
          typedSignatories ? readPicked(typedSignatories, 'signatories') : data.signatories.map((x) => x.organizationId)
        }
        roles={{
          options: [
            { value: 'signatory', label: t.editorialRoleSignatory },
            { value: 'convener', label: t.editorialRoleConvener },
          ],
          of: (id) =>
            typedSignatories
              ? str(typedSignatories, `signatories_role_${id}`) === 'convener'
                ? 'convener'
                : 'signatory'
              : (data.signatories.find((x) => x.organizationId === id)?.role ?? 'signatory'),
        }}
        error={outcomeOf('signatories').errors?.signatories}
        search={{
          param: 'find-signatories',
          what: t.choicesWhatOrganizations,
          value: props.findSignatories ?? '',
          more: choices.more.organizations,
          offered: choices.offered.organizations,
          page: `${base}/signatories`,
          anchor: 'signatories-title',
        }}
      />
      <PickerSection
        ctx={ctx}
        csrf={csrf}
        name="addressees"
        action={`${base}/addressees`}
        version={s.version}
        legend={t.editorialAddressees}
        hint={t.editorialAddresseesHint}
        rows={props.addressees.rows.map((a) => ({ id: a.id, label: localizedPlain(a.name, ctx) }))}
        selected={typedAddressees ? readPicked(typedAddressees, 'addressees') : data.addresseeIds}
        error={outcomeOf('addressees').errors?.addressees}
        search={{
          param: 'find-addressees',
          what: t.choicesWhatAddressees,
          value: props.findAddressees ?? '',
          more: props.addressees.more,
          offered: props.addressees.offered,
          page: `${base}/addressees`,
          anchor: 'addressees-title',
        }}
      />
      {data.state === 'draft' ? (
        <Section id="delete-title" title={t.editorialDelete}>
          <DeleteDraftForm ctx={ctx} csrf={csrf} action={`${base}/delete`} version={s.version} />
        </Section>
      ) : (
        ''
      )}
    </WorkspaceLayout>
  );
}
