/**
 * Open sign-on in the workspace: the statements with their open sign-on, and one statement's settings,
 * counts, moderation queue and export links. Plain forms; each decision is one post at the version shown.
 */
import type { KeysetPage } from '../../platform/db/keyset.js';
import { OPEN_SIGN_ON_FIELDS } from '../../platform/db/schema/index.js';
import { countryLabel } from '../../platform/i18n/countries.js';
import type { UserRow } from '../../platform/sessions.js';
import { instantToLocal } from '../../platform/text/time-zones.js';
import { isVisibleToPublic } from '../../platform/visibility.js';
import type { PageContext } from '../../platform/web/page-context.js';
import type { FormOutcome } from '../../platform/web/workspace-request.js';
import { ConflictNotice } from '../../ui/conflict-notice.js';
import { ButtonForm, CheckboxField, ErrorSummary, HiddenFields } from '../../ui/form.js';
import { EmptyOr } from '../../ui/list.js';
import { localizedPlain } from '../../ui/localized-view.js';
import { keysetLinks, Pager, pageHref } from '../../ui/pager.js';
import { WorkspaceLayout } from '../../ui/workspace-layout.js';
import { formatInstant } from '../releases/index.js';
import { DateField, TimeZoneField } from '../statements/index.js';
import type { WorkspaceListItem } from './list-service.js';
import type { ModerationQueue, QueueItem } from './moderation-service.js';
import { type OpenSignOnSettings, openSignOnIsOpen, type StatementRow } from './settings-service.js';
import type { Submission } from './submit-service.js';
import { signPath } from './views.js';

export const workspacePath = (locale: string, slug?: string) =>
  slug ? `/${locale}/workspace/open-sign-on/${slug}` : `/${locale}/workspace/open-sign-on`;

export function OpenSignOnListPage(props: {
  ctx: PageContext;
  user: UserRow;
  csrf: string;
  page: KeysetPage<WorkspaceListItem>;
  now: Date;
}) {
  const { ctx, page, now } = props;
  const { t, locale } = ctx;
  return (
    <WorkspaceLayout ctx={ctx} user={props.user} csrf={props.csrf} title={t.openSignonListTitle}>
      <h1 safe>{t.openSignonListTitle}</h1>
      <p safe>{t.openSignonListHelp}</p>
      <EmptyOr empty={t.openSignonListNone} isEmpty={page.items.length === 0}>
        <ul class="open-signon-list">
          {page.items.map(({ statement, settings, waiting }) => (
            <li data-statement={statement.slug}>
              <a href={workspacePath(locale, statement.slug)} safe>
                {localizedPlain(statement.title, ctx) || statement.slug}
              </a>
              <span class="muted" safe>
                {` · ${openSignOnIsOpen(settings, now) ? t.openSignonStateOpen : t.openSignonStateClosed}`}
              </span>
              {waiting > 0 ? <span class="tag" safe>{` ${t.openSignonWaiting(waiting)}`}</span> : ''}
            </li>
          ))}
        </ul>
      </EmptyOr>
      <Pager ctx={ctx} links={keysetLinks(page, (cursor) => pageHref(workspacePath(locale), {}, cursor))} />
    </WorkspaceLayout>
  );
}

export interface StatementModeration {
  statement: StatementRow;
  settings: OpenSignOnSettings | null;
  queue: ModerationQueue;
  /** Who may add organizations to the registry (the approve form offers it). */
  mayAddToRegistry: boolean;
  now: Date;
}

