/**
 * The read-only JSON API under /api (issue 16), registered as one encapsulated plugin so that what it
 * adds stays its own: the OpenAPI document (@fastify/swagger sees only these routes), CORS for GET and
 * HEAD (@fastify/cors: it answers preflights too, which a GET with `If-None-Match` needs from a browser
 * on another origin; a hand-written hook would have to get those right), a per-address rate limit,
 * and errors as JSON problem details instead of the site's HTML pages.
 *
 * ETags and 304s are the render cache's (platform/web/render-cache.ts): every route here is a public
 * channel of the manifest, so an anonymous GET is rendered once per content version and answered with
 * a strong ETag, as public pages are. The rate limit runs after the cache: a kept answer costs nothing
 * and is not counted; only requests that reach the database are.
 */
import fastifyCors from '@fastify/cors';
import fastifySwagger from '@fastify/swagger';
import { type TObject, type TSchema, Type } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { KeysetPage } from '../../platform/db/keyset.js';
import { AppError } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/feature.js';
import type { Catalog } from '../../platform/i18n/catalog.js';
import { messages } from '../../platform/i18n/format.js';
import { requestLocale } from '../../platform/i18n/negotiate-locale.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { redirectUnlocalized } from '../../platform/web/locale-redirect.js';
import { hitRateLimit, RATE_LIMITS } from '../../platform/web/rate-limit.js';
import * as followupEntries from './followup-entries.js';
import {
  API_PAGE_SIZE,
  type ApiProblem,
  FollowupEntry,
  FollowupKindSchema,
  ListOf,
  ListQuery,
  Organization,
  Problem,
  Recommendation,
  RecommendationListQuery,
  Release,
  Slug,
  Statement,
  StatementListQuery,
} from './schemas.js';
import * as service from './service.js';

/** The OpenAPI document, once the API's plugin has loaded (the reference page renders it). */
export type OpenApiSource = () => OpenApiDocument;

/** The parts of an OpenAPI 3.1 document the reference page reads. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
}
export interface OpenApiOperation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  format?: string;
}

/** Refusals are documented under their own media type, as they are sent. */
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});
const problems = {
  400: problem('A query parameter is not valid; the detail names it and what to send'),
  404: problem('Nothing public at this address'),
  429: problem('Too many requests from this address; wait for Retry-After seconds'),
};

/** Each operation's one-line summary in the catalogs: English in the document, either language on the reference page. */
export const OPERATION_SUMMARIES = {
  listStatements: 'apiOpListStatements',
  getStatement: 'apiOpGetStatement',
  listRecommendations: 'apiOpListRecommendations',
  getRecommendation: 'apiOpGetRecommendation',
  listOrganizations: 'apiOpListOrganizations',
  getOrganization: 'apiOpGetOrganization',
  listReleases: 'apiOpListReleases',
  getRelease: 'apiOpGetRelease',
  listFollowupEntries: 'apiOpListFollowupEntries',
  getFollowupEntry: 'apiOpGetFollowupEntry',
} as const satisfies Record<string, keyof Catalog>;
type OperationId = keyof typeof OPERATION_SUMMARIES;
const PROBLEM_TYPE = 'about:blank';

