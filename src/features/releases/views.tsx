/** The release as a web page (from the render model), and the newsroom. */
import { escapeHtml } from '@kitajs/html';
import type { KeysetPage } from '../../platform/db/keyset.js';
import { formatDate } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { publicPaths, publicUrl } from '../../platform/web/public-urls.js';
import { Layout, ListingPage, Section } from '../../ui/layout.js';
import { LocalizedSpan } from '../../ui/localized-view.js';
import { siteFeeds } from '../../ui/page-meta.js';
import type { PagerLinks } from '../../ui/pager.js';
import type { FileRef } from '../files/index.js';
import { LogoStrip } from '../files/index.js';
import type { Finding } from '../lint/index.js';
import { FindingList } from '../lint/index.js';
import { fullDocumentSuffix, type ModelBlock, type RenderModel } from './render-model.js';
import { plainText, renderRichHtml } from './rich-text.js';
import type { ReleaseRow } from './service.js';

export const DOWNLOAD_FORMATS = ['pdf', 'docx', 'md', 'txt'] as const;

/** The release itself: the same markup on the page and in the CLI's standalone HTML. */
export function ReleaseArticle({ m }: { m: RenderModel }): JSX.Element {
  const { t } = m;
  // The dateline opens the lead's first paragraph, as in print (markdown-it's output is safe HTML).
  const dateline = `<strong class="dateline">${escapeHtml(`${m.dateline} — `)}</strong>`;
  const rendered = renderRichHtml(m.lead.markdown);
  const safeLeadHtml = rendered.startsWith('<p>')
    ? `<p>${dateline}${rendered.slice(3)}`
    : `<p>${dateline}</p>${rendered}`;
  return (
    <article class="release" lang={m.locale}>
      <header>
        <p class={m.embargoedUntil ? 'release-line embargoed' : 'release-line'} safe>
          {m.releaseLine}
        </p>
        <p class="release-date">
          <time datetime={m.date.iso} safe>
            {m.date.text}
          </time>
        </p>
        {m.contacts.length > 0 ? (
          <Section id="press-contacts" title={t.releasePressContacts} class="press-contacts">
            <ul class="plain">
              {m.contacts.map((c) => (
                <li>
                  <span class="person" safe>
                    {c.name}
                  </span>
                  {c.organization ? <span safe>{` (${c.organization})`}</span> : ''}
                  {c.phone ? (
                    <>
                      {' · '}
                      <a href={c.phoneUri ?? undefined} safe>
                        {c.phone}
                      </a>
                    </>
                  ) : (
                    ''
                  )}
                  {c.email ? (
                    <>
                      {' · '}
                      <a href={`mailto:${c.email}`} safe>
                        {c.email}
                      </a>
                    </>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
          </Section>
        ) : (
          ''
        )}
        <h1 safe>{m.headline}</h1>
        {m.subheadline ? (
          <p class="subheadline" safe>
            {m.subheadline}
          </p>
        ) : (
          ''
        )}
      </header>
      <div class="prose">
        {safeLeadHtml}
        {m.blocks.map((b) => (
          <Block block={b} />
        ))}
        {m.fullDocumentUrl ? (
          <p>
            <a href={m.fullDocumentUrl} safe>
              {t.releaseFullDocument}
            </a>
            {m.fullDocumentMeta ? (
              <span class="muted" safe>
                {fullDocumentSuffix(m)}
              </span>
            ) : (
              ''
            )}
          </p>
        ) : (
          ''
        )}
      </div>
      <p class="end-mark">{m.endMark}</p>
      {m.boilerplates.length > 0 ? (
        <section class="boilerplates" aria-labelledby="boilerplates">
          <h2 id="boilerplates" class="visually-hidden" safe>
            {t.releaseAboutOrganizations}
          </h2>
          {m.boilerplates.map((b) => (
            <p>
              <strong safe>{`${b.name}: `}</strong>
              <span safe>{b.text}</span>
              {b.website ? (
                <>
                  {' '}
                  <a href={b.website.url} safe>
                    {b.website.label}
                  </a>
                </>
              ) : (
                ''
              )}
            </p>
          ))}
        </section>
      ) : (
        ''
      )}
    </article>
  );
}

function Block({ block }: { block: ModelBlock }): JSX.Element {
  if (block.kind === 'text') {
    const safeHtml = renderRichHtml(block.text.markdown);
    return <>{safeHtml}</>;
  }
  if (block.kind === 'quote') {
    return (
      <figure class="quote">
        <blockquote>
          <p safe>{block.text}</p>
        </blockquote>
        <figcaption safe>{`— ${block.attribution}`}</figcaption>
      </figure>
    );
  }
  return (
    <>
      {block.intro ? <p safe>{block.intro}</p> : ''}
      <ul>
        {block.items.map((item) => (
          <li safe>{item}</li>
        ))}
      </ul>
    </>
  );
}

/** `gaps` and `findings`: only for signed-in editors (the route decides); the public never sees them. */
export function ReleasePage({
  ctx,
  m,
  gaps = [],
  findings = [],
  logos = [],
}: {
  ctx: PageContext;
  m: RenderModel;
  gaps?: string[];
  findings?: Finding[];
  /** Logos of the boilerplate organizations that have one (web page only, not the CLI's HTML). */
  logos?: { name: string; logo: FileRef }[];
}): JSX.Element {
  const { t, locale } = ctx;
  const base = `/${locale}/releases/${m.slug}`;
  const first = m.lead.blocks[0];
  const description = first?.type === 'paragraph' ? plainText(first.runs).slice(0, 300) : m.headline;
  const published = m.embargoedUntil ? m.embargoedUntil.toISOString() : m.date.iso;
  const url = publicUrl(ctx.baseUrl ?? '', locale, publicPaths.release(m.slug));
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: m.headline,
    ...(m.subheadline && { alternativeHeadline: m.subheadline }),
    datePublished: published,
    inLanguage: locale,
    description,
    ...(ctx.baseUrl && { url, mainEntityOfPage: url }),
    author: m.organizations.map((name) => ({ '@type': 'Organization', name })),
    publisher: { '@type': 'Organization', name: t.siteName },
  };
  const head = <link rel="alternate" type="application/pdf" href={`${base}/release.pdf`} />;
  const labels = {
    pdf: t.releaseDownloadPdf,
    docx: t.releaseDownloadDocx,
    md: t.releaseDownloadMd,
    txt: t.releaseDownloadTxt,
  };
  return (
    <Layout
      ctx={ctx}
      title={m.headline}
      description={description}
      head={head}
      social={{ type: 'article', publishedTime: published, jsonLd: [jsonLd] }}
      feeds={[siteFeeds.releases(ctx)]}
    >
      {gaps.length > 0 ? <GapList ctx={ctx} gaps={gaps} /> : ''}
      {findings.length > 0 ? <FindingList ctx={ctx} findings={findings} /> : ''}
      <ReleaseArticle m={m} />
      <LogoStrip ctx={ctx} items={logos} />
      <aside class="release-aside">
        {m.statement ? (
          <p class="statement-link">
            <span safe>{`${t.releaseOfStatement}: `}</span>
            <a href={`/${locale}/statements/${m.statement.slug}`} safe>
              {m.statement.title}
            </a>
          </p>
        ) : (
          ''
        )}
        <h2 safe>{t.releaseDownloads}</h2>
        <ul class="downloads">
          {DOWNLOAD_FORMATS.map((f) => (
            <li>
              <a href={`${base}/release.${f}`} download="" safe>
                {labels[f]}
              </a>
            </li>
          ))}
        </ul>
      </aside>
    </Layout>
  );
}

function GapList({ ctx, gaps }: { ctx: PageContext; gaps: string[] }): JSX.Element {
  return (
    <Section id="gaps-heading" title={ctx.t.releaseGapsTitle} class="release-gaps">
      <p class="muted" safe>
        {ctx.t.releaseGapsNote}
      </p>
      <ul>
        {gaps.map((gap) => (
          <li safe>{gap}</li>
        ))}
      </ul>
    </Section>
  );
}

export function NewsroomPage({
  ctx,
  releases,
  pager,
}: {
  ctx: PageContext;
  releases: ReleaseRow[];
  pager?: PagerLinks;
}): JSX.Element {
  const { t, locale } = ctx;
  return (
    <ListingPage
      ctx={ctx}
      title={t.newsroomTitle}
      intro={t.newsroomIntro}
      empty={t.newsroomEmpty}
      isEmpty={releases.length === 0}
      pager={pager}
      feeds={[siteFeeds.releases(ctx)]}
    >
      <ul class="cards newsroom">
        {releases.map((r) => (
          <li class="card">
            <h2>
              <a href={`/${locale}/releases/${r.slug}`}>
                <LocalizedSpan value={r.headline} ctx={ctx} />
              </a>
            </h2>
            <p class="meta">
              <time datetime={r.releaseDate} safe>
                {formatDate(r.releaseDate, locale)}
              </time>
            </p>
          </li>
        ))}
      </ul>
    </ListingPage>
  );
}

/** How many of a statement's releases its page lists (newest first); the newsroom has the rest. */
export const STATEMENT_RELEASES_SHOWN = 20;

/** The list of a statement's releases, for the statement page: its newest ones, then a link to the newsroom. */
export function StatementReleases({ ctx, page }: { ctx: PageContext; page: KeysetPage<ReleaseRow> }): JSX.Element {
  const releases = page.items;
  if (releases.length === 0) return '';
  return (
    <section aria-labelledby="releases-heading" class="statement-releases">
      <h2 id="releases-heading" safe>
        {ctx.t.statementReleases}
      </h2>
      <ul class="plain">
        {releases.map((r) => (
          <li>
            <a href={`/${ctx.locale}/releases/${r.slug}`}>
              <LocalizedSpan value={r.headline} ctx={ctx} />
            </a>{' '}
            <time class="muted" datetime={r.releaseDate} safe>
              {formatDate(r.releaseDate, ctx.locale)}
            </time>
          </li>
        ))}
      </ul>
      {page.next ? (
        <p>
          <a href={`/${ctx.locale}/releases`} safe>
            {ctx.t.statementReleasesMore}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}
