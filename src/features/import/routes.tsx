/**
 * /{lang}/workspace/import: upload → dry-run report (with the linter's findings) → confirm → a draft
 * release. The upload is multipart, streamed with the uploads' reader; the confirmation is an ordinary form.
 */
import { canEditRelease } from '../../platform/policy.js';
import { type AuthOptions, csrfMatches } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { workspaceRoutes } from '../../platform/web/workspace-request.js';
import { actorOf } from '../../platform/write.js';
import { ForbiddenPage } from '../../ui/forbidden-page.js';
import { receiveUploadForm } from '../files/index.js';
import { lintText, loadRegistry } from '../lint/index.js';
import { commitImport } from './commit.js';
import { planImport } from './plan.js';
import { MAX_SOURCE_BYTES, readSource, UnreadableSource } from './read-source.js';
import { ImportPage, ImportReportPage } from './views.js';

interface CommitBody {
  lang?: string;
  text?: string;
  confirm?: string | string[];
}

const languageOf = (value: unknown): 'en' | 'es' | undefined => (value === 'en' || value === 'es' ? value : undefined);

export function registerImportRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  workspaceRoutes(app, { deps, auth: options }, (scope, locale) => {
    // Editors and the admin import; anyone else signed in gets the refusal page.
    scope.addHook('preHandler', async (request, reply) => {
      const w = request.workspace;
      if (!canEditRelease(w.user)) return sendHtml(reply, await ForbiddenPage({ ctx: w.ctx }), 403);
    });

    scope.get('/workspace/import', async (request, reply) => {
      const w = request.workspace;
      const done = (request.query as { done?: unknown }).done;
      return sendHtml(
        reply,
        await (<ImportPage {...w} done={typeof done === 'string' ? done.slice(0, 200) : undefined} />),
      );
    });

    // The file is read as it streams in, after the CSRF field (features/files/multipart.ts), capped at
    // the importer's limit; the global hooks still rate-limit the post.
    scope.post('/workspace/import', { config: { multipartCsrf: true } }, async (request, reply) => {
      const w = request.workspace;
      const problem = async (code: string) => sendHtml(reply, await ImportPage({ ...w, problem: code }), 400);
      const form = await receiveUploadForm(request, {
        field: 'file',
        maxBytes: MAX_SOURCE_BYTES,
        csrfMatches: (sent) => csrfMatches(request, options, sent),
      });
      if (form.problem?.code === 'tooLarge') return problem('too-large');
      if (!form.file) return problem('no-file');
      let text: string;
      try {
        text = await readSource(form.file.bytes, form.file.filename);
      } catch (error) {
        if (error instanceof UnreadableSource) return problem(error.problem);
        throw error;
      }
      const lang = languageOf(form.fields.lang);
      const plan = await planImport(deps.db, text, lang);
      const findings = lintText(text, { registry: await loadRegistry(deps.db), now: deps.now(), language: lang });
      return sendHtml(
        reply,
        await (<ImportReportPage {...w} plan={plan} findings={findings} text={text} lang={lang ?? ''} />),
      );
    });

    // The confirmation carries the text the report showed, as an ordinary form (urlencoded), so its limit
    // is the importer's rather than the 64 KB of other forms.
    scope.post('/workspace/import/commit', { bodyLimit: 4 * MAX_SOURCE_BYTES }, async (request, reply) => {
      const w = request.workspace;
      const body = (request.body ?? {}) as CommitBody;
      const text = typeof body.text === 'string' ? body.text : '';
      if (text.trim() === '') return sendHtml(reply, await ImportPage({ ...w, problem: 'empty' }), 400);
      // Planned again from the confirmed text: matches made since the report are used, not stale ones.
      const lang = languageOf(body.lang);
      const plan = await planImport(deps.db, text, lang);
      // Fields the importer is unsure of must each be confirmed by the editor (a ticked box) before saving.
      const confirmed = (Array.isArray(body.confirm) ? body.confirm : body.confirm ? [body.confirm] : []).filter(
        (c): c is string => typeof c === 'string',
      );
      const unconfirmed = plan.extraction.recognition
        .filter((rec) => rec.unsure && !confirmed.includes(rec.field))
        .map((rec) => rec.field);
      if (unconfirmed.length > 0) {
        const findings = lintText(text, { registry: await loadRegistry(deps.db), now: deps.now(), language: lang });
        return sendHtml(
          reply,
          await (
            <ImportReportPage
              {...w}
              plan={plan}
              findings={findings}
              text={text}
              lang={lang ?? ''}
              unconfirmed={unconfirmed}
              confirmed={confirmed}
            />
          ),
          400,
        );
      }
      const result = await commitImport(deps.db, plan, w.user, actorOf(w.user), deps.now());
      return reply.redirect(`/${locale}/workspace/import?done=${encodeURIComponent(result.slug)}`, 303);
    });
  });
}
