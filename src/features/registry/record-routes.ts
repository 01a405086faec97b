/** Route pieces every registry kind shares: reading an edit or archive post, the archive route, the form after a failed save. */

import { rebaseForm, rowAsSeen } from '../../platform/conflict.js';
import { FlatFormBody, type Form, SlugParams, seenVersion } from '../../platform/forms/form-body.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import type { SiteDeps } from '../../platform/web/site-deps.js';
import type { FormOutcome, WorkspaceRequest } from '../../platform/web/workspace-request.js';
import { type RecordChange, type RegistryRecord, setRecordArchived } from './record.js';

/** The row an edit or archive post is about, with the version its form was built from. */
export function recordChange(deps: SiteDeps, w: WorkspaceRequest, slug: string, body: Form): RecordChange {
  return { slug, seenVersion: seenVersion(body), user: w.user, now: deps.now() };
}

/**
 * `POST {path}/:slug/archive`, in a signed-in scope (signedInRoutes): archives or restores the row
 * (the form says which, with the version it saw), then sends the editor to `done`.
 */
export function registerArchiveRoute<Row extends { id: number; version: number }>(
  scope: FastifyTypeBox,
  deps: SiteDeps,
  route: {
    /** Within the locale, e.g. `/workspace/themes`. */
    path: string;
    record: RegistryRecord<Row>;
    done: (slug: string, w: WorkspaceRequest) => Promise<string> | string;
  },
): void {
  scope.post(
    `${route.path}/:slug/archive`,
    { schema: { params: SlugParams, body: FlatFormBody } },
    async (request, reply) => {
      const w = request.workspace;
      const body = request.body as Form;
      const { slug } = request.params;
      const archived = body.archived === '1';
      await setRecordArchived(deps.db, route.record, { ...recordChange(deps, w, slug, body), archived });
      return reply.redirect(await route.done(slug, w), 303);
    },
  );
}

/**
 * The form to show again after a failed save, and the version it carries. Bad input: what was
 * typed, still against the version seen. A conflict: the editor's changes replayed onto the
 * current row and its current version, so saving again is a choice made knowingly.
 */
export function formAfterFailure<Typed, Row extends { version: number }>(
  failed: { typed: Typed; outcome: FormOutcome; seenVersion: number },
  current: Row,
  formOf: (row: Row) => Typed,
): { form: Typed; version: number } {
  const { typed, outcome } = failed;
  if (!outcome.conflict) return { form: typed, version: failed.seenVersion };
  return {
    form: rebaseForm(typed, formOf(rowAsSeen(current, outcome.conflict)), formOf(current)),
    version: current.version,
  };
}
