/** Release sends: the list, the form (new or change), the preview of one language, a send's per-recipient status. */
import { formatDateTime } from '../../platform/i18n/format.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { PageContext } from '../../platform/web/page-context.js';
import type { FormOutcome } from '../../platform/web/workspace-request.js';
import { ConflictNotice } from '../../ui/conflict-notice.js';
import { ButtonForm, ErrorSummary, HiddenFields, SelectField, TextAreaField } from '../../ui/form.js';
import { DataTable } from '../../ui/list.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import { CheckboxGroup, PressMenu, RadioGroup } from './form-parts.js';
import type { MailTemplate } from './mail-render.js';
import { NOTE_MAX, type RecipientStatus, type SendRow } from './sends-service.js';

const base = (ctx: PageContext) => `/${ctx.locale}/workspace/press/sends`;

export interface SendFormValues {
  release: string;
  mode: string;
  note: string;
  lists: string[];
  contacts: string[];
}

export interface SendChoices {
  releases: { value: string; label: string; embargoedUntil: Date | null }[];
  lists: { value: string; label: string }[];
  trusted: { value: string; label: string }[];
}

const modeLabel = (ctx: PageContext, mode: string) => ctx.t.pressSendMode(mode as 'lift' | 'now' | 'embargo');

export function SendsPage(props: WorkspaceProps & { sends: (SendRow & { releaseSlug: string })[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <WorkspaceLayout {...props} title={t.pressSendsTitle}>
      <PressMenu ctx={ctx} current="sends" />
      <h1 safe>{t.pressSendsTitle}</h1>
      <p>
        <a class="button" href={`${base(ctx)}/new`} safe>
          {t.pressNewSend}
        </a>
      </p>
      <DataTable
        ctx={ctx}
        caption={t.pressSendsTitle}
        rows={props.sends}
        columns={[
          {
            header: t.pressSendRelease,
            cell: (s) => (
              <a href={`${base(ctx)}/${s.id}`} safe>
                {s.releaseSlug}
              </a>
            ),
          },
          { header: t.pressSendModeLabel, cell: (s) => <span safe>{modeLabel(ctx, s.mode)}</span> },
          { header: t.pressSendWhen, cell: (s) => <span safe>{formatDateTime(s.sendAfter, ctx.locale)}</span> },
          { header: t.pressSendRecipients, cell: (s) => <span safe>{String(s.recipients)}</span> },
          { header: t.pressSendState, cell: (s) => <span safe>{t.pressSendStateName(s.state)}</span> },
        ]}
      />
    </WorkspaceLayout>
  );
}

/** The fields of a send, for a new one (with the release to choose) or a change (the release fixed). */
function SendFields(props: {
  ctx: PageContext;
  values: SendFormValues;
  choices: SendChoices;
  errors: Record<string, string>;
  chooseRelease: boolean;
}) {
  const { ctx, values, choices, errors } = props;
  const { t } = ctx;
  const chosen = choices.releases.find((r) => r.value === values.release);
  const lift = chosen?.embargoedUntil ? formatDateTime(chosen.embargoedUntil, ctx.locale) : null;
  return (
    <>
      {props.chooseRelease ? (
        <SelectField
          ctx={ctx}
          name="release"
          label={t.pressSendRelease}
          hint={t.pressSendReleaseHint}
          value={values.release}
          options={choices.releases.map((r) => ({ value: r.value, label: r.label }))}
          emptyLabel={t.pressSendChooseRelease}
          error={errors.release}
          required
        />
      ) : (
        <input type="hidden" name="release" value={values.release} />
      )}
      <RadioGroup
        ctx={ctx}
        name="mode"
        legend={t.pressSendModeLabel}
        hint={t.pressSendModeHint}
        options={(['lift', 'now', 'embargo'] as const).map((mode) => ({
          value: mode,
          label: mode === 'lift' && lift ? `${modeLabel(ctx, mode)} (${lift})` : modeLabel(ctx, mode),
        }))}
        checked={values.mode}
        error={errors.mode}
      />
      <TextAreaField
        ctx={ctx}
        name="note"
        label={t.pressSendNote}
        hint={t.pressSendNoteHint}
        value={values.note}
        error={errors.note}
        rows={4}
        maxlength={NOTE_MAX}
      />
      <CheckboxGroup
        ctx={ctx}
        name="lists"
        legend={t.pressSendLists}
        hint={t.pressSendListsHint}
        options={choices.lists}
        checked={values.lists}
        error={errors.lists}
      />
      <CheckboxGroup
        ctx={ctx}
        name="contacts"
        legend={t.pressSendTrusted}
        hint={t.pressSendTrustedHint}
        options={choices.trusted}
        checked={values.contacts}
        error={errors.contacts}
      />
    </>
  );
}

export function SendFormPage(
  props: WorkspaceProps & { values: SendFormValues; choices: SendChoices; outcome?: FormOutcome; tested?: boolean },
) {
  const { ctx, outcome = {} } = props;
  const { t } = ctx;
  const errors = outcome.errors ?? {};
  const labels = {
    release: t.pressSendRelease,
    mode: t.pressSendModeLabel,
    note: t.pressSendNote,
    lists: t.pressSendLists,
    contacts: t.pressSendTrusted,
  };
  return (
    <WorkspaceLayout {...props} title={t.pressNewSend}>
      <PressMenu ctx={ctx} current="sends" />
      <h1 safe>{t.pressNewSend}</h1>
      {props.tested ? (
        <p class="notice" role="status" safe>
          {t.pressTestQueued}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={base(ctx)} novalidate>
        <HiddenFields csrf={props.csrf} />
        <SendFields ctx={ctx} values={props.values} choices={props.choices} errors={errors} chooseRelease />
        <p>
          <button type="submit" safe>
            {t.pressSendSchedule}
          </button>{' '}
          <button type="submit" class="button-secondary" formaction={`${base(ctx)}/test`} safe>
            {t.pressSendTest}
          </button>
        </p>
        <p>
          {LOCALES.map((lang) => (
            <>
              <button
                type="submit"
                class="button-secondary"
                formaction={`${base(ctx)}/preview`}
                formmethod="get"
                name="lang"
                value={lang}
                safe
              >
                {t.pressPreviewIn(lang)}
              </button>{' '}
            </>
          ))}
        </p>
      </form>
    </WorkspaceLayout>
  );
}

export function PreviewPage(props: WorkspaceProps & { mail: MailTemplate; htmlHref: string; backHref: string }) {
  const { ctx, mail } = props;
  const { t } = ctx;
  return (
    <WorkspaceLayout {...props} title={t.pressPreviewTitle}>
      <PressMenu ctx={ctx} current="sends" />
      <h1 safe>{t.pressPreviewTitle}</h1>
      <dl>
        <dt safe>{t.pressPreviewSubject}</dt>
        <dd lang={mail.locale} safe>
          {mail.subject}
        </dd>
      </dl>
      <p>
        <a href={props.htmlHref} safe>
          {t.pressPreviewHtml}
        </a>{' '}
        · <a href={props.backHref}>{t.pressPreviewBack as 'safe'}</a>
      </p>
      <h2 safe>{t.pressPreviewText}</h2>
      <pre lang={mail.locale} class="mail-preview" tabindex="0" safe>
        {mail.text}
      </pre>
    </WorkspaceLayout>
  );
}

export function SendPage(
  props: WorkspaceProps & {
    send: SendRow & { releaseSlug: string };
    recipients: RecipientStatus[];
    changeable: boolean;
    values: SendFormValues;
    choices: SendChoices;
    outcome?: FormOutcome;
  },
) {
  const { ctx, send, outcome = {} } = props;
  const { t } = ctx;
  const errors = outcome.errors ?? {};
  const title = t.pressSendTitle(send.releaseSlug);
  const sentAt = (at: Date | null): string => (at ? formatDateTime(at, ctx.locale) : '');
  return (
    <WorkspaceLayout {...props} title={title}>
      <PressMenu ctx={ctx} current="sends" />
      <h1 safe>{title}</h1>
      <dl>
        <dt safe>{t.pressSendModeLabel}</dt>
        <dd safe>{modeLabel(ctx, send.mode)}</dd>
        <dt safe>{t.pressSendWhen}</dt>
        <dd safe>{formatDateTime(send.sendAfter, ctx.locale)}</dd>
        <dt safe>{t.pressSendState}</dt>
        <dd safe>{t.pressSendStateName(send.state)}</dd>
        <dt safe>{t.pressSendRecipients}</dt>
        <dd safe>{String(send.recipients)}</dd>
      </dl>
      <h2 safe>{t.pressSendStatusHeading}</h2>
      <DataTable
        ctx={ctx}
        caption={t.pressSendStatusHeading}
        rows={props.recipients}
        columns={[
          { header: t.pressName, cell: (r) => <span safe>{r.name ?? ''}</span> },
          { header: t.pressEmail, cell: (r) => <span safe>{r.to}</span> },
          { header: t.pressSendState, cell: (r) => <span safe>{t.pressMailStatus(r.status)}</span> },
          { header: t.pressSendAttempts, cell: (r) => <span safe>{String(r.attempts)}</span> },
          { header: t.pressSendReply, cell: (r) => <span safe>{r.lastReply ?? ''}</span> },
          {
            header: t.pressSendSentAt,
            cell: (r) => <span safe>{sentAt(r.sentAt)}</span>,
          },
        ]}
      />
      {props.changeable ? (
        <section aria-labelledby="change-send">
          <h2 id="change-send" safe>
            {t.pressSendChange}
          </h2>
          {outcome.conflict ? <ConflictNotice ctx={ctx} history={outcome.conflict} labels={{}} /> : ''}
          <ErrorSummary
            ctx={ctx}
            errors={errors}
            labels={{
              mode: t.pressSendModeLabel,
              note: t.pressSendNote,
              lists: t.pressSendLists,
              contacts: t.pressSendTrusted,
            }}
          />
          <form method="post" action={`${base(ctx)}/${send.id}/edit`} novalidate>
            <HiddenFields csrf={props.csrf} version={send.version} />
            <SendFields ctx={ctx} values={props.values} choices={props.choices} errors={errors} chooseRelease={false} />
            <button type="submit" safe>
              {t.workspaceSave}
            </button>
          </form>
          <ButtonForm
            action={`${base(ctx)}/${send.id}/cancel`}
            csrf={props.csrf}
            version={send.version}
            label={t.pressSendCancel}
            hint={t.pressSendCancelHint}
            buttonClass="button-secondary"
          />
        </section>
      ) : (
        ''
      )}
    </WorkspaceLayout>
  );
}
