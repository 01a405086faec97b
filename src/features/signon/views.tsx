import type { PageContext } from '../../platform/web/page-context.js';
import { ButtonForm } from '../../ui/form.js';
import { Layout, Section, TitledPage } from '../../ui/layout.js';
import { EmptyOr, TableHead } from '../../ui/list.js';
import { LocalizedMarkdown, LocalizedSpan, localizedPlain } from '../../ui/localized-view.js';
import type { SignOnListItem, SignOnRequestItem, SignOnState } from './service.js';

function callLabel(ctx: PageContext, call: SignOnListItem['call']): string {
  if (!call) return ctx.t.signonNotOpened;
  return call.open ? ctx.t.signonOpen : ctx.t.signonClosed;
}

export function SignOnListPage(props: { ctx: PageContext; items: SignOnListItem[]; editor: boolean }) {
  const { ctx, items, editor } = props;
  const { t, locale } = ctx;
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
              · <span safe>{callLabel(ctx, item.call)}</span>
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
    </TitledPage>
  );
}

function VersionedForm(props: { action: string; csrf: string; version: number; label: string; help?: string }) {
  return <ButtonForm {...props} hint={props.help} hintClass="muted" formClass="inline-form" />;
}

export function SignOnPage(props: {
  ctx: PageContext;
  csrf: string;
  state: SignOnState;
  editor: boolean;
  member: boolean;
}) {
  const { ctx, csrf, state, editor, member } = props;
  const { t, locale } = ctx;
  const { statement, call, requests } = state;
  const base = `/${locale}/sign-on/${statement.slug}`;
  const own: SignOnRequestItem | undefined = member ? requests[0] : undefined;
  const ownStatus = own?.request.status;
  const canSign = member && call?.open && (!own || ownStatus === 'withdrawn');
  const canWithdraw = member && statement.status === 'draft' && (ownStatus === 'pending' || ownStatus === 'approved');
  return (
    <Layout ctx={ctx} title={`${t.signonTitle}: ${localizedPlain(statement.title, ctx)}`}>
      <p class="muted" safe>
        {t.signonDraftNotice}
      </p>
      <h1>
        <LocalizedSpan value={statement.title} ctx={ctx} />
      </h1>
      <p class="signon-state" safe>
        {callLabel(ctx, call)}
      </p>
      {member ? (
        <Section id="own-heading" title={t.signonYourOrganization} class="signon-own">
          <p class="own-status" safe>
            {ownStatus ? t.signonStatus(ownStatus) : t.signonNotYetAsked}
          </p>
          {canSign ? (
            <VersionedForm
              action={`${base}/sign`}
              csrf={csrf}
              version={own?.request.version ?? 0}
              label={t.signonSignButton}
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
            />
          ) : (
            ''
          )}
        </Section>
      ) : (
        ''
      )}
      {editor ? <EditorPanel ctx={ctx} csrf={csrf} state={state} base={base} /> : ''}
      <section aria-labelledby="text-heading" class="signon-text">
        <h2 id="text-heading">
          <LocalizedSpan value={statement.title} ctx={ctx} />
        </h2>
        <p class="lede">
          <LocalizedSpan value={statement.summary} ctx={ctx} />
        </p>
        <LocalizedMarkdown value={statement.body} ctx={ctx} />
      </section>
    </Layout>
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
