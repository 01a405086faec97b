import { countryName, formatDate } from '../../platform/i18n/format.js';
import { resolveText } from '../../platform/text/localized-text.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { Layout, ListingPage, Section } from '../../ui/layout.js';
import {
  LocalizedList,
  LocalizedMarkdown,
  LocalizedName,
  LocalizedSpan,
  localizedNamePlain,
  localizedPlain,
} from '../../ui/localized-view.js';
import { siteFeeds } from '../../ui/page-meta.js';
import { Pager, PagerHead, type PagerLinks } from '../../ui/pager.js';
import type { FileRef } from '../files/index.js';
import { FullDocumentLink } from '../files/index.js';
import { similarity } from '../lint/index.js';
import type { StatementPagers } from './page-links.js';
import type { RecommendationInStatement, StatementPageDetail } from './page-service.js';
import type { StatementListItem } from './service.js';

export function HomePage({
  ctx,
  items,
  pager,
  followsReviews = false,
}: {
  ctx: PageContext;
  items: StatementListItem[];
  pager?: PagerLinks;
  /** Public UPR reviews exist: the home links to their recommendations on the follow-up dashboards. */
  followsReviews?: boolean;
}): JSX.Element {
  const { t } = ctx;
  return (
    <ListingPage
      related={
        followsReviews ? { href: `/${ctx.locale}/follow-up?source=upr`, label: t.homeReviewsFollowed } : undefined
      }
      ctx={ctx}
      title={t.homeTitle}
      intro={t.homeIntro}
      empty={t.homeEmpty}
      isEmpty={items.length === 0}
      pager={pager}
      feeds={[siteFeeds.statements(ctx), siteFeeds.releases(ctx)]}
    >
      <ul class="cards">
        {items.map(({ statement, recommendationCount, signatoryCount }) => (
          <li class="card">
            <h2>
              <a href={`/${ctx.locale}/statements/${statement.slug}`}>
                <LocalizedSpan value={statement.title} ctx={ctx} />
              </a>
            </h2>
            <p class="meta">
              <time datetime={statement.date} safe>
                {formatDate(statement.date, ctx.locale)}
              </time>
              {' · '}
              <span safe>{t.recommendationCount(recommendationCount)}</span>
              {' · '}
              <span safe>{t.signatoryCount(signatoryCount)}</span>
            </p>
            <p>
              <LocalizedSpan value={statement.summary} ctx={ctx} />
            </p>
          </li>
        ))}
      </ul>
    </ListingPage>
  );
}

