/**
 * A feature's pages in every language, registered once: `localizedRoutes(app, (scope, locale) => …)`
 * runs the feature's registrations once per locale, each time in its own encapsulated plugin under the
 * `/${locale}` prefix, so route paths inside are written without the language (`/statements/:slug`).
 * Handlers get the language from the plugin (the `locale` argument) or as `request.locale`.
 *
 * Plugins load when the app gets ready (`app.ready()`, `listen`, the first `inject`), so the routes
 * exist, and `registeredRoutes` lists them, from then on.
 *
 * The prefix and a route path of `/` make `/en` (Fastify drops the slash when ignoreTrailingSlash is
 * on); the home page registers `{ prefixTrailingSlash: 'slash' }` to stay `/en/` in the route table.
 */
import { LOCALES, type Locale } from '../i18n/locales.js';
import type { FastifyTypeBox } from './fastify-typebox.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The page's language; set on routes registered through localizedRoutes, undefined elsewhere. */
    locale: Locale;
  }
}

export function localizedRoutes(app: FastifyTypeBox, routes: (scope: FastifyTypeBox, locale: Locale) => void): void {
  for (const locale of LOCALES) {
    app.register(
      async (scope: FastifyTypeBox) => {
        scope.decorateRequest('locale', locale);
        routes(scope, locale);
      },
      { prefix: `/${locale}` },
    );
  }
}
