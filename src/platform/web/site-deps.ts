import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { messages } from '../i18n/format.js';
import type { Locale } from '../i18n/locales.js';
import { splitLocalePath } from '../i18n/negotiate-locale.js';
import type { PageContext, WorkspaceNavEntry } from './page-context.js';
import { viewerOf } from './viewer.js';

/** The query flag the redirect after a successful save carries (`savedUrl`), read back by `pageContext`. */
export const SAVED_FLAG = 'saved';

/**
 * Where to go after a successful save, flagged so the page says "Saved." once (`ctx.saved`): a query
 * flag rather than a cookie, so it needs no script and no state; the fragment stays last.
 */
export function savedUrl(url: string): string {
  const hash = url.indexOf('#');
  const [path, fragment] = hash >= 0 ? [url.slice(0, hash), url.slice(hash)] : [url, ''];
  const [pathname = '', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set(SAVED_FLAG, '1');
  return `${pathname}?${params.toString()}${fragment}`;
}

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
  const [path = '/', query = ''] = request.url.split('#')[0]!.split('?');
  return {
    locale,
    t: messages(locale),
    pathWithinLocale: splitLocalePath(path)?.rest ?? '/',
    stylesheetHref: deps.stylesheetHref,
    baseUrl: deps.baseUrl,
    viewer: viewerOf(request),
    workspaceNav: deps.workspaceNav ?? [],
    saved: request.method === 'GET' && new URLSearchParams(query).get(SAVED_FLAG) === '1',
  };
}

export function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
