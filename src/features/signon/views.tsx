import type { KeysetPage } from '../../platform/db/keyset.js';
import type { AddresseeName } from '../../platform/i18n/addressed-to.js';
import { resolveText } from '../../platform/text/localized-text.js';
import { instantToLocal } from '../../platform/text/time-zones.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { ButtonForm, HiddenFields } from '../../ui/form.js';
import { Layout, Section, TitledPage } from '../../ui/layout.js';
import { EmptyOr, TableHead } from '../../ui/list.js';
import {
  LocalizedList,
  LocalizedMarkdown,
  LocalizedName,
  LocalizedSpan,
  localizedNamePlain,
  localizedPlain,
} from '../../ui/localized-view.js';
import { keysetLinks, Pager, type PagerLinks, pageHref } from '../../ui/pager.js';
import { formatInstant } from '../releases/index.js';
import { DateField, type StatementPageDetail, type StatementPagers, TimeZoneField } from '../statements/index.js';
import type { SignOnListItem } from './list-service.js';
import type { OrganizationRow } from './request-service.js';
import type { SignOnCall, SignOnRequestItem, SignOnState } from './state.js';

function callLabel(ctx: PageContext, item: { call: SignOnListItem['call']; open: boolean }): string {
  if (!item.call) return ctx.t.signonNotOpened;
  return item.open ? ctx.t.signonOpen : ctx.t.signonClosed;
}

