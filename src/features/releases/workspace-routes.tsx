/**
 * /{lang}/workspace/releases…: the release list, the create form, the editor, and previews of the
 * draft as PDF and Word for signed-in editors (any state: drafts never reach public URLs, whose
 * routes ask platform/visibility.ts).
 */
import { Type } from '@fastify/type-provider-typebox';
import { Forbidden, Invalid } from '../../platform/errors.js';
import {
  type Form,
  FormBody,
  field,
  originalLocale,
  PageCursorQuery,
  pair,
  rowId,
  Slug,
  SlugParams,
  seenVersion,
} from '../../platform/forms/form-body.js';
import { isLocale, LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { canEditRelease } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { instantToLocal } from '../../platform/text/time-zones.js';
import { isVisibilityState } from '../../platform/visibility.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { saveForm, type WorkspaceRequest, workspaceRoutes } from '../../platform/web/workspace-request.js';
import { type FailedForm, pageFormPoster, readPicked, rebaseTyped, registryChoices } from '../statements/index.js';
import { type BlockInput, setReleaseBlocks } from './blocks-service.js';
import { createRelease, deleteRelease } from './edit-service.js';
import { ReleaseEditorPage, type ReleaseForm } from './editor-views.js';
import { lintWithStore } from './lint-results.js';
import { changeReleasePublication } from './publication-service.js';
import { PublishConfirmPage } from './publish-confirm-views.js';
import { readReleaseEdit, releaseFields } from './release-form.js';
import { saveRelease } from './release-save.js';
import { CONTENT_TYPES, writeFormat } from './render.js';
import { buildRenderModel, gapMessage } from './render-model.js';
import { getRelease } from './service.js';
import { getReleaseForEditing, listReleasesForEditing } from './workspace-read.js';
import { NewReleasePage, ReleaseListPage } from './workspace-views.js';

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  state: Type.Optional(Type.String({ maxLength: 20 })),
  ...PageCursorQuery,
});
/** The editor's query: the preview's language and the words each bounded picker's search looks for. */
const FIND_PARAMS = ['find-statement', 'find-contacts', 'find-highlights', 'find-boilerplates'] as const;
export type EditorFinds = Partial<Record<(typeof FIND_PARAMS)[number], string>>;
const EditorQuery = Type.Object({
  preview: Type.Optional(Type.String({ maxLength: 5 })),
  ...Object.fromEntries(FIND_PARAMS.map((p) => [p, Type.Optional(Type.String({ maxLength: 100 }))])),
});

/** The words of the editor's searches a posted form carries. */
function findsOf(values: Record<string, unknown>): EditorFinds {
  return Object.fromEntries(
    FIND_PARAMS.flatMap((p) => (typeof values[p] === 'string' && values[p] ? [[p, values[p]]] : [])),
  );
}

/** Ids a failed form ticked or chose, so the re-drawn form still offers them. */
function typedIds(typed: Form | undefined, names: string[]): number[] {
  if (!typed) return [];
  return names.flatMap((name) => [...readPicked(typed, name), rowId(field(typed, name))]).filter((n) => n !== null);
}
const PreviewParams = Type.Object({ slug: Slug, format: Type.Union([Type.Literal('pdf'), Type.Literal('docx')]) });
const PreviewQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })) });

export function registerReleaseWorkspaceRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  workspaceRoutes(app, { deps, auth: options, allow: editorsOnly }, (scope, locale) => {
    const path = '/workspace/releases';
    const root = `/${locale}${path}`;

    const editorPage = async (
      w: WorkspaceRequest,
      slug: string,
      previewLocale: Locale,
      failed?: FailedForm<ReleaseForm>,
      finds: EditorFinds = {},
    ) => {
      const now = deps.now();
      const [data, source] = await Promise.all([
        getReleaseForEditing(deps.db, slug, now),
        getRelease(deps.db, slug, now),
      ]);
      // Organizations, people and statements are offered bounded: what the release has (or a failed
      // form chose) and what the editor's searches find (registryChoices).
      const typed = failed?.typed as Form | undefined;
      const blockPeople = data.blocks.map((b) => b.personId);
      const quotePeople = data.quotes.map((q) => q.personId);
      const blockFields = data.blocks.map((_, i) => `block_${i}_person`);
      const choices = await registryChoices(deps.db, {
        people: {
          chosen: [
            ...data.contactIds,
            ...[...blockPeople, ...quotePeople].filter((n) => n !== null),
            ...typedIds(typed, ['contacts', 'person', ...blockFields]),
          ],
          find: finds['find-contacts'],
        },
        organizations: {
          chosen: [...data.boilerplateIds, ...typedIds(typed, ['boilerplates'])],
          find: finds['find-boilerplates'],
        },
        statements: {
          chosen: [
            ...(data.release.statementId === null ? [] : [data.release.statementId]),
            ...typedIds(typed, ['statementId']),
          ],
          find: finds['find-statement'],
        },
      });
      const model = buildRenderModel(source, previewLocale);
      const r = data.release;
      const conflict = failed?.outcome.conflict;
      const merged =
        failed?.typed && conflict && failed.form === 'details'
          ? {
              ...failed,
              typed: rebaseTyped(
                failed.typed,
                conflict,
                { headline: r.headline, subheadline: r.subheadline, datelinePlace: r.datelinePlace, lead: r.lead },
                {
                  releaseDate: r.releaseDate,
                  fullDocumentUrl: r.fullDocumentUrl ?? '',
                  endMark: r.endMark,
                  statementId: r.statementId === null ? '' : String(r.statementId),
                },
              ),
            }
          : failed;
      return ReleaseEditorPage({
        ...w,
        data,
        choices,
        finds,
        failed: merged,
        embargoLocal: r.embargoedUntil ? instantToLocal(r.embargoedUntil, r.timeZone) : '',
        preview: {
          locale: previewLocale,
          model,
          gaps: model.gaps.map((g) => gapMessage(g, w.ctx.t)),
          findings: await lintWithStore(deps.db, source, now),
        },
      }) as Promise<string>;
    };

    scope.get(path, { schema: { querystring: ListQuery } }, async (request, reply) => {
      const w = request.workspace;
      const q = request.query.q ?? '';
      const state = isVisibilityState(request.query.state) ? request.query.state : '';
      const filter = { q, ...(state ? { state } : {}) };
      const page = await listReleasesForEditing(deps.db, filter, deps.now(), request.query);
      return sendHtml(reply, await (<ReleaseListPage {...w} page={page} q={q} state={state} />));
    });

    // A new release offers the newest statements; the editor's search finds any other one later.
    scope.get(`${path}/new`, async (request, reply) => {
      const w = request.workspace;
      const choices = await registryChoices(deps.db);
      return sendHtml(reply, await (<NewReleasePage {...w} typed={undefined} outcome={{}} choices={choices} />));
    });

    scope.post(path, { schema: { body: FormBody } }, async (request, reply) => {
      const w = request.workspace;
      const body = request.body as Form;
      const choices = await registryChoices(deps.db, { statements: { chosen: typedIds(body, ['statementId']) } });
      return saveForm(
        reply,
        w.ctx,
        async () => {
          const r = await createRelease(
            deps.db,
            { ...releaseFields(body, locale), slug: field(body, 'slug') },
            w.user,
            deps.now(),
          );
          return `${root}/${r.slug}`;
        },
        (outcome) => <NewReleasePage {...w} typed={body} outcome={outcome} choices={choices} />,
      );
    });

    scope.get(`${path}/:slug`, { schema: { params: SlugParams, querystring: EditorQuery } }, async (request, reply) => {
      const w = request.workspace;
      const query = request.query as EditorFinds & { preview?: string };
      const previewLocale = isLocale(query.preview) ? query.preview : locale;
      const finds = findsOf(query);
      return sendHtml(reply, await editorPage(w, request.params.slug, previewLocale, undefined, finds));
    });

    // The draft as a file, for editors only: the same writers as the public downloads.
    scope.get(
      `${path}/:slug/preview.:format`,
      { schema: { params: PreviewParams, querystring: PreviewQuery } },
      async (request, reply) => {
        const { slug, format } = request.params;
        const language = isLocale(request.query.lang) ? request.query.lang : locale;
        const model = buildRenderModel(await getRelease(deps.db, slug, deps.now()), language);
        const body = await writeFormat(model, format);
        return reply
          .type(CONTENT_TYPES[format])
          .header(
            'content-disposition',
            `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${slug}-${language}-draft.${format}"`,
          )
          .send(body);
      },
    );

    // Every save below says where to go (an absolute URL), so `root` is only the route path here.
    const editorPost = pageFormPoster<ReleaseForm>(scope, {
      root: path,
      guard: (request) => request.workspace,
      // A posted form (a search, or a failed save) keeps its searches' words and the preview's language.
      render: (w, slug, failed) => {
        const typed = failed.typed;
        const preview = typed ? field(typed, 'preview') : '';
        return editorPage(w, slug, isLocale(preview) ? preview : locale, failed, typed ? findsOf(typed) : {});
      },
    });

    // The editor's one form: fields, lists and body in one save (release-save.ts).
    editorPost('', 'details', async (w, slug, body) => {
      await saveRelease(deps.db, readReleaseEdit(body, locale, slug), w.user, deps.now());
      return `${root}/${slug}`;
    });
    editorPost('/blocks/add', 'addBlock', async (w, slug, body) => {
      const data = await getReleaseForEditing(deps.db, slug, deps.now());
      const existing: BlockInput[] = data.blocks.map((b) => ({
        id: b.id,
        kind: b.kind,
        text: Object.fromEntries(LOCALES.map((l) => [l, b.text[l]?.text ?? ''])),
        personId: b.personId,
      }));
      const kind = field(body, 'kind');
      // A quote of the statement is copied into the release, which may trim it for the press.
      const quote = data.quotes.find((q) => String(q.id) === field(body, 'quoteId'));
      const added: BlockInput = quote
        ? {
            kind: 'quote',
            personId: quote.personId,
            text: Object.fromEntries(LOCALES.map((l) => [l, quote.text[l]?.text ?? ''])),
          }
        : {
            kind: kind === 'quote' || kind === 'highlights' ? kind : 'text',
            personId: rowId(field(body, 'person')),
            text: pair(body, 'text'),
          };
      const n = existing.length;
      try {
        await setReleaseBlocks(
          deps.db,
          {
            slug,
            version: seenVersion(body),
            blocks: [...existing, added],
            originalLocale: originalLocale(body, locale),
          },
          w.user,
          deps.now(),
        );
      } catch (error) {
        // The new block's problems are named for the add form's fields.
        if (error instanceof Invalid)
          throw new Invalid(
            error.message,
            error.problems.map((p) => ({ ...p, field: p.field.replace(`block_${n}_`, 'block_new_') })),
          );
        throw error;
      }
      return `${root}/${slug}#blocks-title`;
    });
    // "Publish" is a link to this confirmation page: what becomes public, when, and what stands in the way.
    scope.get(`${path}/:slug/publish`, { schema: { params: SlugParams } }, async (request, reply) => {
      const w = request.workspace;
      const now = deps.now();
      const { slug } = request.params;
      const [data, source] = await Promise.all([
        getReleaseForEditing(deps.db, slug, now),
        getRelease(deps.db, slug, now),
      ]);
      const findings = await lintWithStore(deps.db, source, now);
      return sendHtml(reply, await (<PublishConfirmPage {...w} data={data} findings={findings} now={now} />));
    });
    // Only the confirmation page's form publishes: a post without its "confirmed" mark (an old page,
    // a hand-made form) is sent to the confirmation page, and nothing changes.
    scope.post(`${path}/:slug/publish`, { schema: { params: SlugParams, body: FormBody } }, async (request, reply) => {
      const w = request.workspace;
      const { slug } = request.params;
      const body = request.body as Form;
      if (field(body, 'confirmed') !== '1') return reply.redirect(`${root}/${encodeURIComponent(slug)}/publish`, 303);
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await changeReleasePublication(
            deps.db,
            { slug, action: 'publish', version: seenVersion(body) },
            w.user,
            deps.now(),
          );
          return `${root}/${slug}`;
        },
        (outcome) => editorPage(w, slug, locale, { form: 'publication', typed: body, outcome }),
      );
    });
    for (const action of ['unpublish', 'withdraw'] as const) {
      editorPost(`/${action}`, 'publication', async (w, slug, body) => {
        await changeReleasePublication(deps.db, { slug, action, version: seenVersion(body) }, w.user, deps.now());
        return `${root}/${slug}`;
      });
    }
    editorPost('/delete', 'publication', async (w, slug, body) => {
      await deleteRelease(deps.db, { slug, version: seenVersion(body) }, w.user, deps.now());
      return root;
    });
  });
}

/** Signed-in people other than editors and the admin are refused (403 page). */
function editorsOnly(user: UserRow): void {
  if (!canEditRelease(user)) throw new Forbidden('Press releases are edited by editors and the admin');
}
