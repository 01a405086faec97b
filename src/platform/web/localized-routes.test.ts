import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { expect, it } from 'vitest';
import type { Db } from '../db/client.js';
import type { FastifyTypeBox } from './fastify-typebox.js';
import { localizedRoutes } from './localized-routes.js';
import { registeredRoutes, trackRoutes } from './route-table.js';
import type { SiteDeps } from './site-deps.js';
import { signedInRoutes } from './workspace-request.js';

/** No session store: every visitor here is signed out, which is what the guard decides on. */
const deps: SiteDeps = { db: {} as Db, now: () => new Date(0), stylesheetHref: '/s.css', baseUrl: 'http://x' };

async function appWith(routes: (app: FastifyTypeBox) => void): Promise<FastifyTypeBox> {
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } }).withTypeProvider<TypeBoxTypeProvider>();
  trackRoutes(app);
  routes(app);
  await app.ready();
  return app;
}

it('registers once per locale under /{locale}, with the locale on the request and in the route table', async () => {
  const app = await appWith((app) =>
    localizedRoutes(app, (scope, locale) => {
      scope.get('/', { prefixTrailingSlash: 'slash' }, async (request) => `${locale} ${request.locale} home`);
      scope.get('/page', async (request) => `${locale} ${request.locale} page`);
    }),
  );
  expect((await app.inject('/es/page')).body).toBe('es es page');
  expect((await app.inject('/en/')).body).toBe('en en home');
  expect((await app.inject('/en')).body).toBe('en en home');
  expect(registeredRoutes(app).filter((r) => r.method === 'GET')).toEqual([
    { method: 'GET', url: '/en/' },
    { method: 'GET', url: '/en/page' },
    { method: 'GET', url: '/es/' },
    { method: 'GET', url: '/es/page' },
  ]);
});

it('sends visitors without a session to sign in (303), or refuses them (403) where asked', async () => {
  const app = await appWith((app) =>
    localizedRoutes(app, (scope) => {
      signedInRoutes(scope, { deps }, (guarded) => guarded.get('/private', async () => 'never'));
      signedInRoutes(scope, { deps, signedOut: 'refuse' }, (guarded) => guarded.post('/private', async () => 'never'));
      scope.get('/public', async () => 'open');
    }),
  );
  const page = await app.inject('/es/private');
  expect([page.statusCode, page.headers.location]).toEqual([303, '/es/sign-in']);
  const post = await app.inject({ method: 'POST', url: '/en/private' });
  expect(post.statusCode).toBe(403);
  expect((await app.inject('/en/public')).body).toBe('open');
});
