/**
 * buildApp(deps): plugins, error handling, then each feature's routes from its manifest (the list of
 * features is src/app/features.ts; each manifest names the functions that register its URLs).
 */
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import { apiAddressNotFound } from '../features/api/index.js';
import { DEFAULT_UPLOAD_LIMITS } from '../features/files/index.js';
import { DEFAULT_STALE_MONTHS } from '../features/followup/index.js';
import { isChangesSince } from '../platform/conflict.js';
import type { Db } from '../platform/db/client.js';
import { replicaRouting } from '../platform/db/read-replica.js';
import { AppError, Conflict, Forbidden } from '../platform/errors.js';
import { type AppDeps, gatherContributions, type UploadLimits } from '../platform/feature.js';
import { LOCALES } from '../platform/i18n/locales.js';
import { requestLocale } from '../platform/i18n/negotiate-locale.js';
import { registerAuth } from '../platform/web/auth.js';
import { brandAssets } from '../platform/web/brand-assets.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';
import { ajvOptions, buildLazyValidator } from '../platform/web/lazy-validation.js';
import { redirectToLocale, redirectUnlocalized } from '../platform/web/locale-redirect.js';
import { FORM_BODY_LIMIT, registerReadableInput } from '../platform/web/readable-input.js';
import { PUBLIC_CACHE_TAG, type RenderCache, registerRenderCache } from '../platform/web/render-cache.js';
import { trackRoutes } from '../platform/web/route-table.js';
import { registerSecurityHeaders } from '../platform/web/security-headers.js';
import { pageContext, type SiteDeps, sendHtml } from '../platform/web/site-deps.js';
import { loadStylesheet } from '../platform/web/stylesheet.js';
import { ConflictPage } from '../ui/conflict-page.js';
import { NotFoundPage, RefusedPage, ServerErrorPage } from '../ui/error-pages.js';
import { ForbiddenPage } from '../ui/forbidden-page.js';
import type { TrustProxy } from './config.js';
import { features } from './features.js';

export interface AppOptions {
  db: Db;
  /** A read replica of `db` for anonymous public pages (DATABASE_REPLICA_URL; platform/db/read-replica.ts). */
  replicaDb?: Db | null;
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** Mark cookies Secure even over plain HTTP (TLS ends at a proxy): PUENTE_SECURE_COOKIES=1. */
  secureCookies?: boolean;
  /**
   * Whether this server sends email (SMTP_URL is set). The app only queues mail in the outbox; the
   * sender that empties it is started by whoever runs the process (serve.ts, or a test).
   */
  sendsMail?: boolean;
  /** Public address used in emailed links (PUENTE_BASE_URL). */
  baseUrl?: string;
  /** Reverse proxies believed about the client's address and protocol (PUENTE_TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** Largest logo and full document accepted (PUENTE_LOGO_MAX_BYTES, PUENTE_DOCUMENT_MAX_BYTES). */
  uploadLimits?: UploadLimits;
  /** Follow-up reminders: months without a status update (PUENTE_FOLLOWUP_STALE_MONTHS). */
  followupStaleMonths?: number;
  /** Where to POST when public pages change, so a CDN or proxy drops its copies (PUENTE_PURGE_URL). */
  purgeUrl?: string | null;
  /** How often the purge hook looks for a change (default 2 s). */
  purgeEveryMs?: number;
}

