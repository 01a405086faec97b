/**
 * Every page lives under its language ("/en/…", "/es/…"). An address that leaves the language out
 * ("/", "/workspace", "/statements/x?ref=mail") is sent to the same page in the reader's language,
 * negotiated from Accept-Language, so links typed by hand or shared without a language still work.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE } from '../i18n/locales.js';
import { negotiateLocale, splitLocalePath } from '../i18n/negotiate-locale.js';

/** 302 to `/{locale}{path}{query}`: the answer depends on Accept-Language, so caches must know it. */
export function redirectToLocale(request: FastifyRequest, reply: FastifyReply, pathAndQuery: string) {
  const locale = negotiateLocale(request.headers['accept-language']);
  return reply.header('vary', 'Accept-Language').redirect(`/${locale}${pathAndQuery}`, 302);
}

/**
 * For the not-found handler: the redirect when a GET or HEAD's path has no language prefix and is a
 * registered route under one (checked under the default language; every language has the same
 * routes), else null and the 404 page stays. Routes outside the languages (files, assets, health)
 * are matched before this runs, and a path under no route in any language is not sent on to another 404.
 */
export function redirectUnlocalized(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const [path = '/', query] = splitOnce(request.url, '?');
  if (!path.startsWith('/') || path.startsWith('//') || splitLocalePath(path)) return null;
  if (!app.findRoute({ method: request.method, url: `/${DEFAULT_LOCALE}${path}` })) return null;
  return redirectToLocale(request, reply, query === undefined ? path : `${path}?${query}`);
}

function splitOnce(s: string, separator: string): [string, string | undefined] {
  const at = s.indexOf(separator);
  return at < 0 ? [s, undefined] : [s.slice(0, at), s.slice(at + 1)];
}
