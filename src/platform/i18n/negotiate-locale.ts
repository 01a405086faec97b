import type { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales.js';

/** The best of our languages for an Accept-Language header ("es-GT,es;q=0.9" → es). */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const negotiator = new Negotiator({ headers: { 'accept-language': acceptLanguage } });
  const preferred = negotiator.language([...LOCALES]);
  return isLocale(preferred) ? preferred : DEFAULT_LOCALE;
}

/** "/es/organizations/x" → { locale: "es", rest: "/organizations/x" }; null if no locale prefix. */
export function splitLocalePath(path: string): { locale: Locale; rest: string } | null {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(path);
  if (!match || !isLocale(match[1])) return null;
  return { locale: match[1], rest: match[2] && match[2] !== '' ? match[2] : '/' };
}

/** The language to answer a request in: the URL's prefix, else the reader's Accept-Language. */
export function requestLocale(request: FastifyRequest): Locale {
  return (
    splitLocalePath(request.url.split('?')[0] ?? '/')?.locale ?? negotiateLocale(request.headers['accept-language'])
  );
}