export function registerApiRoutes(app: FastifyTypeBox, deps: AppDeps): { document: OpenApiSource } {
  let api: FastifyTypeBox | null = null;
  app.register(
    async (scope: FastifyTypeBox) => {
      api = scope;
      await scope.register(fastifySwagger, {
        openapi: {
          openapi: '3.1.0',
          info: {
            title: 'Puente API',
            version: '1',
            description:
              'Read-only access to the public material of this Puente site: statements, recommendations with their current status, organizations, press releases and follow-up entries. Lists are paged by cursor (`links.next`); answers carry ETags (send `If-None-Match` for a 304).',
          },
          servers: [{ url: deps.baseUrl }],
        },
      });
      await scope.register(fastifyCors, {
        origin: '*',
        methods: ['GET', 'HEAD'],
        exposedHeaders: ['ETag', 'Last-Modified', 'Link', 'Retry-After', 'X-Cache'],
        maxAge: 86_400,
      });
      scope.addHook('onRequest', async (request, reply) => {
        if (request.method === 'OPTIONS') return;
        const limit = await hitRateLimit(deps.db, `api:${request.ip}`, RATE_LIMITS.api, deps.now());
        if (!limit.allowed) {
          const t = messages(requestLocale(request));
          return sendProblem(
            reply.header('retry-after', String(limit.retryAfterSeconds)),
            429,
            t.apiTooManyTitle,
            t.apiTooMany,
          );
        }
      });
      scope.setErrorHandler(async (error: FastifyError, request, reply) => problemFor(error, request, reply));
      scope.setNotFoundHandler(async (request, reply) => {
        // `/api` itself is the reference page without its language (the x-default of its hreflang links).
        const toPage = redirectUnlocalized(app, request, reply);
        if (toPage) return toPage;
        return apiAddressNotFound(request, reply);
      });

      scope.get('/openapi.json', { schema: { hide: true } }, async () => scope.swagger());
      registerV1(scope, deps);
    },
    { prefix: '/api' },
  );
  return {
    document: () => {
      if (!api) throw new Error('the API is not registered yet');
      return api.swagger() as unknown as OpenApiDocument;
    },
  };
}