export function SignOnListPage(props: { ctx: PageContext; page: KeysetPage<SignOnListItem>; editor: boolean }) {
  const { ctx, page, editor } = props;
  const items = page.items;
  const { t, locale } = ctx;
  const base = `/${locale}/sign-on`;
  return (
    <TitledPage ctx={ctx} title={t.signonTitle}>
      <p safe>{editor ? t.signonListHelpEditor : t.signonListHelpMember}</p>
      <EmptyOr empty={t.signonNone} isEmpty={items.length === 0}>
        <ul class="signon-list">
          {items.map((item) => (
            <li>
              <a href={`/${locale}/sign-on/${item.statement.slug}`}>
                <LocalizedSpan value={item.statement.title} ctx={ctx} />
              </a>{' '}
              · <span safe>{callLabel(ctx, item)}</span>
              {item.open && item.call?.deadline ? (
                <>
                  {' '}
                  ·{' '}
                  <span class="deadline" safe>
                    {t.signonClosesOn(formatInstant(item.call.deadline, item.call.timeZone, locale))}
                  </span>
                </>
              ) : (
                ''
              )}
              {editor && item.pending > 0 ? (
                <>
                  {' '}
                  · <strong safe>{t.signonPendingCount(item.pending)}</strong>
                </>
              ) : (
                ''
              )}
              {item.ownStatus ? (
                <>
                  {' '}
                  · <span safe>{t.signonStatus(item.ownStatus)}</span>
                </>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      </EmptyOr>
      <Pager ctx={ctx} links={keysetLinks(page, (cursor) => pageHref(base, {}, cursor))} />
    </TitledPage>
  );
}

function VersionedForm(props: {
  action: string;
  csrf: string;
  version: number;
  label: string;
  help?: string;
  buttonClass?: string;
}) {
  return <ButtonForm {...props} hint={props.help} hintClass="muted" formClass="inline-form" />;
}

/** What the page confirms after a redirect from a member's post (`?done=`). */
export type SignOnDone = 'signed' | 'withdrawn' | null;

/** The deadline as the rest of the app shows an instant: date, time and zone, in the call's zone. */
function Deadline({ ctx, call }: { ctx: PageContext; call: SignOnCall & { deadline: Date } }) {
  return (
    <time datetime={call.deadline.toISOString()} safe>
      {formatInstant(call.deadline, call.timeZone, ctx.locale)}
    </time>
  );
}

/** Where sign-on stands now, in one sentence. */
function stateSentence(ctx: PageContext, state: SignOnState): string {
  const { t, locale } = ctx;
  const { call } = state;
  if (!call) return t.signonNotOpenedNotice;
  if (state.open) return t.signonOpenNotice;
  if (call.open && call.deadline) return t.signonDeadlinePassed(formatInstant(call.deadline, call.timeZone, locale));
  return t.signonClosedNotice;
}

export function SignOnPage(props: {
  ctx: PageContext;
  csrf: string;
  state: SignOnState;
  editor: boolean;
  member: boolean;
  /** The signed-in person's organization, if they have one. */
  organization: OrganizationRow | null;
  done: SignOnDone;
  /** Links to the other pages of the recommendations and the signatories. */
  pagers: StatementPagers;
}) {
  const { ctx, csrf, state, editor, member, organization, done, pagers } = props;
  const { t, locale } = ctx;
  const { statement, call, requests, page } = state;
  const base = `/${locale}/sign-on/${statement.slug}`;
  const own: SignOnRequestItem | undefined = member ? requests[0] : undefined;
  const ownStatus = own?.request.status;
  const signsFor = member && organization ? organization : null;
  // Among the signatories without a request of its own: a convener, or added by the editors.
  const listed = signsFor !== null && (!own || ownStatus === 'withdrawn') && state.organizationListed;
  const canSign = Boolean(signsFor) && state.open && !listed && (!own || ownStatus === 'withdrawn');
  const signedWhile = ownStatus === 'pending' || ownStatus === 'approved';
  const canWithdraw = Boolean(signsFor) && statement.status === 'draft' && signedWhile;
  const orgName = signsFor ? localizedNamePlain(signsFor.localizedName, signsFor.name, ctx) : '';
  const confirmation =
    done === 'signed' && own && ownStatus === 'pending'
      ? t.signonSignedNotice(orgName, formatInstant(own.request.updatedAt, call?.timeZone ?? 'UTC', locale))
      : done === 'withdrawn' && ownStatus === 'withdrawn'
        ? t.signonWithdrawnNotice(orgName)
        : null;
  return (
    <Layout ctx={ctx} title={`${t.signonTitle}: ${localizedPlain(statement.title, ctx)}`}>
      {statement.status === 'draft' ? (
        <p class="muted" safe>
          {t.signonDraftNotice}
        </p>
      ) : (
        ''
      )}
      <h1>
        <LocalizedSpan value={statement.title} ctx={ctx} />
      </h1>
      {confirmation ? (
        <p class="notice signon-confirmation" role="status" safe>
          {confirmation}
        </p>
      ) : (
        ''
      )}
      <dl class="facts signon-facts">
        {signsFor ? (
          <>
            <dt safe>{t.signonSigningFor}</dt>
            <dd class="signing-for">
              <strong>
                <LocalizedName value={signsFor.localizedName} own={signsFor.name} ctx={ctx} />
              </strong>
            </dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t.signonDeadline}</dt>
        <dd class="deadline">
          {call?.deadline ? (
            <Deadline ctx={ctx} call={{ ...call, deadline: call.deadline }} />
          ) : (
            <span safe>{t.signonNoDeadline}</span>
          )}
        </dd>
      </dl>
      <p class="signon-state" safe>
        {stateSentence(ctx, state)}
      </p>
      {canSign ? (
        <p>
          <a href="#own-heading" safe>
            {t.signonGoToSign}
          </a>
        </p>
      ) : (
        ''
      )}
      {editor ? (
        <p class="signon-role" safe>
          {t.signonEditorsDoNotSign}
        </p>
      ) : (
        ''
      )}
      {editor ? <EditorPanel ctx={ctx} csrf={csrf} state={state} base={base} /> : ''}
      <Section id="text-heading" title={t.signonStatementHeading} class="signon-text">
        <p class="lede">
          <LocalizedSpan value={statement.summary} ctx={ctx} />
        </p>
        <LocalizedMarkdown value={statement.body} ctx={ctx} />
      </Section>
      <Recommendations ctx={ctx} page={page} pager={pagers.recommendations} />
      <Signatories ctx={ctx} page={page} pager={pagers.signatories} />
      {signsFor ? (
        <Section id="own-heading" title={t.signonYourOrganization} class="signon-own">
          <p class="own-status" safe>
            {t.signonOwnStatus(listed ? 'listed' : (ownStatus ?? 'none'))}
          </p>
          {canSign ? (
            <VersionedForm
              action={`${base}/sign`}
              csrf={csrf}
              version={own?.request.version ?? 0}
              label={t.signonSignButton(orgName)}
              help={t.signonSignHelp}
            />
          ) : (
            ''
          )}
          {canWithdraw && own ? (
            <VersionedForm
              action={`${base}/withdraw`}
              csrf={csrf}
              version={own.request.version}
              label={t.signonWithdrawButton}
              help={t.signonWithdrawHelp}
              buttonClass="button-secondary"
            />
          ) : signedWhile ? (
            <p class="muted" safe>
              {t.signonWithdrawLater}
            </p>
          ) : (
            ''
          )}
        </Section>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** An addressee's name as the sentence needs it: shown in the page's language or marked as not. */
function addresseeNames(ctx: PageContext, rows: StatementPageDetail['addressees']): AddresseeName[] {
  return rows.flatMap((a) => {
    const resolved = resolveText(a.name, ctx.locale);
    return resolved ? [{ text: resolved.text, kind: a.kind, inPageLanguage: !resolved.isFallback }] : [];
  });
}

/** One page of the recommendations, numbered as everywhere else, with their themes and who each is addressed to. */
export function Recommendations(props: { ctx: PageContext; page: StatementPageDetail; pager: PagerLinks }) {
  const { ctx, page, pager } = props;
  const { t } = ctx;
  const to = addresseeNames(ctx, page.addressees);
  if (page.recommendationTotal === 0) return '';
  return (
    <Section
      id="recommendations-heading"
      title={t.signonRecommendationsHeading(page.recommendationTotal)}
      class="signon-recommendations"
    >
      <p class="signon-intro" safe>
        {to.length > 0 ? t.signonIntroTo(t.signonAddressedTo(to)) : t.signonIntro}
      </p>
      <ol class="recommendations" start={String(page.recommendations.items[0]?.number ?? 1)}>
        {page.recommendations.items.map((r) => {
          const themes = page.themes.filter((th) => r.themeIds.includes(th.id));
          const addressees = r.addresseeIds
            .map((id) => page.addresseesById.get(id))
            .filter((a): a is NonNullable<typeof a> => a !== undefined);
          const recTo = addresseeNames(ctx, addressees);
          return (
            <li class="recommendation" data-number={String(r.number)}>
              <p class="rec-number" safe>
                {t.recommendationTitle(r.number)}
              </p>
              <p>
                <LocalizedSpan value={r.text} ctx={ctx} />
              </p>
              {themes.length > 0 ? (
                <LocalizedList ctx={ctx} class="tags" label={t.signonThemes} values={themes.map((th) => th.label)} />
              ) : (
                ''
              )}
              {recTo.length > 0 ? (
                <p class="muted addressed-to" safe>
                  {t.signonRecommendationTo(t.signonAddressedTo(recTo))}
                </p>
              ) : (
                ''
              )}
            </li>
          );
        })}
      </ol>
      <Pager ctx={ctx} links={pager} />
    </Section>
  );
}

/** The organizations that have signed so far, in the statement's order (conveners included), a page at a time. */
function Signatories(props: { ctx: PageContext; page: StatementPageDetail; pager: PagerLinks }) {
  const { ctx, page, pager } = props;
  const { t } = ctx;
  return (
    <Section id="signatories-heading" title={t.signonSignatoriesHeading} class="signon-signatories">
      <p class="muted" safe>
        {t.signonSignatoriesHelp}
      </p>
      <EmptyOr empty={t.signonNoSignatories} isEmpty={page.signatories.items.length === 0}>
        <ol class="signatories">
          {page.signatories.items.map(({ organization, role }) => (
            <li data-organization={organization.slug}>
              <LocalizedName value={organization.localizedName} own={organization.name} ctx={ctx} />
              {role === 'convener' ? (
                <>
                  {' '}
                  <span class="badge" safe>
                    {t.roleConvener}
                  </span>
                </>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      </EmptyOr>
      <Pager ctx={ctx} links={pager} />
    </Section>
  );
}

function EditorPanel(props: { ctx: PageContext; csrf: string; state: SignOnState; base: string }) {
  const { ctx, csrf, state, base } = props;
  const { t } = ctx;
  const { call, requests } = state;
  return (
    <section aria-labelledby="requests-heading" class="signon-editor">
      {call?.open ? (
        <VersionedForm action={`${base}/close`} csrf={csrf} version={call.version} label={t.signonCloseButton} />
      ) : (
        <VersionedForm action={`${base}/open`} csrf={csrf} version={call?.version ?? 0} label={t.signonOpenButton} />
      )}
      <form method="post" action={`${base}/deadline`} class="form signon-deadline-form">
        <HiddenFields csrf={csrf} version={call?.version ?? 0} />
        <p class="muted" safe>
          {t.signonDeadlineHint}
        </p>
        <DateField
          ctx={ctx}
          type="datetime-local"
          name="deadlineLocal"
          label={t.signonDeadlineLocal}
          value={call?.deadline ? instantToLocal(call.deadline, call.timeZone) : ''}
        />
        <TimeZoneField ctx={ctx} value={call?.timeZone ?? 'UTC'} hint={t.signonTimeZoneHint} />
        <button type="submit" class="button-secondary" safe>
          {t.signonDeadlineButton}
        </button>
      </form>
      <h2 id="requests-heading" safe>
        {t.signonRequestsTitle}
      </h2>
      <EmptyOr empty={t.signonNoRequests} isEmpty={requests.length === 0}>
        <div class="table-scroll">
          <table class="users signon-requests">
            <TableHead headers={[t.signonColumnOrganization, t.signonColumnStatus, t.signonColumnDecision]} />
            <tbody>
              {requests.map(({ request, organization }) => (
                <tr data-organization={organization.slug}>
                  <th scope="row" safe>
                    {organization.name}
                  </th>
                  <td class="status" safe>
                    {t.signonStatus(request.status)}
                  </td>
                  <td>
                    {(
                      [
                        ['approve', t.signonApproveButton, 'declined'],
                        ['decline', t.signonDeclineButton, 'approved'],
                      ] as const
                    ).map(([decision, label, alsoFrom]) =>
                      request.status === 'pending' || request.status === alsoFrom ? (
                        <VersionedForm
                          action={`${base}/requests/${request.id}/${decision}`}
                          csrf={csrf}
                          version={request.version}
                          label={label}
                        />
                      ) : (
                        ''
                      ),
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </EmptyOr>
    </section>
  );
}
