/**
 * Where the recommendation spreadsheets are downloaded: on the public site (what the public pages
 * show) and in the workspace (every state, for those who may see unpublished material). Each download
 * is rate-limited per address (public) or per person (workspace): it reads every row it covers.
 */
import { Type } from '@fastify/type-provider-typebox';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/feature.js';
import { messages } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canSeeUnpublished } from '../../platform/policy.js';
import { publicStatementsCondition } from '../../platform/visibility.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { hitRateLimit, RATE_LIMITS, sendTooManyRequests } from '../../platform/web/rate-limit.js';
import { workspaceRoutes } from '../../platform/web/workspace-request.js';
import { type ExportScope, exportRows } from './rows.js';
import { CONTENT_TYPES, csvStream, type ExportFormat, xlsxStream } from './write.js';

const FormatParams = Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) });
const StatementFormatParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 200 }),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
});

export function registerExportRoutes(app: FastifyTypeBox, deps: AppDeps): void {
  localizedRoutes(app, (scope, locale) => {
    scope.get('/recommendations.:format', { schema: { params: FormatParams } }, async (request, reply) => {
      if (await overLimit(deps, request, reply, `export:${request.ip}`)) return reply;
      const scope: ExportScope = { now: deps.now(), statementId: null, unpublished: false };
      return sendExport(deps.db, reply, locale, scope, request.params.format, 'recommendations');
    });
    scope.get(
      '/statements/:slug/recommendations.:format',
      { schema: { params: StatementFormatParams } },
      async (request, reply) => {
        const now = deps.now();
        const id = await statementId(deps.db, request.params.slug, publicStatementsCondition(now));
        if (await overLimit(deps, request, reply, `export:${request.ip}`)) return reply;
        const scope: ExportScope = { now, statementId: id, unpublished: false };
        return sendExport(
          deps.db,
          reply,
          locale,
          scope,
          request.params.format,
          `recommendations-${request.params.slug}`,
        );
      },
    );
  });

  const allow = (user: Parameters<typeof canSeeUnpublished>[0]) => {
    if (!canSeeUnpublished(user)) throw new Forbidden('Only editors may export unpublished recommendations');
  };
  workspaceRoutes(app, { deps, allow }, (scope, locale) => {
    scope.get('/workspace/recommendations.:format', { schema: { params: FormatParams } }, async (request, reply) => {
      if (await overLimit(deps, request, reply, `export:user:${request.workspace.user.id}`)) return reply;
      const scope: ExportScope = { now: deps.now(), statementId: null, unpublished: true };
      return sendExport(deps.db, reply, locale, scope, request.params.format, 'recommendations-workspace');
    });
    scope.get(
      '/workspace/statements/:slug/recommendations.:format',
      { schema: { params: StatementFormatParams } },
      async (request, reply) => {
        const id = await statementId(deps.db, request.params.slug);
        if (await overLimit(deps, request, reply, `export:user:${request.workspace.user.id}`)) return reply;
        const scope: ExportScope = { now: deps.now(), statementId: id, unpublished: true };
        return sendExport(
          deps.db,
          reply,
          locale,
          scope,
          request.params.format,
          `recommendations-${request.params.slug}-workspace`,
        );
      },
    );
  });
}

async function statementId(db: Db, slug: string, condition?: ReturnType<typeof publicStatementsCondition>) {
  const [row] = await db
    .select({ id: t.statements.id })
    .from(t.statements)
    .where(and(eq(t.statements.slug, slug), condition));
  if (!row) throw new NotFound(`no statement "${slug}"`);
  return row.id;
}

async function overLimit(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, key: string): Promise<boolean> {
  const limit = await hitRateLimit(deps.db, key, RATE_LIMITS.export, deps.now());
  if (limit.allowed) return false;
  sendTooManyRequests(request, reply, limit.retryAfterSeconds);
  return true;
}

function sendExport(
  db: Db,
  reply: FastifyReply,
  locale: Locale,
  scope: ExportScope,
  format: ExportFormat,
  name: string,
): FastifyReply {
  const rows = exportRows(db, scope);
  const body = format === 'csv' ? csvStream(rows) : xlsxStream(rows, messages(locale).exportSheetName);
  return (
    reply
      .type(CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${name}.${format}"`)
      // Read again on every use: what is public changes with publication and embargoes.
      .header('cache-control', 'no-cache')
      .send(body)
  );
}
