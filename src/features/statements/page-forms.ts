/**
 * The statement page and the release editor are each one page with several forms, every form
 * posting to its own address under the page. A save goes through saveForm: 303 to where it says
 * (the page itself by default); on failure the whole page comes back with that one form's typed
 * values and messages (400) or the other editor's change (409).
 */

import { isFindPost } from '../../platform/forms/choice-limits.js';
import { type Form, FormBody, SlugParams } from '../../platform/forms/form-body.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { sendHtml } from '../../platform/web/site-deps.js';
import { type FormOutcome, saveForm, type WorkspaceRequest } from '../../platform/web/workspace-request.js';
import type { Guard } from './item-routes.js';

/** Which form of the page failed, with what was typed in it and why. */
export interface FailedForm<Name> {
  form: Name;
  typed: Form | undefined;
  outcome: FormOutcome;
}

/** Returns `post(path, form, save)`, which registers `POST {root}/:slug{path}` for one form of the page. */
export function pageFormPoster<Name>(
  app: FastifyTypeBox,
  page: {
    root: string;
    guard: Guard;
    render: (w: WorkspaceRequest, slug: string, failed: FailedForm<Name>) => Promise<string>;
  },
) {
  return (
    path: string,
    form: Name,
    save: (w: WorkspaceRequest, slug: string, body: Form) => Promise<string | undefined>,
  ) =>
    app.post(
      `${page.root}/:slug${path}`,
      { schema: { params: SlugParams, body: FormBody } },
      async (request, reply) => {
        const w = page.guard(request, reply);
        if (!w) return reply;
        const { slug } = request.params;
        const body = request.body as Form;
        // Find (a picker's search) draws the page again with this form as typed and what it found:
        // nothing is saved, so no version moves and no audit row is written.
        if (isFindPost(body)) return sendHtml(reply, await page.render(w, slug, { form, typed: body, outcome: {} }));
        return saveForm(
          reply,
          w.ctx,
          async () => (await save(w, slug, body)) ?? `${page.root}/${slug}`,
          (outcome) => page.render(w, slug, { form, typed: body, outcome }),
        );
      },
    );
}
