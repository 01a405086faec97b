/**
 * /{lang}/workspace/import: upload → dry-run report (with the linter's findings) → confirm → a draft
 * release. Both posts are multipart (a file, then the text it held), parsed only in this scope, with the
 * file and each field capped at the importer's size limit; the global hooks still rate-limit them and
 * check the CSRF token.
 */
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyTypeBox } from '../../lib/fastify-typebox.js';
import { LOCALES, type Locale } from '../../lib/locales.js';
import { type SiteDeps, sendHtml } from '../../lib/site-deps.js';
import { canEditRelease } from '../accounts/policy.js';
import type { AuthOptions } from '../accounts/web.js';
import { lintText } from '../lint/lint.js';
import { loadRegistry } from '../lint/registry.js';
import { ForbiddenPage } from '../workspace/pages.js';
import { type WorkspaceRequest, workspaceRequest } from '../workspace/web.js';
import { actorOf } from '../workspace/write.js';
import { commitImport } from './commit.js';
import { planImport } from './plan.js';
import { MAX_SOURCE_BYTES, readSource, UnreadableSource } from './read-source.js';
import { ImportPage, ImportReportPage } from './views.js';

interface Upload {
  filename: string;
  data: Buffer | null;
}

interface ImportBody {
  _csrf?: string;
  lang?: string;
  file?: Upload;
  text?: string;
}

const languageOf = (value: unknown): 'en' | 'es' | undefined => (value === 'en' || value === 'es' ? value : undefined);

export function registerImportRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  for (const locale of LOCALES) {
    app.get(`/${locale}/workspace/import`, async (request, reply) => {
      const w = await editor(deps, options, request, reply, locale);
      if (!w) return reply;
      const done = (request.query as { done?: unknown }).done;
      return sendHtml(
        reply,
        await (<ImportPage {...w} done={typeof done === 'string' ? done.slice(0, 200) : undefined} />),
      );
    });
  }

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_SOURCE_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 2 * MAX_SOURCE_BYTES },
      // Keep the file's name (its format) and notice a file cut short at the limit.
      async onFile(part: MultipartFile) {
        const data = await part.toBuffer();
        (part as unknown as { value: Upload }).value = {
          filename: part.filename,
          data: part.file.truncated ? null : data,
        };
      },
    });

    for (const locale of LOCALES) {
      scope.post(`/${locale}/workspace/import`, async (request, reply) => {
        const w = await editor(deps, options, request, reply, locale);
        if (!w) return reply;
        const body = (request.body ?? {}) as ImportBody;
        const problem = async (code: string) => sendHtml(reply, await ImportPage({ ...w, problem: code }), 400);
        if (!body.file || body.file.filename === '') return problem('no-file');
        if (body.file.data === null) return problem('too-large');
        let text: string;
        try {
          text = await readSource(body.file.data, body.file.filename);
        } catch (error) {
          if (error instanceof UnreadableSource) return problem(error.problem);
          throw error;
        }
        const lang = languageOf(body.lang);
        const plan = await planImport(deps.db, text, lang);
        const findings = lintText(text, { registry: await loadRegistry(deps.db), now: deps.now(), language: lang });
        return sendHtml(
          reply,
          await (<ImportReportPage {...w} plan={plan} findings={findings} text={text} lang={lang ?? ''} />),
        );
      });

      scope.post(`/${locale}/workspace/import/commit`, async (request, reply) => {
        const w = await editor(deps, options, request, reply, locale);
        if (!w) return reply;
        const body = (request.body ?? {}) as ImportBody;
        const text = typeof body.text === 'string' ? body.text : '';
        if (text.trim() === '') return sendHtml(reply, await ImportPage({ ...w, problem: 'empty' }), 400);
        // Planned again from the confirmed text: matches made since the report are used, not stale ones.
        const plan = await planImport(deps.db, text, languageOf(body.lang));
        const result = await commitImport(deps.db, plan, w.user, actorOf(w.user), deps.now());
        return reply.redirect(`/${locale}/workspace/import?done=${encodeURIComponent(result.slug)}`, 303);
      });
    }
  });
}

/** The signed-in user if they may import (editors and the admin); otherwise the answer is already sent. */
async function editor(
  deps: SiteDeps,
  options: AuthOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
): Promise<WorkspaceRequest | null> {
  const w = workspaceRequest(deps, options, request, reply, locale);
  if (!w) return null;
  if (!canEditRelease(w.user)) {
    await sendHtml(reply, await ForbiddenPage({ ctx: w.ctx }), 403);
    return null;
  }
  return w;
}
