import { Type } from '@fastify/type-provider-typebox';
import { listAudit, listAuditPage } from '../../platform/audit.js';
import { Forbidden } from '../../platform/errors.js';
import { PageCursorQuery } from '../../platform/forms/form-body.js';
import { canViewAudit } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { signedInRoutes } from '../../platform/web/workspace-request.js';
import { AUDITED_ENTITIES, historyCsv, historyItems } from './history.js';
import { HistoryPage } from './history-views.js';

const Params = Type.Object({
  entity: Type.Union(AUDITED_ENTITIES.map((e) => Type.Literal(e))),
  id: Type.String({ pattern: '^[0-9]{1,10}$' }),
});

/** Histories are the coalition admin's; anyone else signed in is refused (403 page). */
function adminOnly(user: UserRow): void {
  if (!canViewAudit(user)) throw new Forbidden('Only the coalition admin sees histories');
}

export function registerHistoryRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  localizedRoutes(app, (scope) =>
    signedInRoutes(scope, { deps, allow: adminOnly }, (guarded) => {
      guarded.get(
        '/admin/history/:entity/:id',
        { schema: { params: Params, querystring: Type.Object(PageCursorQuery) } },
        async (request, reply) => {
          const { entity, id } = request.params;
          const page = await listAuditPage(deps.db, entity, id, request.query);
          const items = historyItems(page.items);
          const { ctx } = request.workspace;
          return sendHtml(
            reply,
            await (<HistoryPage ctx={ctx} entityType={entity} entityId={id} items={items} page={page} />),
          );
        },
      );

      guarded.get('/admin/history/:entity/:id/history.csv', { schema: { params: Params } }, async (request, reply) => {
        const { entity, id } = request.params;
        const csv = historyCsv(entity, id, historyItems(await listAudit(deps.db, entity, id)));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${entity}-${id}-history.csv"`)
          .send(csv);
      });
    }),
  );
}