export async function buildApp(options: AppOptions): Promise<FastifyTypeBox> {
  const stylesheet = loadStylesheet();
  const baseUrl = options.baseUrl ?? 'http://localhost:3000';
  const contributions = gatherContributions(features);
  const routing = options.replicaDb ? replicaRouting(options.db, options.replicaDb) : null;
  const deps: SiteDeps = {
    db: routing?.db ?? options.db,
    now: options.now ?? (() => new Date()),
    stylesheetHref: stylesheet.href,
    baseUrl,
    workspaceNav: contributions.nav,
  };

  const app = Fastify({
    logger: options.logger ?? false,
    // One line per request (requestLine below), not Fastify's two ("incoming request", "request completed"):
    // a render-cache hit costs microseconds, and a second pino line was a large share of it.
    logController: new LogController({ disableRequestLogging: true }),
    // request.ip (rate limits) and request.protocol (Secure cookies) come from X-Forwarded-* only for these.
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    // Long slugs reach validation (and get the 404 page) instead of the router's bare 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
    ajv: ajvOptions,
    // Each route's schema is compiled when a request first needs it, not all ~500 before the first page.
    schemaController: { compilersFactory: { buildValidator: buildLazyValidator } },
    // The router's own refusals, before any hook: pages in the reader's language, not Fastify's JSON.
    frameworkErrors: (error, request, reply) => renderFrameworkError(deps, error, request, reply),
  }).withTypeProvider<TypeBoxTypeProvider>();

  trackRoutes(app);
  if (options.logger) app.addHook('onResponse', requestLine);

  // First: a public page kept for this content version is answered before any other hook runs.
  const renderCache = registerRenderCache(app, {
    db: options.db,
    ...(routing ? { replica: { db: routing.replica, onReplica: routing.onReplica } } : {}),
    now: deps.now,
    publicRoutes: publicRoutePatterns(),
  });
  app.decorate('renderCache', renderCache);
  if (options.purgeUrl) {
    const purgeUrl = options.purgeUrl;
    const stop = renderCache.watch((change) => {
      const body = JSON.stringify({ tag: PUBLIC_CACHE_TAG, ...change });
      fetch(purgeUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
        (answer) => app.log.info({ status: answer.status, ...change }, 'purge hook called'),
        (error: Error) => app.log.warn({ err: error, ...change }, 'purge hook failed'),
      );
    }, options.purgeEveryMs);
    app.addHook('onClose', async () => stop());
  }

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // Readers click through to member organizations' sites; they need not learn where from.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  // Many readers are on slow mobile connections.
  await app.register(fastifyCompress, { threshold: 1024 });

  // Forms post application/x-www-form-urlencoded (every form works without JavaScript) or, for
  // uploads, multipart. A NUL byte or broken UTF-8 in the address, a header or a form is refused
  // here with the 400 page, before the session lookup or any handler.
  registerReadableInput(app, { formBodyLimit: FORM_BODY_LIMIT });
  await app.register(fastifyCookie);
  // Uploads (logos, full documents) are multipart, read as a stream by features/files/multipart.ts;
  // the size limit is passed per form, and an oversized file is reported on the form, not thrown.
  const uploadLimits = options.uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
  await app.register(fastifyMultipart, { throwFileSizeLimit: false, limits: { files: 1, parts: 10 } });
  const authOptions = { secureCookies: options.secureCookies ?? false };
  registerAuth(app, deps, authOptions);

  app.get('/', async (request, reply) => redirectToLocale(request, reply, '/'));

  app.get(stylesheet.href, async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(stylesheet.css),
  );

  // The bridge mark as favicon: linked as SVG from every page; /favicon.ico for browsers that ask on their own.
  const brand = brandAssets();
  const longCache = 'public, max-age=31536000, immutable';
  app.get('/favicon.svg', async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', longCache).send(brand.svg),
  );
  app.get('/favicon.ico', async (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', longCache).send(brand.ico),
  );

  app.get('/healthz', async () => ({ status: 'ok' }));

  const featureDeps: AppDeps = {
    ...deps,
    auth: authOptions,
    sendsMail: options.sendsMail ?? false,
    uploadLimits,
    followupStaleMonths: options.followupStaleMonths ?? DEFAULT_STALE_MONTHS,
    contributions,
  };
  for (const feature of features) feature.routes?.(app, featureDeps);

  app.setNotFoundHandler(
    async (request, reply) => redirectUnlocalized(app, request, reply) ?? renderNotFound(deps, request, reply),
  );

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (isNotFound(error, request)) return renderNotFound(deps, request, reply);
    if (error instanceof Conflict && isChangesSince(error.current)) {
      const ctx = pageContext(deps, request, requestLocale(request));
      return sendHtml(reply, await (<ConflictPage ctx={ctx} history={error.current.changes} />), 409);
    }
    if (error instanceof Forbidden) {
      const ctx = pageContext(deps, request, requestLocale(request));
      return sendHtml(reply, await (<ForbiddenPage ctx={ctx} reason={error.reason} />), 403);
    }
    if (error instanceof AppError || (error.statusCode && error.statusCode < 500)) {
      const status = error.statusCode ?? 400;
      request.log.info({ status, message: error.message }, 'request refused');
      const ctx = pageContext(deps, request, requestLocale(request));
      const reason = error instanceof AppError ? error.reason : null;
      return sendHtml(reply, await (<RefusedPage ctx={ctx} status={status} reason={reason} />), status);
    }
    request.log.error({ err: error }, 'request failed');
    const ctx = pageContext(deps, request, requestLocale(request));
    return sendHtml(reply, await (<ServerErrorPage ctx={ctx} />), 500);
  });

  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Public pages kept per content version (platform/web/render-cache.ts). */
    renderCache: RenderCache;
  }
}

/** The route patterns of every manifest's public channels, once per language. */
function publicRoutePatterns(): Set<string> {
  const channels = features.flatMap((f) => f.publicChannels ?? []);
  return new Set(
    channels.flatMap((channel) =>
      channel.includes('{lang}') ? LOCALES.map((locale) => channel.replace('{lang}', locale)) : [channel],
    ),
  );
}

/** A hop count becomes the function Fastify applies to hop counts (its types name no number). */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/** A malformed or overlong slug in a page address is just an address that does not exist. */
function isNotFound(error: FastifyError, request: FastifyRequest): boolean {
  if (error instanceof AppError) return error.statusCode === 404;
  const isPageRead = request.method === 'GET' || request.method === 'HEAD';
  return isPageRead && Boolean(error.validation);
}

/**
 * An address the router cannot decode (a %-escape that is not UTF-8, or not an escape at all) is
 * unreadable input (the 400 page); a longer parameter than any row has is an address that does not exist.
 */
async function renderFrameworkError(deps: SiteDeps, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return renderNotFound(deps, request, reply);
  request.log.info({ code: error.code }, 'request refused');
  if (request.url.startsWith('/api/')) return apiAddressNotFound(request, reply);
  const ctx = pageContext(deps, request, requestLocale(request));
  const page = await (<RefusedPage ctx={ctx} status={400} reason="unreadableInputReason" />);
  return sendHtml(reply, page, 400);
}

async function renderNotFound(deps: SiteDeps, request: FastifyRequest, reply: FastifyReply) {
  const ctx = pageContext(deps, request, requestLocale(request));
  return sendHtml(reply, await (<NotFoundPage ctx={ctx} />), 404);
}

/** The request's one log line, once answered: what was asked, the status, the time, and whether the render cache answered. */
function requestLine(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  request.log.info(
    {
      req: request,
      res: { statusCode: reply.statusCode },
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
      cache: reply.getHeader('x-cache'),
    },
    'request completed',
  );
  done();
}
