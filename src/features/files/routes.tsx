/**
 * The public file route (`/files/:sha256`) and the upload forms for logos and full documents.
 * Upload POSTs are multipart, streamed (multipart.ts), checked by content (sniff.ts), and only then
 * written, with the owner's version check and an audit row (service.ts).
 */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UploadLimits } from '../../platform/feature.js';
import { RowNumber } from '../../platform/forms/form-body.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { isVisibleToPublic } from '../../platform/visibility.js';
import { type AuthOptions, csrfMatches, type currentUser } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { type pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { signedInRoutes } from '../../platform/web/workspace-request.js';
import { localizedNamePlain, localizedPlain } from '../../ui/localized-view.js';
import { receiveUploadForm } from './multipart.js';
import {
  type FileRow,
  getDocumentTarget,
  getLogoTarget,
  getPublicFile,
  isDocumentType,
  type NewFile,
  setOrganizationLogo,
  setStatementDocument,
} from './service.js';
import { inspectUpload } from './sniff.js';
import { type UploadField, type UploadProblem, UploadRejected } from './upload-error.js';
import { DocumentUploadPage, LogoUploadPage } from './views.js';

export interface FileRouteOptions {
  auth: AuthOptions;
  limits: UploadLimits;
}

const Sha256Params = Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });
const RemoveBody = Type.Object({ _csrf: Type.String({ maxLength: 200 }), version: RowNumber });

/**
 * Bytes never change under their hash, but whether the public may have them does: a statement is
 * unpublished or withdrawn, a logo removed, a follow-up entry taken back to draft. So a public file may
 * be kept by any cache that asks again before each use (the ETag makes that a body-less 304), and the
 * answer for a file the public may not see (404) is never stored. Never `immutable`, never a max-age.
 */
export const CACHE_PUBLIC_FILE = 'public, no-cache';
export const CACHE_NOT_PUBLIC = 'private, no-store';

export function registerFileRoutes(app: FastifyTypeBox, deps: SiteDeps, options: FileRouteOptions): void {
  app.get('/files/:sha256', { schema: { params: Sha256Params } }, async (request, reply) => {
    // Asked again (If-None-Match) after a take-down, the 404 must not be stored either.
    reply.header('cache-control', CACHE_NOT_PUBLIC);
    const file = await getPublicFile(deps.db, request.params.sha256, deps.now());
    return sendFile(request, reply, file);
  });

  localizedRoutes(app, (scope, locale) => {
    registerUploadRoutes(scope, deps, options, locale, logoForm(deps, options));
    registerUploadRoutes(scope, deps, options, locale, documentForm(deps, options));
  });
}

/** A stored file as its own response; `cache`: CACHE_NOT_PUBLIC for a file only some readers may see. */
export function sendFile(request: FastifyRequest, reply: FastifyReply, file: FileRow, cache = CACHE_PUBLIC_FILE) {
  const document = isDocumentType(file.mediaType);
  reply
    .header('content-type', file.mediaType)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cache)
    .header('etag', `"${file.sha256}"`)
    // Opened on its own, a file is a sandboxed document that may load nothing: an SVG that somehow
    // kept a script could not run it, and could not fetch anything either.
    .header(
      'content-security-policy',
      file.mediaType === 'image/svg+xml'
        ? "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
        : "default-src 'none'; sandbox",
    );
  if (document) reply.header('content-disposition', contentDisposition(file));
  if (request.headers['if-none-match'] === `"${file.sha256}"`) return reply.code(304).send();
  return reply.send(file.bytes);
}

