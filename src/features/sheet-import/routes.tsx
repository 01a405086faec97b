/**
 * /{lang}/workspace/import/recommendations: upload → a background dry run (jobs.ts) → its page, which shows
 * progress and then the report → confirm → the background commit → the same page. Editors and the admin.
 */
import { Type } from '@fastify/type-provider-typebox';
import { NotFound } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/feature.js';
import { canImportRecommendations } from '../../platform/policy.js';
import { csrfMatches } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { sendHtml } from '../../platform/web/site-deps.js';
import { workspaceRoutes } from '../../platform/web/workspace-request.js';
import { ForbiddenPage } from '../../ui/forbidden-page.js';
import { receiveUploadForm } from '../files/index.js';
import {
  createSheetImport,
  getSheetImport,
  progressOf,
  queueSheetImportCommit,
  runQueuedSheetImports,
} from './jobs.js';
import { formatOf } from './read-sheet.js';
import { MAX_UPLOAD_BYTES, SheetJobPage, SheetUploadPage, sheetPath } from './views.js';

const JobParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,9}$' }) });

export function registerSheetImportRoutes(app: FastifyTypeBox, deps: AppDeps): void {
  const startRunner = () => {
    // In the background: the request answers at once; the job's page follows it.
    void runQueuedSheetImports(deps.db, deps.now).catch((error) =>
      app.log.error({ err: error }, 'sheet import runner failed'),
    );
  };
  app.addHook('onReady', async () => {
    // Jobs left queued (or stranded by a restart) are picked up when the server starts.
    startRunner();
  });

  workspaceRoutes(app, { deps, auth: deps.auth }, (scope) => {
    scope.addHook('preHandler', async (request, reply) => {
      const w = request.workspace;
      if (!canImportRecommendations(w.user)) return sendHtml(reply, await ForbiddenPage({ ctx: w.ctx }), 403);
    });

    scope.get('/workspace/import/recommendations', async (request, reply) =>
      sendHtml(reply, await SheetUploadPage({ ...request.workspace })),
    );

    scope.post('/workspace/import/recommendations', { config: { multipartCsrf: true } }, async (request, reply) => {
      const w = request.workspace;
      const problem = async (code: string) => sendHtml(reply, await SheetUploadPage({ ...w, problem: code }), 400);
      const form = await receiveUploadForm(request, {
        field: 'file',
        maxBytes: MAX_UPLOAD_BYTES,
        csrfMatches: (sent) => csrfMatches(request, deps.auth, sent),
      });
      if (form.problem?.code === 'tooLarge') return problem('too-large');
      if (!form.file || form.file.bytes.length === 0) return problem('no-file');
      if (!formatOf(form.file.filename)) return problem('bad-type');
      const id = await createSheetImport(deps.db, {
        fileName: form.file.filename.slice(0, 200),
        bytes: form.file.bytes,
        userId: w.user.id,
        now: deps.now(),
      });
      startRunner();
      return reply.redirect(sheetPath(w.ctx, `/${id}`), 303);
    });

    scope.get('/workspace/import/recommendations/:id', { schema: { params: JobParams } }, async (request, reply) => {
      const job = await getSheetImport(deps.db, Number(request.params.id));
      if (!job) throw new NotFound('no such import');
      // A busy page is reloaded every few seconds: never kept by a cache.
      return sendHtml(reply, await SheetJobPage({ ...request.workspace, job, progress: progressOf(job) }));
    });

    scope.post(
      '/workspace/import/recommendations/:id/commit',
      { schema: { params: JobParams } },
      async (request, reply) => {
        const w = request.workspace;
        const id = Number(request.params.id);
        const job = await getSheetImport(deps.db, id);
        if (!job) throw new NotFound('no such import');
        // Refused quietly (back to the page, which says why) unless the dry run is done and clean.
        if (await queueSheetImportCommit(deps.db, id, deps.now())) startRunner();
        return reply.redirect(sheetPath(w.ctx, `/${id}`), 303);
      },
    );
  });
}
