/**
 * Open sign-on's public pages: the statement with its form, "check your email", the confirmation
 * pages of the two links and what follows them, and the approved signatories (also a section of the
 * statement's public page). No script: every step is a plain form post.
 */
import type { FieldErrors } from '../../platform/forms/validation.js';
import { countryLabel, countryOptions } from '../../platform/i18n/countries.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField, ErrorSummary, FileField, SelectField, TextField } from '../../ui/form.js';
import { Layout, Section, TitledPage } from '../../ui/layout.js';
import { LocalizedMarkdown, LocalizedSpan, localizedPlain } from '../../ui/localized-view.js';
import { formatByteSize } from '../files/index.js';
import { formatInstant } from '../releases/index.js';
import { SignOnRecommendations } from '../signon/index.js';
import type { StatementPageDetail, StatementPagers } from '../statements/index.js';
import type { OpenSignatories } from './list-service.js';
import type { OpenSignOnSettings, StatementRow } from './settings-service.js';
import { FIELD_MAX } from './submit-service.js';

/** The form's honeypot: a field people never see or reach, which bots fill in. */
export const TRAP_FIELD = 'homepage';

export type Typed = Partial<Record<string, string>>;

export function signPath(locale: string, slug: string) {
  return `/${locale}/statements/${slug}/sign`;
}

export function OpenSignOnPage(props: {
  ctx: PageContext;
  csrf: string;
  statement: StatementRow;
  settings: OpenSignOnSettings;
  page: StatementPageDetail;
  pagers: StatementPagers;
  signatories: OpenSignatories;
  /** Whether this server sends email (SMTP_URL): without it no one could confirm, so there is no form. */
  sendsMail: boolean;
  typed?: Typed;
  errors?: FieldErrors;
  /** Largest logo accepted (PUENTE_LOGO_MAX_BYTES), said beside the file field. */
  logoLimitBytes: number;
}) {
  const { ctx, statement, settings, page, pagers, signatories } = props;
  const { t, locale } = ctx;
  const title = localizedPlain(statement.title, ctx);
  return (
    <Layout ctx={ctx} title={t.openSignonPageTitle(title)}>
      <h1>
        <LocalizedSpan value={statement.title} ctx={ctx} />
      </h1>
      <p class="lede" safe>
        {t.openSignonLead}
      </p>
      <p safe>
        {settings.deadline
          ? t.openSignonClosesAt(formatInstant(settings.deadline, settings.timeZone, locale))
          : t.openSignonNoDeadline}
      </p>
      <p>
        <a href="#form-heading" safe>
          {t.openSignonGoToForm}
        </a>
      </p>
      <Section id="text-heading" title={t.signonStatementHeading} class="signon-text">
        <p class="lede">
          <LocalizedSpan value={statement.summary} ctx={ctx} />
        </p>
        <LocalizedMarkdown value={statement.body} ctx={ctx} />
      </Section>
      <SignOnRecommendations ctx={ctx} page={page} pager={pagers.recommendations} />
      <OpenSignatoriesSection ctx={ctx} signatories={signatories} />
      {props.sendsMail ? (
        <SignatureForm {...props} />
      ) : (
        <Section id="form-heading" title={t.openSignonFormHeading} class="open-signon-form">
          <p class="notice" safe>
            {t.openSignonNoMailReason}
          </p>
        </Section>
      )}
    </Layout>
  );
}

