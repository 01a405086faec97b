/**
 * Every route the app registers, as (method, path) pairs. Tests enumerate it so a new page or
 * channel cannot appear without joining the visibility matrix; a sitemap can use it later.
 */
import type { FastifyInstance, FastifySchema } from 'fastify';

export interface RegisteredRoute {
  method: string;
  url: string;
  /** The route's request schemas, as registered (compiled on first use: see lazy-validation.ts). */
  schema?: FastifySchema;
}

const tables = new WeakMap<object, RegisteredRoute[]>();

/** Call before registering routes. */
export function trackRoutes(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  tables.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, schema: route.schema });
  });
}

export function registeredRoutes(app: object): RegisteredRoute[] {
  return tables.get(app) ?? [];
}