export function OpenSignOnStatementPage(props: {
  ctx: PageContext;
  user: UserRow;
  csrf: string;
  model: StatementModeration;
  /** A failed settings form: its messages, or what others changed. */
  outcome?: FormOutcome;
  typed?: Record<string, unknown>;
}) {
  const { ctx, csrf, model } = props;
  const { t, locale } = ctx;
  const { statement, queue } = model;
  const base = workspacePath(locale, statement.slug);
  const title = localizedPlain(statement.title, ctx) || statement.slug;
  return (
    <WorkspaceLayout ctx={ctx} user={props.user} csrf={csrf} title={t.openSignonWorkspaceTitle(title)}>
      <h1 safe>{t.openSignonWorkspaceTitle(title)}</h1>
      {isVisibleToPublic(statement, model.now) ? (
        <p>
          <a href={signPath(locale, statement.slug)} safe>
            {t.openSignonPublicPage}
          </a>
        </p>
      ) : (
        <p class="notice" safe>
          {t.openSignonNotPublicNote}
        </p>
      )}
      <SettingsForm {...props} base={base} />
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" safe>
          {t.openSignonCountsHeading}
        </h2>
        <ul class="open-signon-counts">
          {(['unverified', 'verified', 'approved', 'rejected', 'spam', 'merged', 'withdrawn'] as const).map((s) => (
            <li data-status={s} safe>{`${t.openSignonStatusName(s)}: ${queue.counts[s] ?? 0}`}</li>
          ))}
        </ul>
        <p>
          <span safe>{`${t.openSignonExport}: `}</span>
          <a href={`${base}/signatories.csv`} safe>
            {t.openSignonExportCsv}
          </a>
          {' · '}
          <a href={`${base}/signatories.xlsx`} safe>
            {t.openSignonExportXlsx}
          </a>
        </p>
      </section>
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading" safe>
          {t.openSignonQueueHeading}
        </h2>
        <EmptyOr empty={t.openSignonQueueEmpty} isEmpty={queue.items.length === 0}>
          <ol class="open-signon-queue">
            {queue.items.map((item) => (
              <QueueEntry ctx={ctx} csrf={csrf} base={base} item={item} mayAddToRegistry={model.mayAddToRegistry} />
            ))}
          </ol>
        </EmptyOr>
      </section>
    </WorkspaceLayout>
  );
}

