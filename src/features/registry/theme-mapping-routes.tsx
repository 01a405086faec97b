/**
 * /{lang}/workspace/themes/mappings/…: add, change and remove a theme mapping. Every post is first a
 * dry run (the preview page, nothing written); the preview's "Apply" posts the same fields with
 * `step=apply`. Bad input shows the form again with its messages (400); a stale version is the
 * 409 conflict page (app.tsx), since the preview it was built from is out of date too.
 */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Invalid } from '../../platform/errors.js';
import { FlatFormBody, type Form, field, RowNumber, seenVersion } from '../../platform/forms/form-body.js';
import { fieldErrors } from '../../platform/forms/validation.js';
import { canEditRegistry } from '../../platform/policy.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { redirectSaved, type WorkspaceRequest, workspaceRoutes } from '../../platform/web/workspace-request.js';
import { assertAllowed } from '../../platform/write.js';
import {
  applyMappingChange,
  getThemeMapping,
  type MappingChange,
  type MappingForm,
  mappableThemes,
  previewMappingChange,
  type ThemeMappingRecord,
} from './theme-mapping-service.js';
import { mappingsBase, ThemeMappingFormPage, ThemeMappingPreviewPage } from './theme-mapping-views.js';

const MappingParams = Type.Object({ id: RowNumber });

const readForm = (body: Form): MappingForm => ({
  source: field(body, 'source'),
  label: field(body, 'label'),
  theme: field(body, 'theme'),
});

export function registerThemeMappingRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions) {
  const formPage = async (w: WorkspaceRequest, row: ThemeMappingRecord | null, form: MappingForm, errors?: unknown) =>
    await (
      <ThemeMappingFormPage
        {...w}
        row={row}
        form={form}
        themes={await mappableThemes(deps.db)}
        outcome={errors instanceof Invalid ? { errors: fieldErrors(errors.problems, w.ctx.t) } : {}}
      />
    );

  /** The preview, or the apply when the preview's button sent it; the form again on bad input. */
  async function answer(
    reply: FastifyReply,
    w: WorkspaceRequest,
    body: Form,
    change: MappingChange,
    page: { action: string; row: ThemeMappingRecord | null; fields: Record<string, string> },
  ) {
    try {
      if (body.step === 'apply') {
        await applyMappingChange(deps.db, change, w.user, deps.now());
        return redirectSaved(reply, mappingsBase(w.ctx));
      }
      const effect = await previewMappingChange(deps.db, change, w.user);
      const back = page.row ? `${mappingsBase(w.ctx)}/${page.row.id}/edit` : `${mappingsBase(w.ctx)}/new`;
      return sendHtml(
        reply,
        await (
          <ThemeMappingPreviewPage
            {...w}
            effect={effect}
            action={page.action}
            fields={page.fields}
            version={change.kind === 'add' ? undefined : change.seenVersion}
            back={back}
          />
        ),
      );
    } catch (error) {
      if (!(error instanceof Invalid) || change.kind === 'remove') throw error;
      return sendHtml(reply, await formPage(w, page.row, change.form, error), 400);
    }
  }

  workspaceRoutes(app, { deps, auth: options }, (scope) => {
    const mappings = '/workspace/themes/mappings';

    scope.get(`${mappings}/new`, async (request, reply) => {
      const w = request.workspace;
      assertAllowed(canEditRegistry(w.user));
      return sendHtml(reply, await formPage(w, null, { source: '', label: '', theme: '' }));
    });

    scope.post(mappings, { schema: { body: FlatFormBody } }, async (request, reply) => {
      const w = request.workspace;
      const body = request.body as Form;
      const form = readForm(body);
      const fields = { source: form.source, label: form.label, theme: form.theme };
      return answer(reply, w, body, { kind: 'add', form }, { action: mappingsBase(w.ctx), row: null, fields });
    });

    scope.get(`${mappings}/:id/edit`, { schema: { params: MappingParams } }, async (request, reply) => {
      const w = request.workspace;
      const row = await getThemeMapping(deps.db, request.params.id, w.user);
      const themes = await mappableThemes(deps.db);
      const theme = themes.find((th) => th.id === row.themeId)?.slug ?? '';
      return sendHtml(reply, await formPage(w, row, { source: row.source, label: row.label, theme }));
    });

    scope.post(
      `${mappings}/:id/edit`,
      { schema: { params: MappingParams, body: FlatFormBody } },
      async (request, reply) => {
        const w = request.workspace;
        const body = request.body as Form;
        const row = await getThemeMapping(deps.db, request.params.id, w.user);
        const form = { ...readForm(body), source: row.source, label: row.label };
        const change: MappingChange = { kind: 'change', id: row.id, form, seenVersion: seenVersion(body) };
        const action = `${mappingsBase(w.ctx)}/${row.id}/edit`;
        return answer(reply, w, body, change, { action, row, fields: { theme: form.theme } });
      },
    );

    scope.post(
      `${mappings}/:id/remove`,
      { schema: { params: MappingParams, body: FlatFormBody } },
      async (request, reply) => {
        const w = request.workspace;
        const body = request.body as Form;
        const row = await getThemeMapping(deps.db, request.params.id, w.user);
        const change: MappingChange = { kind: 'remove', id: row.id, seenVersion: seenVersion(body) };
        const action = `${mappingsBase(w.ctx)}/${row.id}/remove`;
        return answer(reply, w, body, change, { action, row, fields: {} });
      },
    );
  });
}
