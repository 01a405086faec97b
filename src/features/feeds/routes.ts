/**
 * The Atom feeds, one set per language: press releases, statements, follow-up updates (all, and per
 * statement). Public channels: served through the render cache (manifest's `publicChannels`), so an
 * embargo lifting shows in the feed at its instant, and listed in the visibility matrix.
 */
import { Type } from '@fastify/type-provider-typebox';
import { inArray } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import * as t from '../../platform/db/schema/index.js';
import { messages } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { type LocalizedText, resolveText } from '../../platform/text/localized-text.js';
import { renderMarkdown } from '../../platform/text/markdown.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { absoluteUrl, localePath, publicPaths, publicUrl } from '../../platform/web/public-urls.js';
import type { SiteDeps } from '../../platform/web/site-deps.js';
import { listPublicReleases } from '../releases/index.js';
import { type AtomEntry, type AtomFeed, escapeText, writeAtom } from './atom.js';
import {
  FEED_ENTRIES,
  type FollowupFeedEntry,
  latestOf,
  latestPublicFollowup,
  latestPublicStatements,
  publicSince,
  publicStatementBySlug,
} from './service.js';

const Slug = Type.String({ minLength: 1, maxLength: 200 });
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

const text = (value: LocalizedText | null | undefined, locale: Locale) => resolveText(value, locale)?.text ?? '';
/** Rich text in the reader's language as safe HTML, or nothing when it is empty. */
const html = (value: LocalizedText | null | undefined, locale: Locale) => {
  const source = text(value, locale).trim();
  return source ? renderMarkdown(source) : undefined;
};

function sendAtom(reply: FastifyReply, spec: Omit<AtomFeed, 'updated' | 'author'>, author: string): FastifyReply {
  const updated = latestOf(spec.entries.map((e) => e.updated));
  return reply.type(ATOM_TYPE).send(writeAtom({ ...spec, author, updated }));
}

export function registerFeedRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  localizedRoutes(app, (scope, locale) => {
    const t$ = messages(locale);
    const url = (path: string) => publicUrl(deps.baseUrl, locale, path);
    const feedTitle = (title: string) => `${title} · ${t$.siteName}`;

    scope.get(publicPaths.releasesFeed(), async (_request, reply) => {
      const now = deps.now();
      const { items } = await listPublicReleases(deps.db, now, { size: FEED_ENTRIES });
      // A release is public once its statement is, too: its statement's embargo may be the later lift.
      const statementIds = items.flatMap((r) => (r.statementId === null ? [] : [r.statementId]));
      const embargoes = new Map(
        statementIds.length === 0
          ? []
          : (
              await deps.db
                .select({ id: t.statements.id, embargo: t.statements.embargoUntil })
                .from(t.statements)
                .where(inArray(t.statements.id, statementIds))
            ).map((s) => [s.id, s.embargo]),
      );
      const entries: AtomEntry[] = items.map((r) => {
        const statementEmbargo = r.statementId === null ? null : (embargoes.get(r.statementId) ?? null);
        const lift = latestOf([r.embargoedUntil, statementEmbargo].flatMap((d) => (d ? [new Date(d)] : [])));
        const subheadline = text(r.subheadline, locale);
        return {
          title: text(r.headline, locale) || r.slug,
          link: url(publicPaths.release(r.slug)),
          updated: publicSince(new Date(r.updatedAt), lift.getTime() > 0 ? lift : null),
          published: lift.getTime() > 0 ? lift : undefined,
          summaryHtml: subheadline ? `<p>${escapeText(subheadline)}</p>` : html(r.lead, locale),
        };
      });
      return sendAtom(
        reply,
        {
          locale,
          title: feedTitle(t$.feedReleasesTitle),
          subtitle: t$.feedReleasesSubtitle,
          self: url(publicPaths.releasesFeed()),
          page: url(publicPaths.newsroom()),
          entries,
        },
        t$.siteName,
      );
    });

    scope.get(publicPaths.statementsFeed(), async (_request, reply) => {
      const rows = await latestPublicStatements(deps.db, deps.now());
      const entries: AtomEntry[] = rows.map((s) => ({
        title: text(s.title, locale) || s.slug,
        link: url(publicPaths.statement(s.slug)),
        updated: publicSince(new Date(s.updatedAt), s.embargoUntil ? new Date(s.embargoUntil) : null),
        published: s.embargoUntil ? new Date(s.embargoUntil) : undefined,
        summaryHtml: html(s.summary, locale),
      }));
      return sendAtom(
        reply,
        {
          locale,
          title: feedTitle(t$.feedStatementsTitle),
          subtitle: t$.feedStatementsSubtitle,
          self: url(publicPaths.statementsFeed()),
          page: url(publicPaths.home()),
          entries,
        },
        t$.siteName,
      );
    });

    scope.get(publicPaths.followupFeed(), async (_request, reply) => {
      const entries = await latestPublicFollowup(deps.db, deps.now());
      return sendAtom(
        reply,
        {
          locale,
          title: feedTitle(t$.feedFollowupTitle),
          subtitle: t$.feedFollowupSubtitle,
          self: url(publicPaths.followupFeed()),
          page: url(publicPaths.followup()),
          entries: entries.map((e) => followupEntry(e, locale, deps.baseUrl)),
        },
        t$.siteName,
      );
    });

    scope.get(
      '/feeds/statements/:slug/follow-up.xml',
      { schema: { params: Type.Object({ slug: Slug }) } },
      async (request, reply) => {
        const now = deps.now();
        const statement = await publicStatementBySlug(deps.db, request.params.slug, now);
        const entries = await latestPublicFollowup(deps.db, now, { statementId: statement.id });
        return sendAtom(
          reply,
          {
            locale,
            title: feedTitle(t$.feedStatementFollowupTitle(text(statement.title, locale) || statement.slug)),
            subtitle: t$.feedFollowupSubtitle,
            self: url(publicPaths.statementFollowupFeed(statement.slug)),
            page: url(publicPaths.statement(statement.slug)),
            entries: entries.map((e) => followupEntry(e, locale, deps.baseUrl)),
          },
          t$.siteName,
        );
      },
    );
  });
}

/** One follow-up update as an entry: it links to its recommendation's timeline. */
function followupEntry(e: FollowupFeedEntry, locale: Locale, baseUrl: string): AtomEntry {
  const t$ = messages(locale);
  const recommendation = t$.feedRecommendation(e.recommendation.number);
  const statement = text(e.statement.title, locale) || e.statement.slug;
  const title =
    e.kind === 'status'
      ? t$.feedStatusEntryTitle(t$.followupStatusLabel(e.status), recommendation, statement)
      : t$.feedResponseEntryTitle(
          text(e.addressee, locale),
          t$.followupPositionLabel(e.position),
          recommendation,
          statement,
        );
  const page = absoluteUrl(
    baseUrl,
    localePath(locale, publicPaths.recommendationFollowup(e.statement.slug, e.recommendation.slug)),
  );
  const summary = text(e.summary, locale).trim();
  const quoted = text(e.recommendation.text, locale).trim();
  return {
    title,
    link: page,
    id: `${page}#${e.kind}-${e.id}`,
    updated: e.updated,
    summaryHtml: [
      summary ? `<p>${escapeText(summary)}</p>` : '',
      quoted ? `<blockquote><p>${escapeText(quoted)}</p></blockquote>` : '',
    ].join(''),
  };
}