function SettingsForm(props: {
  ctx: PageContext;
  csrf: string;
  model: StatementModeration;
  base: string;
  outcome?: FormOutcome;
  typed?: Record<string, unknown>;
}) {
  const { ctx, csrf, model, base, outcome } = props;
  const { t } = ctx;
  const s = model.settings;
  const typed = props.typed;
  const errors = outcome?.errors ?? {};
  const fields = typed ? ((typed.fields as string[]) ?? []) : ((s?.fields as string[]) ?? []);
  const labels = {
    deadlineLocal: t.openSignonDeadline,
    timeZone: t.openSignonTimeZone,
    fields: t.openSignonFieldsLegend,
  };
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading" safe>
        {t.openSignonSettingsHeading}
      </h2>
      {outcome?.conflict ? <ConflictNotice ctx={ctx} history={outcome.conflict} /> : ''}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={`${base}/settings`} class="form open-signon-settings">
        <HiddenFields csrf={csrf} version={s?.version ?? 0} />
        <CheckboxField
          name="open"
          label={t.openSignonOpenField}
          checked={typed ? Boolean(typed.open) : Boolean(s?.open)}
        />
        <DateField
          ctx={ctx}
          type="datetime-local"
          name="deadlineLocal"
          label={t.openSignonDeadline}
          value={typed ? String(typed.deadlineLocal ?? '') : s?.deadline ? instantToLocal(s.deadline, s.timeZone) : ''}
          error={errors.deadlineLocal}
        />
        <p class="hint" safe>
          {s?.deadline ? formatInstant(s.deadline, s.timeZone, ctx.locale) : t.openSignonDeadlineHint}
        </p>
        <TimeZoneField
          ctx={ctx}
          value={typed ? String(typed.timeZone ?? '') : (s?.timeZone ?? 'UTC')}
          error={errors.timeZone}
        />
        <CheckboxField
          name="individualsAllowed"
          label={t.openSignonIndividualsField}
          checked={typed ? Boolean(typed.individualsAllowed) : Boolean(s?.individualsAllowed)}
        />
        <fieldset class="field">
          <legend safe>{t.openSignonFieldsLegend}</legend>
          {OPEN_SIGN_ON_FIELDS.map((field) => (
            <div class="field-checkbox">
              <input
                type="checkbox"
                id={`f-fields-${field}`}
                name="fields"
                value={field}
                checked={fields.includes(field)}
              />
              <label for={`f-fields-${field}`} safe>
                {t.openSignonFieldName(field)}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" safe>
          {t.openSignonSaveSettings}
        </button>
      </form>
    </section>
  );
}

function describe(ctx: PageContext, s: Submission): string {
  const parts = [s.acronym ? `${s.name} (${s.acronym})` : s.name];
  if (s.kind === 'individual') parts.push(ctx.t.openSignonIndividual);
  if (s.country) parts.push(countryLabel(s.country, ctx.locale));
  if (s.website) parts.push(s.website);
  if (s.contactName) parts.push(s.contactName);
  parts.push(s.email);
  return parts.join(' · ');
}

function QueueEntry(props: {
  ctx: PageContext;
  csrf: string;
  base: string;
  item: QueueItem;
  mayAddToRegistry: boolean;
}) {
  const { ctx, csrf, base, item, mayAddToRegistry } = props;
  const { t } = ctx;
  const s = item.submission;
  const action = (decision: string) => `${base}/submissions/${s.id}/${decision}`;
  const id = (name: string) => `f-${name}-${s.id}`;
  return (
    <li class="card open-signon-entry" data-signature={String(s.id)}>
      <h3 safe>{s.name}</h3>
      <p safe>{describe(ctx, s)}</p>
      {s.logoSha256 ? (
        <img
          class="logo-small open-signon-logo"
          src={`${base}/submissions/${s.id}/logo`}
          alt={t.openSignonLogoAlt(s.name)}
        />
      ) : (
        ''
      )}
      <p class="muted" safe>{`${t.openSignonSubmitted}: ${formatInstant(s.createdAt, 'UTC', ctx.locale)}`}</p>
      {item.duplicates.length > 0 ? (
        <>
          <p safe>{t.openSignonDuplicates}</p>
          <ul class="open-signon-duplicates">
            {item.duplicates.map((d) => (
              <li data-duplicate={String(d.submission.id)} safe>
                {`${describe(ctx, d.submission)} (${t.openSignonDuplicateWhy(d.why)}; ${t.openSignonStatusName(d.submission.status)})`}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <p class="open-signon-registry" safe>
        {item.registry ? `${t.openSignonRegistryMatch}: ${item.registry.name}` : t.openSignonNoRegistryMatch}
      </p>
      <form method="post" action={action('approve')} class="form open-signon-approve">
        <HiddenFields csrf={csrf} version={s.version} />
        {s.kind === 'organization' ? (
          <div class="field">
            <label for={id('organization')} safe>
              {t.openSignonLinkTo}
            </label>
            <select id={id('organization')} name="organization">
              <option value="" safe>
                {t.openSignonLinkNone}
              </option>
              {item.registry ? (
                <option value={item.registry.slug} selected safe>
                  {item.registry.name}
                </option>
              ) : (
                ''
              )}
            </select>
          </div>
        ) : (
          ''
        )}
        {s.kind === 'organization' && mayAddToRegistry && !item.registry ? (
          <div class="field field-checkbox">
            <input type="checkbox" id={id('addToRegistry')} name="addToRegistry" value="1" />
            <label for={id('addToRegistry')} safe>
              {t.openSignonAddToRegistry}
            </label>
          </div>
        ) : (
          ''
        )}
        {s.kind === 'organization' ? (
          <div class="field field-checkbox">
            <input type="checkbox" id={id('addToSignatories')} name="addToSignatories" value="1" checked />
            <label for={id('addToSignatories')} safe>
              {t.openSignonAddToSignatories}
            </label>
          </div>
        ) : (
          <p class="hint open-signon-individual-note" safe>
            {t.openSignonIndividualNotInRelease}
          </p>
        )}
        <button type="submit" aria-label={`${t.openSignonApprove}: ${s.name}`} safe>
          {t.openSignonApprove}
        </button>
      </form>
      {item.duplicates.length > 0 ? (
        <form method="post" action={action('merge')} class="form open-signon-merge">
          <HiddenFields csrf={csrf} version={s.version} />
          <div class="field">
            <label for={id('mergeInto')} safe>
              {t.openSignonMergeInto}
            </label>
            <select id={id('mergeInto')} name="mergeInto">
              {item.duplicates.map((d) => (
                <option value={String(d.submission.id)} safe>
                  {d.submission.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button-secondary" aria-label={`${t.openSignonMerge}: ${s.name}`} safe>
            {t.openSignonMerge}
          </button>
        </form>
      ) : (
        ''
      )}
      <ButtonForm
        action={action('reject')}
        csrf={csrf}
        version={s.version}
        label={t.openSignonReject}
        buttonClass="button-secondary"
        ariaLabel={`${t.openSignonReject}: ${s.name}`}
      />
      <ButtonForm
        action={action('spam')}
        csrf={csrf}
        version={s.version}
        label={t.openSignonSpam}
        buttonClass="button-secondary"
        ariaLabel={`${t.openSignonSpam}: ${s.name}`}
      />
    </li>
  );
}