/** `attachment` with the uploader's file name (RFC 6266: an ASCII fallback plus the UTF-8 name). */
export function contentDisposition(file: Pick<FileRow, 'originalName' | 'mediaType'>): string {
  const extension = file.mediaType === 'application/pdf' ? '.pdf' : '.docx';
  let name = file.originalName.replace(/[\\/"]|\p{Cc}/gu, '_').trim() || 'document';
  if (!name.toLowerCase().endsWith(extension)) name += extension;
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function doneNotice(ctx: ReturnType<typeof pageContext>, done: string | undefined): string | null {
  if (done === 'saved') return ctx.t.filesSaved;
  if (done === 'removed') return ctx.t.filesRemoved;
  return null;
}

/** Reads the form and the file; the problem (if any) is what the page must say. */
export async function receiveFile(
  request: FastifyRequest,
  options: Pick<FileRouteOptions, 'auth'>,
  field: UploadField,
  maxBytes: number,
): Promise<{ file: NewFile | null; version: number | null; problem: UploadProblem | null }> {
  if (!request.isMultipart()) return { file: null, version: null, problem: { code: 'badForm' } };
  const form = await receiveUploadForm(request, {
    field,
    maxBytes,
    csrfMatches: (sent) => csrfMatches(request, options.auth, sent),
  });
  const version = /^\d{1,9}$/.test(form.fields.version ?? '') ? Number(form.fields.version) : null;
  if (form.problem) return { file: null, version, problem: form.problem };
  if (version === null || !form.file) return { file: null, version, problem: { code: 'badForm' } };
  try {
    const inspected = await inspectUpload(field, form.file.bytes);
    return { file: { ...inspected, originalName: form.file.filename }, version, problem: null };
  } catch (error) {
    if (error instanceof UploadRejected) return { file: null, version, problem: error.problem };
    throw error;
  }
}

/** The HTTP status a refused upload answers with (413 too large, 415 wrong type, else 400). */
export const statusOf = (problem: UploadProblem) => new UploadRejected('logo', problem).statusCode;

type PageState = { problem: UploadProblem | null; notice: string | null; version?: number | null; status?: number };
type SignedIn = NonNullable<ReturnType<typeof currentUser>>;

/** What differs between the logo and the document upload forms. */
interface UploadForm {
  /** After `/${locale}/workspace/`, with `:slug`. */
  path: string;
  field: UploadField;
  maxBytes: number;
  /** The policy and the owner (NotFound/Forbidden), asked before a byte of the file is read. */
  check: (slug: string, user: SignedIn) => Promise<unknown>;
  page: (slug: string, user: SignedIn, ctx: PageContext, csrf: string, state: PageState) => Promise<JSX.Element>;
  save: (input: { slug: string; version: number; file: NewFile | null }, user: SignedIn) => Promise<unknown>;
}

function logoForm(deps: SiteDeps, options: FileRouteOptions): UploadForm {
  return {
    path: 'organizations/:slug/logo',
    field: 'logo',
    maxBytes: options.limits.logoBytes,
    check: (slug, user) => getLogoTarget(deps.db, slug, user),
    page: async (slug, user, ctx, csrf, state) => {
      const { organization, logo } = await getLogoTarget(deps.db, slug, user);
      return (
        <LogoUploadPage
          ctx={ctx}
          user={user}
          csrf={csrf}
          organization={{
            slug: organization.slug,
            name: localizedNamePlain(organization.localizedName, organization.name, ctx),
            version: state.version ?? organization.version,
          }}
          logo={logo}
          limitBytes={options.limits.logoBytes}
          problem={state.problem}
          notice={state.notice}
        />
      );
    },
    save: (input, user) => setOrganizationLogo(deps.db, input, user, deps.now()),
  };
}

function documentForm(deps: SiteDeps, options: FileRouteOptions): UploadForm {
  return {
    path: 'statements/:slug/document',
    field: 'document',
    maxBytes: options.limits.documentBytes,
    check: (slug, user) => getDocumentTarget(deps.db, slug, user),
    page: async (slug, user, ctx, csrf, state) => {
      const { statement, document } = await getDocumentTarget(deps.db, slug, user);
      return (
        <DocumentUploadPage
          ctx={ctx}
          user={user}
          csrf={csrf}
          statement={{
            slug: statement.slug,
            title: localizedPlain(statement.title, ctx) || statement.slug,
            version: state.version ?? statement.version,
            isPublic: isVisibleToPublic(statement, deps.now()),
            externalUrl: statement.fullDocumentUrl,
          }}
          document={document}
          limitBytes={options.limits.documentBytes}
          problem={state.problem}
          notice={state.notice}
        />
      );
    },
    save: (input, user) => setStatementDocument(deps.db, input, user, deps.now()),
  };
}

/** The form page, the upload POST and the remove POST of one kind of file, in a locale's scope. */
function registerUploadRoutes(
  scope: FastifyTypeBox,
  deps: SiteDeps,
  options: FileRouteOptions,
  locale: Locale,
  form: UploadForm,
) {
  const path = `/workspace/${form.path}`;
  const done = (slug: string, what: 'saved' | 'removed') =>
    `/${locale}/workspace/${form.path.replace(':slug', slug)}?done=${what}`;

  async function renderPage(request: FastifyRequest, reply: FastifyReply, slug: string, state: PageState) {
    const { user, ctx, csrf } = request.workspace;
    const page = await form.page(slug, user, ctx, csrf, state);
    return sendHtml(reply, page, state.status ?? 200);
  }

  // The page: visitors without a session are sent to sign in.
  signedInRoutes(scope, { deps, auth: options.auth }, (guarded) =>
    guarded.get(path, { schema: { params: SlugParams, querystring: DoneQuery } }, async (request, reply) =>
      renderPage(request, reply, request.params.slug, {
        problem: null,
        notice: doneNotice(request.workspace.ctx, request.query.done),
      }),
    ),
  );

  // The posts: sent by the page, so no session means a refusal (403), not a redirect.
  signedInRoutes(scope, { deps, auth: options.auth, signedOut: 'refuse' }, (guarded) => {
    guarded.post(path, { schema: { params: SlugParams }, config: { multipartCsrf: true } }, async (request, reply) => {
      const { user } = request.workspace;
      // The policy is asked before a byte of the file is read.
      await form.check(request.params.slug, user);
      const { file, version, problem } = await receiveFile(request, options, form.field, form.maxBytes);
      if (problem || !file || version === null) {
        const shown = problem ?? { code: 'badForm' as const };
        return renderPage(request, reply, request.params.slug, {
          problem: shown,
          notice: null,
          version,
          status: statusOf(shown),
        });
      }
      await form.save({ slug: request.params.slug, version, file }, user);
      return reply.redirect(done(request.params.slug, 'saved'), 303);
    });

    guarded.post(`${path}/remove`, { schema: { params: SlugParams, body: RemoveBody } }, async (request, reply) => {
      const { user } = request.workspace;
      await form.save({ slug: request.params.slug, version: request.body.version, file: null }, user);
      return reply.redirect(done(request.params.slug, 'removed'), 303);
    });
  });
}
