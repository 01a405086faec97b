/** Route pieces every registry kind shares: reading an edit or archive post, the create, edit and archive routes, the form after a failed save. */

import type { FastifyReply } from 'fastify';
import { rebaseForm, rowAsSeen } from '../../platform/conflict.js';
import type { Db } from '../../platform/db/client.js';
import { isFindPost } from '../../platform/forms/choice-limits.js';
import { FlatFormBody, type Form, SlugParams, seenVersion } from '../../platform/forms/form-body.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import {
  type FormOutcome,
  redirectSaved,
  saveForm,
  type WorkspaceRequest,
} from '../../platform/web/workspace-request.js';
import { type RecordChange, type RegistryRecord, setRecordArchived } from './record.js';

/** The row an edit or archive post is about, with the version its form was built from. */
export function recordChange(deps: SiteDeps, w: WorkspaceRequest, slug: string, body: Form): RecordChange {
  return { slug, seenVersion: seenVersion(body), user: w.user, now: deps.now() };
}

/** What the form posts of one registry kind need: its forms, its service functions and its pages. */
export interface RecordForms<Typed, Row extends { id: number; slug: string; version: number }> {
  /** Within the locale, e.g. `/workspace/themes`. */
  path: string;
  read: (body: Form) => Typed;
  create: (db: Db, form: Typed, user: WorkspaceRequest['user'], now: Date) => Promise<Row>;
  update: (db: Db, form: Typed, change: RecordChange) => Promise<unknown>;
  archive: RegistryRecord<Row>;
  /** The row as it is now, as the edit page loads it (and refuses it to whoever may not edit it). */
  current: (db: Db, slug: string, user: WorkspaceRequest['user']) => Promise<Row>;
  /** How a row reads as the form; it may look up what the current row points to once. */
  formOf: (current: NoInfer<Row>) => Promise<(row: NoInfer<Row>) => Typed> | ((row: NoInfer<Row>) => Typed);
  /** Where a saved create, edit or archive sends the editor, by the row's slug. */
  done: (slug: string, w: WorkspaceRequest) => Promise<string> | string;
  /**
   * The form page again after a refused save, or as typed after a picker's Find (`posted` is then the
   * form's body, whose search words the page reads): `current` is null on the create form.
   */
  page: (
    w: WorkspaceRequest,
    shown: {
      current: NoInfer<Row> | null;
      form: NoInfer<Typed>;
      outcome: FormOutcome;
      version?: number;
      posted?: Form;
    },
  ) => Promise<string> | string;
}

/**
 * A registry kind's form posts, in a signed-in scope: `POST {path}` creates, `{path}/:slug/edit`
 * saves against the version the form was built from, `{path}/:slug/archive` archives or restores
 * (the form says which). Each sends the editor to `done`; a refused create or edit shows the form
 * again (400 with messages, or 409 with the editor's changes replayed, see formAfterFailure).
 */
export function registerRecordForms<Typed, Row extends { id: number; slug: string; version: number }>(
  scope: FastifyTypeBox,
  deps: SiteDeps,
  route: RecordForms<Typed, Row>,
): void {
  scope.post(route.path, { schema: { body: FlatFormBody } }, async (request, reply) => {
    const w = request.workspace;
    const body = request.body as Form;
    const form = route.read(body);
    // A picker's Find (ui/choice-search.tsx): the form again as typed, with what it found; nothing saved.
    if (isFindPost(body))
      return sendHtml(reply, await route.page(w, { current: null, form, outcome: {}, posted: body }));
    return saveForm(
      reply,
      w.ctx,
      async () => route.done((await route.create(deps.db, form, w.user, deps.now())).slug, w),
      (outcome) => route.page(w, { current: null, form, outcome }),
    );
  });

  postToRecord(scope, `${route.path}/:slug/edit`, async (w, slug, body, reply) => {
    const form = route.read(body);
    if (isFindPost(body)) {
      const current = await route.current(deps.db, slug, w.user);
      const shown = { current, form, outcome: {}, version: seenVersion(body), posted: body };
      return sendHtml(reply, await route.page(w, shown));
    }
    const done = await route.done(slug, w);
    return saveForm(
      reply,
      w.ctx,
      async () => {
        await route.update(deps.db, form, recordChange(deps, w, slug, body));
        return done;
      },
      async (outcome) => {
        const current = await route.current(deps.db, slug, w.user);
        const formOf = await route.formOf(current);
        const shown = formAfterFailure({ typed: form, outcome, seenVersion: seenVersion(body) }, current, formOf);
        return route.page(w, { current, form: shown.form, outcome, version: shown.version });
      },
    );
  });

  postToRecord(scope, `${route.path}/:slug/archive`, async (w, slug, body, reply) => {
    const archived = body.archived === '1';
    await setRecordArchived(deps.db, route.archive, { ...recordChange(deps, w, slug, body), archived });
    return redirectSaved(reply, await route.done(slug, w));
  });
}

/** A form post about one row (`:slug` in the path), in a signed-in scope, with its flat body. */
function postToRecord(
  scope: FastifyTypeBox,
  url: string,
  handle: (w: WorkspaceRequest, slug: string, body: Form, reply: FastifyReply) => Promise<FastifyReply>,
): void {
  scope.post(url, { schema: { params: SlugParams, body: FlatFormBody } }, async (request, reply) =>
    handle(request.workspace, request.params.slug, request.body as Form, reply),
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
