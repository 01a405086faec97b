/**
 * Publish, unpublish (back to draft) and withdraw a statement: the controls on its workspace page
 * post here. An embargo comes either as an ISO instant (`embargoUntil`) or, from the workspace form,
 * as a wall-clock time and an IANA zone (`embargoLocal` + `timeZone`), stored as the UTC instant.
 */
import { Type } from '@fastify/type-provider-typebox';
import { Invalid } from '../../platform/errors.js';
import type { Form } from '../../platform/forms/form-body.js';
import { RowNumber } from '../../platform/forms/form-body.js';
import { Problems } from '../../platform/forms/problems.js';
import { fieldErrors } from '../../platform/forms/validation.js';
import { localToInstant, resolveTimeZone } from '../../platform/text/time-zones.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { redirectSaved, workspaceRoutes } from '../../platform/web/workspace-request.js';
import { changePublication } from './publish-service.js';
import { renderStatementPage } from './workspace-routes.js';

const Params = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const Body = Type.Object({
  _csrf: Type.String({ maxLength: 200 }),
  version: RowNumber,
  /** ISO 8601 instant, with `publish` only; empty means no embargo. */
  embargoUntil: Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'date-time', maxLength: 40 })])),
  /** "2026-06-03T09:00" in `timeZone`; empty means no embargo. */
  embargoLocal: Type.Optional(Type.String({ maxLength: 40 })),
  timeZone: Type.Optional(Type.String({ maxLength: 64 })),
});

function embargoOf(body: { embargoUntil?: string; embargoLocal?: string; timeZone?: string }): Date | null {
  if (body.embargoUntil) return new Date(body.embargoUntil);
  const local = body.embargoLocal?.trim() ?? '';
  if (local === '') return null;
  // The zone is typed (with suggestions): one Intl does not list is named as the problem, not the time.
  const zone = resolveTimeZone(body.timeZone ?? 'UTC');
  const instant = zone ? localToInstant(local, zone) : null;
  if (!instant) {
    const problems = new Problems();
    if (zone) problems.add('embargoLocal', 'editorialErrLocalTime');
    else problems.add('timeZone', 'editorialErrTimeZone');
    problems.throwIfAny();
  }
  return instant;
}

export function registerStatementPublishRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  workspaceRoutes(app, { deps, auth: options, signedOut: 'refuse' }, (scope, locale) => {
    for (const action of ['publish', 'unpublish', 'withdraw'] as const) {
      scope.post(`/statements/:slug/${action}`, { schema: { params: Params, body: Body } }, async (request, reply) => {
        const w = request.workspace;
        const { slug } = request.params;
        try {
          const embargoUntil = action === 'publish' ? embargoOf(request.body) : null;
          await changePublication(
            deps.db,
            { slug, action, version: request.body.version, embargoUntil },
            w.user,
            deps.now(),
          );
        } catch (error) {
          // A bad embargo comes back next to its field; a stale page gets the 409 page (app.tsx): there
          // is no typed text to keep, and it names who changed the publication meanwhile.
          if (!(error instanceof Invalid)) throw error;
          const errors = fieldErrors(error.problems, w.ctx.t);
          const typed = request.body as unknown as Form;
          return sendHtml(
            reply,
            await renderStatementPage(deps, w, slug, { form: 'publish', typed, outcome: { errors } }),
            400,
          );
        }
        return redirectSaved(reply, `/${locale}/workspace/statements/${slug}`);
      });
    }
  });
}
