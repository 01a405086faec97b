import { Type } from '@fastify/type-provider-typebox';
import { listAudit } from '../../platform/audit.js';
import { Forbidden } from '../../platform/errors.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { canViewAudit } from '../../platform/policy.js';
import { currentUser } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { AUDITED_ENTITIES, historyCsv, historyItems } from './history.js';
import { HistoryPage } from './history-views.js';

const Params = Type.Object({
  entity: Type.Union(AUDITED_ENTITIES.map((e) => Type.Literal(e))),
  id: Type.String({ pattern: '^[0-9]{1,10}$' }),
});

export function registerHistoryRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  for (const locale of LOCALES) {
    app.get(`/${locale}/admin/history/:entity/:id`, { schema: { params: Params } }, async (request, reply) => {
      const user = currentUser(request);
      if (!user) return reply.redirect(`/${locale}/sign-in`, 303);
      if (!canViewAudit(user)) throw new Forbidden('Only the coalition admin sees histories');
      const { entity, id } = request.params;
      const items = historyItems(await listAudit(deps.db, entity, id));
      const ctx = pageContext(deps, request, locale);
      return sendHtml(reply, await (<HistoryPage ctx={ctx} entityType={entity} entityId={id} items={items} />));
    });

    app.get(
      `/${locale}/admin/history/:entity/:id/history.csv`,
      { schema: { params: Params } },
      async (request, reply) => {
        const user = currentUser(request);
        if (!user) return reply.redirect(`/${locale}/sign-in`, 303);
        if (!canViewAudit(user)) throw new Forbidden('Only the coalition admin sees histories');
        const { entity, id } = request.params;
        const csv = historyCsv(entity, id, historyItems(await listAudit(deps.db, entity, id)));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${entity}-${id}-history.csv"`)
          .send(csv);
      },
    );
  }
}