function SignatureForm(props: {
  ctx: PageContext;
  csrf: string;
  statement: StatementRow;
  settings: OpenSignOnSettings;
  typed?: Typed;
  errors?: FieldErrors;
  logoLimitBytes: number;
}) {
  const { ctx, csrf, statement, settings } = props;
  const { t, locale } = ctx;
  const typed = props.typed ?? {};
  const errors = props.errors ?? {};
  const asks = (field: string) => (settings.fields as string[]).includes(field);
  const labels: Record<string, string> = {
    kind: t.openSignonKind,
    name: settings.individualsAllowed ? t.openSignonNameEither : t.openSignonName,
    acronym: t.openSignonAcronym,
    country: t.openSignonCountry,
    website: t.openSignonWebsite,
    contactName: t.openSignonContactName,
    email: t.openSignonEmail,
    logo: t.openSignonLogo,
  };
  // With a logo the form is multipart, its file last: the server reads (and checks) every field and the
  // CSRF token before a byte of the file. A browser sends an empty file part when none is chosen.
  const asksLogo = asks('logo');
  const text = (name: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField ctx={ctx} name={name} label={labels[name] ?? name} value={typed[name]} error={errors[name]} {...extra} />
  );
  return (
    <Section id="form-heading" title={t.openSignonFormHeading} class="open-signon-form">
      <p safe>{t.openSignonFormHelp}</p>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form
        method="post"
        action={signPath(locale, statement.slug)}
        class="form"
        novalidate
        enctype={asksLogo ? 'multipart/form-data' : undefined}
      >
        <CsrfField token={csrf} />
        {settings.individualsAllowed ? (
          <fieldset class="field">
            <legend safe>{t.openSignonKind}</legend>
            {(
              [
                ['organization', t.openSignonKindOrganization],
                ['individual', t.openSignonKindIndividual],
              ] as const
            ).map(([value, label]) => (
              <div class="field-checkbox">
                <input
                  type="radio"
                  id={`f-kind-${value}`}
                  name="kind"
                  value={value}
                  checked={(typed.kind ?? 'organization') === value}
                />
                <label for={`f-kind-${value}`} safe>
                  {label}
                </label>
              </div>
            ))}
          </fieldset>
        ) : (
          <input type="hidden" name="kind" value="organization" />
        )}
        {text('name', { required: true, maxlength: FIELD_MAX.name, autocomplete: 'organization' })}
        {asks('acronym') ? text('acronym', { maxlength: FIELD_MAX.acronym }) : ''}
        {asks('country') ? (
          <SelectField
            ctx={ctx}
            name="country"
            label={t.openSignonCountry}
            value={typed.country}
            error={errors.country}
            options={countryOptions(locale)}
            emptyLabel={t.openSignonChooseCountry}
          />
        ) : (
          ''
        )}
        {asks('website')
          ? text('website', { type: 'url', hint: t.openSignonWebsiteHint, maxlength: FIELD_MAX.website })
          : ''}
        {asks('contactName') ? text('contactName', { maxlength: FIELD_MAX.contactName, autocomplete: 'name' }) : ''}
        {text('email', {
          type: 'email',
          required: true,
          hint: t.openSignonEmailHint,
          maxlength: FIELD_MAX.email,
          autocomplete: 'email',
        })}
        <div class="trap" aria-hidden="true">
          <label for="f-trap" safe>
            {t.openSignonTrapLabel}
          </label>
          <input id="f-trap" type="text" name={TRAP_FIELD} value="" tabindex="-1" autocomplete="off" />
        </div>
        {asksLogo ? (
          <FileField
            id="f-logo"
            name="logo"
            label={t.openSignonLogo}
            hint={t.openSignonLogoHint(formatByteSize(props.logoLimitBytes, locale))}
            accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg"
            error={errors.logo}
          />
        ) : (
          ''
        )}
        <button type="submit" safe>
          {t.openSignonSubmit}
        </button>
      </form>
    </Section>
  );
}

/**
 * The approved signatories: how many, by country, and the first names (a bounded page), organizations
 * first and individuals apart (list-service.ts says why).
 */
export function OpenSignatoriesSection(props: { ctx: PageContext; signatories: OpenSignatories }) {
  const { ctx, signatories } = props;
  const { t, locale } = ctx;
  const { total, organizations, individuals, byCountry, names, individualNames } = signatories;
  const nameList = (list: typeof names, count: number) => (
    <>
      <ul class="open-signatories-names">
        {list.map((n) => (
          <li data-signature={String(n.id)}>
            <span safe>{n.acronym ? `${n.name} (${n.acronym})` : n.name}</span>
            {n.country ? <span class="muted" safe>{` · ${countryLabel(n.country, locale)}`}</span> : ''}
          </li>
        ))}
      </ul>
      {count > list.length ? (
        <p class="muted" safe>
          {t.openSignonMoreNames(count - list.length)}
        </p>
      ) : (
        ''
      )}
    </>
  );
  return (
    <Section id="open-signatories-heading" title={t.openSignonSignatoriesHeading} class="open-signatories">
      {total === 0 ? (
        <p class="muted" safe>
          {t.openSignonNoSignatories}
        </p>
      ) : (
        <>
          <p class="open-signatories-count" safe>
            {individuals === 0
              ? t.openSignonSignatoriesCount(total)
              : t.openSignonSignatoriesByKind(organizations, individuals)}
          </p>
          {organizations > 0 ? nameList(names, organizations) : ''}
          {individuals > 0 ? (
            <div class="open-signatories-individuals">
              <h3 safe>{t.openSignonIndividualsHeading}</h3>
              {nameList(individualNames, individuals)}
            </div>
          ) : (
            ''
          )}
          <h3 safe>{t.openSignonByCountry}</h3>
          <ul class="open-signatories-countries">
            {byCountry.map((c) => (
              <li data-country={c.country ?? ''} safe>
                {`${c.country ? countryLabel(c.country, locale) : t.openSignonCountryUnknown}: ${c.count}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/** A page that says one thing and leads back to the statement. */
export function MessagePage(props: { ctx: PageContext; title: string; message: string; statementSlug: string }) {
  const { ctx } = props;
  return (
    <TitledPage ctx={ctx} title={props.title} noindex>
      <p class="notice" role="status" safe>
        {props.message}
      </p>
      <p>
        <a href={`/${ctx.locale}/statements/${props.statementSlug}`} safe>
          {ctx.t.openSignonBackToStatement}
        </a>
      </p>
    </TitledPage>
  );
}

/** What a link opens: the one button that acts (so a mail scanner that follows links changes nothing). */
export function LinkConfirmPage(props: {
  ctx: PageContext;
  csrf: string;
  title: string;
  lead: string;
  action: string;
  button: string;
}) {
  return (
    <TitledPage ctx={props.ctx} title={props.title} noindex>
      <p safe>{props.lead}</p>
      <form method="post" action={props.action}>
        <CsrfField token={props.csrf} />
        <button type="submit" safe>
          {props.button}
        </button>
      </form>
    </TitledPage>
  );
}
