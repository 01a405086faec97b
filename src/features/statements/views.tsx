import { formatDate } from '../../platform/i18n/format.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { Layout, ListingPage, Section } from '../../ui/layout.js';
import {
  LocalizedMarkdown,
  LocalizedName,
  LocalizedSpan,
  localizedNamePlain,
  localizedPlain,
} from '../../ui/localized-view.js';
import type { FileRef } from '../files/index.js';
import { FullDocumentLink } from '../files/index.js';
import {
  type AddresseeRow,
  groupByTheme,
  type RecommendationDetail,
  type StatementDetail,
  type StatementListItem,
} from './service.js';

export function HomePage({ ctx, items }: { ctx: PageContext; items: StatementListItem[] }): JSX.Element {
  const { t } = ctx;
  return (
    <ListingPage ctx={ctx} title={t.homeTitle} intro={t.homeIntro} empty={t.homeEmpty} isEmpty={items.length === 0}>
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
  sections = [],
  document = null,
}: {
  ctx: PageContext;
  detail: StatementDetail;
  /** What other features add at the end (the statement's press releases). */
  sections?: (JSX.Element | null)[];
  /** An uploaded full document; it takes the place of `full_document_url`. */
  document?: FileRef | null;
}): JSX.Element {
  const { t, locale } = ctx;
  const { statement } = detail;
  const groups = groupByTheme(detail);
  // Rendered by the features that contribute them (JSX, escaped there), so inserted as is.
  const safeSections = sections;
  return (
    <Layout ctx={ctx} title={localizedPlain(statement.title, ctx)} description={localizedPlain(statement.summary, ctx)}>
      <article class="statement">
        <header>
          <h1>
            <LocalizedSpan value={statement.title} ctx={ctx} />
          </h1>
          <dl class="facts">
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
          <LocalizedMarkdown value={statement.body} ctx={ctx} />
          <p>
            {document ? (
              <FullDocumentLink ctx={ctx} file={document} />
            ) : statement.fullDocumentUrl ? (
              <a href={statement.fullDocumentUrl} safe>
                {t.statementFullDocument}
              </a>
            ) : (
              <span class="muted" safe>
                {t.statementNoFullDocument}
              </span>
            )}
          </p>
        </Section>

        <Section id="recommendations-heading" title={t.statementRecommendationsByTheme}>
          {groups.map((group, index) => (
            <section class="theme-group" aria-labelledby={`theme-${index}`}>
              <h3 id={`theme-${index}`}>
                {group.theme ? (
                  <LocalizedSpan value={group.theme.label} ctx={ctx} />
                ) : (
                  <span safe>{t.statementWithoutTheme}</span>
                )}
              </h3>
              <ul class="recommendations">
                {group.recommendations.map((r) => (
                  <RecommendationItem ctx={ctx} detail={detail} recommendation={r} />
                ))}
              </ul>
            </section>
          ))}
        </Section>

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
            {detail.signatories.map(({ organization, role }) => (
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
        </Section>
        {safeSections}
      </article>
    </Layout>
  );
}

/** A quote and who said it: their role if we know it, else their organization. */
function QuoteFigure({ ctx, quote }: { ctx: PageContext; quote: StatementDetail['quotes'][number] }) {
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

/** One recommendation of a statement, in the statement's list or on its own page. */
type RecommendationProps = { ctx: PageContext; detail: StatementDetail; recommendation: RecommendationDetail };

function RecommendationItem({ ctx, detail, recommendation }: RecommendationProps): JSX.Element {
  const href = `/${ctx.locale}/statements/${detail.statement.slug}/recommendations/${recommendation.slug}`;
  return (
    <li class="recommendation">
      <a class="rec-number" href={href} safe>
        {ctx.t.recommendationTitle(recommendation.number)}
      </a>
      <p>
        <LocalizedSpan value={recommendation.text} ctx={ctx} />
      </p>
    </li>
  );
}

export function RecommendationPage({ ctx, detail, recommendation }: RecommendationProps): JSX.Element {
  const { t, locale } = ctx;
  const statementHref = `/${locale}/statements/${detail.statement.slug}`;
  const themes = detail.themes.filter((th) => recommendation.themeIds.includes(th.id));
  const addressees = recommendation.addresseeIds
    .map((id) => detail.addresseesById.get(id))
    .filter((a): a is AddresseeRow => a !== undefined);
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
          <dt safe>{t.statementDate}</dt>
          <dd>
            <time datetime={detail.statement.date} safe>
              {formatDate(detail.statement.date, locale)}
            </time>
          </dd>
        </dl>
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

/** Names in the reader's language, one a list item: a recommendation's themes (as tags) or addressees. */
function LocalizedList(props: { ctx: PageContext; class: string; values: LocalizedText[] }): JSX.Element {
  return (
    <ul class={props.class}>
      {props.values.map((value) => (
        <li>
          <LocalizedSpan value={value} ctx={props.ctx} />
        </li>
      ))}
    </ul>
  );
}