export function StatementPage({
  ctx,
  detail,
  pagers,
  sections = [],
  document = null,
  theme = null,
}: {
  ctx: PageContext;
  detail: StatementPageDetail;
  pagers: StatementPagers;
  /** What other features add at the end (the statement's press releases). */
  sections?: (JSX.Element | null)[];
  /** An uploaded full document; it takes the place of `full_document_url`. */
  document?: FileRef | null;
  /** `?theme=`: the slug of the one theme whose recommendations are listed, or null for all. */
  theme?: string | null;
}): JSX.Element {
  const { t, locale } = ctx;
  const { statement } = detail;
  // Rendered by the features that contribute them (JSX, escaped there), so inserted as is.
  const safeSections = sections;
  return (
    <Layout
      ctx={ctx}
      title={localizedPlain(statement.title, ctx)}
      description={localizedPlain(statement.summary, ctx)}
      head={<PagerHead links={pagers.recommendations} />}
      social={{ type: 'article', modifiedTime: new Date(statement.updatedAt).toISOString() }}
      feeds={[siteFeeds.statementFollowup(ctx, statement.slug, localizedPlain(statement.title, ctx))]}
    >
      <article class="statement">
        <header>
          <h1>
            <LocalizedSpan value={statement.title} ctx={ctx} />
          </h1>
          <dl class="facts">
            {statement.kind !== 'coalition' ? (
              <>
                <dt safe>{t.statementKind}</dt>
                <dd safe>{t.statementKindLabel(statement.kind, statement.cycle, statement.session)}</dd>
              </>
            ) : (
              ''
            )}
            <dt safe>{t.statementDate}</dt>
            <dd>
              <time datetime={statement.date} safe>
                {formatDate(statement.date, locale)}
              </time>
            </dd>
            <dt safe>{t.statementOccasion}</dt>
            <dd>
              <LocalizedSpan value={statement.occasion} ctx={ctx} />
            </dd>
            {detail.addressees.length > 0 ? (
              <>
                <dt safe>{t.statementAddressedTo}</dt>
                <dd>
                  <LocalizedList ctx={ctx} class="plain" values={detail.addressees.map((a) => a.name)} />
                </dd>
              </>
            ) : (
              ''
            )}
          </dl>
        </header>

        <Section id="summary-heading" title={t.statementSummary}>
          <p class="lede">
            <LocalizedSpan value={statement.summary} ctx={ctx} />
          </p>
          <BodyBesideSummary ctx={ctx} statement={statement} />
          {document ? (
            <p class="full-document">
              <FullDocumentLink ctx={ctx} file={document} />
            </p>
          ) : statement.fullDocumentUrl ? (
            <p class="full-document">
              <a href={statement.fullDocumentUrl} safe>
                {t.statementFullDocument}
              </a>
            </p>
          ) : (
            ''
          )}
        </Section>

        <RecommendationList ctx={ctx} detail={detail} theme={theme} pager={pagers.recommendations} />

        {detail.quotes.length > 0 ? (
          <Section id="quotes-heading" title={t.statementQuotes}>
            {detail.quotes.map((quote) => (
              <QuoteFigure ctx={ctx} quote={quote} />
            ))}
          </Section>
        ) : (
          ''
        )}

        <Section id="signatories-heading" title={t.statementSignatories}>
          <ol class="signatories">
            {detail.signatories.items.map(({ organization, role }) => (
              <li>
                <a href={`/${locale}/organizations/${organization.slug}`}>
                  <LocalizedName value={organization.localizedName} own={organization.name} ctx={ctx} />
                </a>
                {organization.acronym &&
                !localizedNamePlain(organization.localizedName, organization.name, ctx).includes(
                  organization.acronym,
                ) ? (
                  <span safe>{` (${organization.acronym})`}</span>
                ) : (
                  ''
                )}
                {role === 'convener' ? (
                  <span class="badge" safe>
                    {t.roleConvener}
                  </span>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ol>
          <Pager ctx={ctx} links={pagers.signatories} />
        </Section>
        {safeSections}
      </article>
    </Layout>
  );
}

/** A body paragraph this close to the summary (trigram similarity, as the linter measures names) restates it. */
const RESTATES_SUMMARY = 0.6;

/**
 * The statement's text under its summary, without the paragraphs that only restate the summary, so the
 * page says it once. Read in one language: the reader's, or the fallback the body resolves to (noted).
 */
function BodyBesideSummary({ ctx, statement }: { ctx: PageContext; statement: StatementPageDetail['statement'] }) {
  const body = resolveText(statement.body, ctx.locale);
  if (!body) return '';
  const summary = statement.summary[body.locale]?.text.trim() ?? '';
  const kept = body.text
    .split(/\n\s*\n/)
    .filter((paragraph) => summary === '' || similarity(summary, paragraph) < RESTATES_SUMMARY)
    .join('\n\n');
  if (kept.trim() === '') return '';
  return <LocalizedMarkdown value={{ [body.locale]: { text: kept, origin: 'original' } }} ctx={ctx} />;
}

/**
 * The statement's recommendations, each once, in order and numbered as everywhere, with their themes
 * as tags and links to their page and public follow-up. The themes above the list filter it by link
 * (`?theme=`), so it works without JavaScript; the active one is marked and can be cleared.
 */
function RecommendationList({
  ctx,
  detail,
  theme,
  pager,
}: {
  ctx: PageContext;
  detail: StatementPageDetail;
  theme: string | null;
  pager: PagerLinks;
}) {
  const { t, locale } = ctx;
  const statementHref = `/${locale}/statements/${detail.statement.slug}`;
  const active = detail.activeTheme;
  const shown = detail.recommendations.items;
  const listHref = (slug: string | null) =>
    `${statementHref}${slug ? `?theme=${encodeURIComponent(slug)}` : ''}#recommendations-heading`;
  return (
    <Section id="recommendations-heading" title={t.statementRecommendations}>
      {detail.themes.length > 0 ? (
        <nav class="theme-filter" aria-labelledby="theme-filter-label">
          <p id="theme-filter-label" safe>
            {t.statementThemeFilter}
          </p>
          <ul class="tags">
            {detail.themes.map((th) => (
              <li>
                <a href={listHref(th.slug)} aria-current={active?.id === th.id ? 'page' : undefined}>
                  <LocalizedSpan value={th.label} ctx={ctx} />
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        ''
      )}
      {theme ? (
        <p class="filter-state" role="status">
          <span safe>
            {active
              ? t.statementThemeShowing(
                  localizedPlain(active.label, ctx),
                  detail.recommendationShown,
                  detail.recommendationTotal,
                )
              : t.statementThemeUnknown}
          </span>{' '}
          <a href={listHref(null)} safe>
            {t.statementThemeClear}
          </a>
        </p>
      ) : (
        ''
      )}
      <ol class="recommendations">
        {shown.map((r) => {
          const href = `${statementHref}/recommendations/${r.slug}`;
          const themes = detail.themes.filter((th) => r.themeIds.includes(th.id));
          return (
            <li class="recommendation" id={`recommendation-${r.number}`}>
              <h3>
                <a class="rec-number" href={href} safe>
                  {t.recommendationTitle(r.number)}
                </a>
              </h3>
              <p class="rec-text">
                <LocalizedSpan value={r.text} ctx={ctx} />
              </p>
              {themes.length > 0 ? (
                <LocalizedList
                  ctx={ctx}
                  class="tags"
                  label={t.recommendationThemes}
                  values={themes.map((th) => th.label)}
                />
              ) : (
                ''
              )}
              <p>
                <a class="followup-link" href={`${href}/follow-up`} safe>
                  {t.recommendationFollowupLink(r.number)}
                </a>
              </p>
            </li>
          );
        })}
      </ol>
      <Pager ctx={ctx} links={pager} />
    </Section>
  );
}

/** A quote and who said it: their role if we know it, else their organization. */
function QuoteFigure({ ctx, quote }: { ctx: PageContext; quote: StatementPageDetail['quotes'][number] }) {
  const { person, organization } = quote;
  return (
    <figure class="quote">
      <blockquote>
        <p>
          <LocalizedSpan value={quote.text} ctx={ctx} />
        </p>
      </blockquote>
      <figcaption>
        <span class="person" safe>
          {person.name}
        </span>
        {localizedPlain(person.role, ctx) ? (
          <>
            {', '}
            <LocalizedSpan value={person.role} ctx={ctx} />
          </>
        ) : organization ? (
          <>
            {', '}
            <a href={`/${ctx.locale}/organizations/${organization.slug}`}>
              <LocalizedName value={organization.localizedName} own={organization.name} ctx={ctx} />
            </a>
          </>
        ) : (
          ''
        )}
      </figcaption>
    </figure>
  );
}

/** One recommendation of a statement, on its own page. */
export function RecommendationPage({
  ctx,
  found,
}: {
  ctx: PageContext;
  found: RecommendationInStatement;
}): JSX.Element {
  const { t, locale } = ctx;
  const { recommendation, themes, addressees } = found;
  const detail = found;
  const statementHref = `/${locale}/statements/${detail.statement.slug}`;
  const title = t.recommendationTitle(recommendation.number);
  return (
    <Layout ctx={ctx} title={`${title} · ${localizedPlain(detail.statement.title, ctx)}`}>
      <article class="recommendation-page">
        <p class="breadcrumb">
          <span safe>{t.recommendationOf}</span>{' '}
          <a href={statementHref}>
            <LocalizedSpan value={detail.statement.title} ctx={ctx} fallbackNote={false} />
          </a>
        </p>
        <h1 safe>{title}</h1>
        <p class="lede">
          <LocalizedSpan value={recommendation.text} ctx={ctx} />
        </p>
        <dl class="facts">
          <dt safe>{t.recommendationThemes}</dt>
          <dd>
            <LocalizedList ctx={ctx} class="tags" values={themes.map((th) => th.label)} />
          </dd>
          <dt safe>{t.recommendationAddressees}</dt>
          <dd>
            <LocalizedList ctx={ctx} class="plain" values={addressees.map((a) => a.name)} />
          </dd>
          {found.recommenders.length > 0 ? (
            <>
              <dt safe>{t.recommendationRecommenders}</dt>
              <dd>
                <ul class="plain">
                  {found.recommenders.map((r) => (
                    <li safe>{r.country ? countryName(r.country, locale) : r.name}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : (
            ''
          )}
          {found.sdgs.length > 0 ? (
            <>
              <dt safe>{t.recommendationSdgs}</dt>
              <dd safe>{found.sdgs.join(', ')}</dd>
            </>
          ) : (
            ''
          )}
          {found.sourceReference ? (
            <>
              <dt safe>{t.recommendationSourceReference}</dt>
              <dd safe>{found.sourceReference}</dd>
            </>
          ) : (
            ''
          )}
          <dt safe>{t.statementDate}</dt>
          <dd>
            <time datetime={detail.statement.date} safe>
              {formatDate(detail.statement.date, locale)}
            </time>
          </dd>
        </dl>
        <LinkedRecommendations ctx={ctx} title={t.recommendationEchoes} list={found.echoes} />
        <LinkedRecommendations ctx={ctx} title={t.recommendationEchoedBy} list={found.echoedBy} />
        <p>
          <a href={`${statementHref}/recommendations/${recommendation.slug}/follow-up`} safe>
            {t.followupSeeTimeline}
          </a>
        </p>
        <p>
          <a href={statementHref} safe>
            {t.backToStatement}
          </a>
        </p>
      </article>
    </Layout>
  );
}

/** The recommendations a recommendation echoes, or that echo it (issue 17): each linked to its own page. */
export function LinkedRecommendations(props: {
  ctx: PageContext;
  title: string;
  list: RecommendationInStatement['echoes'];
}): JSX.Element {
  const { ctx } = props;
  if (props.list.length === 0) return <></>;
  return (
    <section>
      <h2 safe>{props.title}</h2>
      <ul>
        {props.list.map((r) => (
          <li>
            <a href={`/${ctx.locale}/statements/${r.statementSlug}/recommendations/${r.slug}`}>
              <LocalizedSpan value={r.text} ctx={ctx} fallbackNote={false} />
            </a>{' '}
            (<LocalizedSpan value={r.statementTitle} ctx={ctx} fallbackNote={false} />)
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Names in the reader's language, one a list item: a recommendation's themes (as tags) or addressees. */
