import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { messages } from '../i18n/format.js';
import type { Locale } from '../i18n/locales.js';
import { splitLocalePath } from '../i18n/negotiate-locale.js';
import type { PageContext, WorkspaceNavEntry } from './page-context.js';
import { viewerOf } from './viewer.js';

/** What feature routes receive from buildApp: wired by hand, no container. */
export interface SiteDeps {
  db: Db;
  /** Injected so tests can move time (embargoes, reminders). */
  now: () => Date;
  stylesheetHref: string;
  /** The site's public address (PUENTE_BASE_URL), for links that leave the site: downloads, printouts. */
  baseUrl: string;
  /** The workspace menu, gathered from the features' manifests. */
  workspaceNav?: readonly WorkspaceNavEntry[];
}

export function pageContext(deps: SiteDeps, request: FastifyRequest, locale: Locale): PageContext {
  const path = request.url.split('?')[0] ?? '/';
  return {
    locale,
    t: messages(locale),
    pathWithinLocale: splitLocalePath(path)?.rest ?? '/',
    stylesheetHref: deps.stylesheetHref,
    viewer: viewerOf(request),
    workspaceNav: deps.workspaceNav ?? [],
  };
}

export function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