function registerV1(api: FastifyTypeBox, deps: AppDeps): void {
  const ctx = () => ({ db: deps.db, now: deps.now(), baseUrl: deps.baseUrl });
  const list = <T>(request: FastifyRequest, reply: FastifyReply, page: KeysetPage<T>) => {
    const { limit } = request.query as { limit?: number };
    const path = request.url.split('?')[0] ?? '';
    // The next page keeps the list's filters (kind, cycle, recommender…), in the order they were given.
    const filters = Object.entries(request.query as Record<string, unknown>)
      .filter(([key, value]) => key !== 'after' && key !== 'limit' && value !== undefined)
      .map(([key, value]) => `&${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      .join('');
    const next = page.next
      ? `${deps.baseUrl}${path}?after=${page.next}${limit && limit !== API_PAGE_SIZE ? `&limit=${limit}` : ''}${filters}`
      : null;
    if (next) reply.header('link', `<${next}>; rel="next"`);
    return { data: page.items, links: { self: `${deps.baseUrl}${request.url}`, next } };
  };
  const listSchema = <P extends TSchema = TObject>(
    operationId: OperationId,
    item: TSchema,
    name: string,
    params: P = Type.Object({}) as unknown as P,
  ) => ({
    operationId,
    summary: messages('en')[OPERATION_SUMMARIES[operationId]],
    tags: [name],
    querystring: ListQuery,
    params,
    response: { 200: ListOf(item, name), ...problems },
  });
  const itemSchema = <P extends TSchema>(operationId: OperationId, item: TSchema, name: string, params: P) => ({
    operationId,
    summary: messages('en')[OPERATION_SUMMARIES[operationId]],
    tags: [name],
    params,
    response: { 200: item, ...problems },
  });
  const page = (query: { after?: string; limit?: number }) => ({
    request: { after: query.after },
    size: query.limit ?? API_PAGE_SIZE,
  });
  const bySlug = Type.Object({ slug: Slug });
  const byRecommendation = Type.Object({ slug: Slug, recommendation: Slug });

  api.get(
    '/v1/statements',
    { schema: { ...listSchema('listStatements', Statement, 'Statements'), querystring: StatementListQuery } },
    async (request, reply) => {
      const { request: cursor, size } = page(request.query);
      const { kind, cycle, state } = request.query;
      return list(request, reply, await service.listStatements(ctx(), cursor, size, { kind, cycle, state }));
    },
  );
  api.get(
    '/v1/statements/:slug',
    { schema: itemSchema('getStatement', Statement, 'Statements', bySlug) },
    async (request) => service.getStatement(ctx(), request.params.slug),
  );
  api.get(
    '/v1/statements/:slug/recommendations',
    {
      schema: {
        ...listSchema('listRecommendations', Recommendation, 'Recommendations', bySlug),
        querystring: RecommendationListQuery,
      },
    },
    async (request, reply) => {
      const { request: cursor, size } = page(request.query);
      const { recommender, response } = request.query;
      return list(
        request,
        reply,
        await service.listRecommendations(ctx(), request.params.slug, cursor, size, { recommender, response }),
      );
    },
  );
  api.get(
    '/v1/statements/:slug/recommendations/:recommendation',
    { schema: itemSchema('getRecommendation', Recommendation, 'Recommendations', byRecommendation) },
    async (request) => service.getRecommendation(ctx(), request.params.slug, request.params.recommendation),
  );
  api.get(
    '/v1/organizations',
    { schema: listSchema('listOrganizations', Organization, 'Organizations') },
    async (request, reply) => {
      const { request: cursor, size } = page(request.query);
      return list(request, reply, await service.listOrganizations(ctx(), cursor, size));
    },
  );
  api.get(
    '/v1/organizations/:slug',
    { schema: itemSchema('getOrganization', Organization, 'Organizations', bySlug) },
    async (request) => service.getOrganization(ctx(), request.params.slug),
  );
  api.get('/v1/releases', { schema: listSchema('listReleases', Release, 'Releases') }, async (request, reply) => {
    const { request: cursor, size } = page(request.query);
    return list(request, reply, await service.listReleases(ctx(), cursor, size));
  });
  api.get('/v1/releases/:slug', { schema: itemSchema('getRelease', Release, 'Releases', bySlug) }, async (request) =>
    service.getRelease(ctx(), request.params.slug),
  );
  api.get(
    '/v1/follow-up',
    { schema: listSchema('listFollowupEntries', FollowupEntry, 'Follow-up') },
    async (request, reply) => {
      const { request: cursor, size } = page(request.query);
      return list(request, reply, await followupEntries.listFollowupEntries(ctx(), cursor, size));
    },
  );
  api.get(
    '/v1/follow-up/:kind/:id',
    {
      schema: itemSchema(
        'getFollowupEntry',
        FollowupEntry,
        'Follow-up',
        Type.Object({ kind: FollowupKindSchema, id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
      ),
    },
    async (request) => followupEntries.getFollowupEntry(ctx(), request.params.kind, request.params.id),
  );
}

/**
 * An API address Fastify could not even read (broken percent-encoding): the same 404 problem as any other
 * address the API does not have, so an API client never gets an HTML page (the app's framework-error handler).
 */
export function apiAddressNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const t = messages(requestLocale(request));
  return sendProblem(reply, 404, t.apiNotFoundTitle, t.apiNoSuchAddress(request.url.split('?')[0] ?? ''));
}

function sendProblem(reply: FastifyReply, status: number, title: string, detail: string): FastifyReply {
  const body: ApiProblem = { type: PROBLEM_TYPE, status, title, detail };
  // Serialized here, not through the route's schema: the not-found handler and the hook have none.
  return reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

/**
 * A refusal as problem details, in the language the client asks for (Accept-Language): a malformed
 * address part is a 404 (no such item), a bad query parameter a 400 naming it and saying what to send.
 */
function problemFor(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const t = messages(requestLocale(request));
  if (error.validation) {
    if (error.validationContext === 'params') {
      return sendProblem(reply, 404, t.apiNotFoundTitle, t.apiNoSuchAddress(request.url.split('?')[0] ?? ''));
    }
    const first = error.validation[0];
    const name = String(first?.instancePath ?? '').replace(/^\//, '') || String(first?.params?.missingProperty ?? '');
    return sendProblem(reply, 400, t.apiBadRequestTitle, t.apiBadParameter(name, name === 'limit'));
  }
  if (error instanceof AppError && error.statusCode === 404) {
    return sendProblem(reply, 404, t.apiNotFoundTitle, t.apiNoSuchAddress(request.url.split('?')[0] ?? ''));
  }
  if (error.statusCode && error.statusCode < 500) {
    return sendProblem(reply, error.statusCode, t.apiBadRequestTitle, t.apiRefused);
  }
  request.log.error({ err: error }, 'API request failed');
  return sendProblem(reply, 500, t.apiServerErrorTitle, t.apiServerError);
}
