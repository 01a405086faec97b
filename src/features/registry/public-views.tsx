import type { Catalog } from '../../platform/i18n/catalog.js';
import { countryName, formatDate } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { absoluteUrl, publicPaths, publicUrl } from '../../platform/web/public-urls.js';
import { Layout, ListingPage, Section } from '../../ui/layout.js';
import { EmptyOr } from '../../ui/list.js';
import { LocalizedName, LocalizedSpan, localizedNamePlain, localizedPlain } from '../../ui/localized-view.js';
import { Pager, PagerHead, type PagerLinks } from '../../ui/pager.js';
import type { FileRef } from '../files/index.js';
import { fileUrl, OrganizationLogo } from '../files/index.js';
import type { OrganizationDetail, OrganizationRow } from './public-service.js';

export function OrganizationsPage({
  ctx,
  organizations,
  logos = new Map(),
  pager,
}: {
  ctx: PageContext;
  organizations: OrganizationRow[];
  logos?: Map<number, FileRef>;
  pager?: PagerLinks;
}) {
  const { t, locale } = ctx;
  return (
    <ListingPage
      ctx={ctx}
      title={t.organizationsTitle}
      intro={t.organizationsIntro}
      empty={t.organizationsEmpty}
      isEmpty={organizations.length === 0}
      pager={pager}
    >
      <ul class="directory">
        {organizations.map((o) => (
          <li>
            <OrganizationLogo
              ctx={ctx}
              logo={logos.get(o.id)}
              name={localizedNamePlain(o.localizedName, o.name, ctx)}
              small
            />
            <a href={`/${locale}/organizations/${o.slug}`}>
              <LocalizedName value={o.localizedName} own={o.name} ctx={ctx} />
            </a>
            {o.acronym ? <abbr safe>{` ${o.acronym}`}</abbr> : ''}
            <span class="muted" safe>
              {[kindLabel(o.kind, t), o.country ? countryName(o.country, locale) : null].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </ListingPage>
  );
}

export function OrganizationPage({
  ctx,
  detail,
  logo = null,
  pager = {},
}: {
  ctx: PageContext;
  detail: OrganizationDetail;
  logo?: FileRef | null;
  /** The links between pages of the statements it signed. */
  pager?: PagerLinks;
}) {
  const { t, locale } = ctx;
  const { organization: o, statementsSigned } = detail;
  const name = localizedNamePlain(o.localizedName, o.name, ctx);
  const otherNames = [o.name, ...o.aliases].filter((n) => n !== name);
  const about = localizedPlain(o.boilerplate, ctx);
  // Cards take PNG or JPEG images only; an SVG logo is still named in the structured data.
  const logoUrl = logo && ctx.baseUrl ? absoluteUrl(ctx.baseUrl, fileUrl(logo)) : undefined;
  const cardImage = logo && logo.mediaType !== 'image/svg+xml' ? logoUrl : undefined;
  const organizationLd = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name,
    ...(otherNames.length + (o.acronym ? 1 : 0) > 0 && {
      alternateName: [...(o.acronym ? [o.acronym] : []), ...otherNames],
    }),
    ...(o.website && { url: o.website, sameAs: [o.website] }),
    ...(logoUrl && { logo: logoUrl }),
    ...(about && { description: about }),
    ...(o.country && { address: { '@type': 'PostalAddress', addressCountry: o.country } }),
    ...(ctx.baseUrl && { mainEntityOfPage: publicUrl(ctx.baseUrl, locale, publicPaths.organization(o.slug)) }),
  };
  return (
    <Layout
      ctx={ctx}
      title={name}
      description={about ? about.slice(0, 300) : undefined}
      head={<PagerHead links={pager} />}
      social={{ image: cardImage, jsonLd: [organizationLd] }}
    >
      <article class="organization">
        <OrganizationLogo ctx={ctx} logo={logo} name={name} />
        <h1>
          <LocalizedName value={o.localizedName} own={o.name} ctx={ctx} />
          {o.acronym && !name.includes(o.acronym) ? <span safe>{` (${o.acronym})`}</span> : ''}
        </h1>
        {otherNames.length > 0 ? (
          <p class="muted">
            <span safe>{t.organizationAlsoKnownAs}</span>: <span safe>{otherNames.join('; ')}</span>
          </p>
        ) : (
          ''
        )}
        <dl class="facts">
          <dt safe>{t.organizationKind}</dt>
          <dd safe>{kindLabel(o.kind, t)}</dd>
          {o.country ? (
            <>
              <dt safe>{t.organizationCountry}</dt>
              <dd safe>{countryName(o.country, locale)}</dd>
            </>
          ) : (
            ''
          )}
          {o.website ? (
            <>
              <dt safe>{t.organizationWebsite}</dt>
              <dd>
                <a href={o.website} rel="noopener" safe>
                  {displayUrl(o.website)}
                </a>
              </dd>
            </>
          ) : (
            ''
          )}
        </dl>
        <Section id="about-heading" title={t.organizationAbout}>
          {localizedPlain(o.boilerplate, ctx) ? (
            <p>
              <LocalizedSpan value={o.boilerplate} ctx={ctx} />
            </p>
          ) : (
            <p class="muted" safe>
              {t.organizationNoBoilerplate}
            </p>
          )}
        </Section>
        <Section id="signed-heading" title={t.organizationStatementsSigned}>
          <EmptyOr empty={t.organizationNoStatements} isEmpty={statementsSigned.items.length === 0} emptyClass="muted">
            <ul class="plain">
              {statementsSigned.items.map(({ statement }) => (
                <li>
                  <a href={`/${locale}/statements/${statement.slug}`}>
                    <LocalizedSpan value={statement.title} ctx={ctx} />
                  </a>{' '}
                  <time class="muted" datetime={statement.date} safe>
                    {formatDate(statement.date, locale)}
                  </time>
                </li>
              ))}
            </ul>
          </EmptyOr>
          <Pager ctx={ctx} links={pager} />
        </Section>
      </article>
    </Layout>
  );
}

export function kindLabel(kind: OrganizationRow['kind'], t: Catalog): string {
  const labels: Record<OrganizationRow['kind'], string> = {
    ngo: t.kindNgo,
    network: t.kindNetwork,
    academic: t.kindAcademic,
    faith_based: t.kindFaithBased,
    agency: t.kindAgency,
    government: t.kindGovernment,
    other: t.kindOther,
  };
  return labels[kind];
}

/** "https://www.afsc.org/" → "www.afsc.org": what people read and type. */
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
