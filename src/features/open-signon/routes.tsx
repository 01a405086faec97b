/**
 * Open sign-on's routes. Public: /{lang}/statements/:slug/sign (the statement and the form; a statement
 * that is not public is a 404), the two links' pages /{lang}/open-sign-on/{verify,withdraw}/:token (a GET
 * shows one button; the POST acts, so a mail scanner following links changes nothing). Workspace, for
 * editors: /{lang}/workspace/open-sign-on[/:slug] with the settings, the queue's decisions and the exports.
 * CSRF and the global POST rate limit are platform/web/auth.ts's; the form adds its own limits per
 * address and per email (429 page), a honeypot field and a small body limit.
 */
import { Type } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as t from '../../platform/db/schema/index.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/feature.js';
import { FlatFormBody, field, fields, PageCursorQuery, rowId, SlugParams } from '../../platform/forms/form-body.js';
import { type FieldErrors, fieldErrors } from '../../platform/forms/validation.js';
import { canManageOrganizations, canManageSignOn } from '../../platform/policy.js';
import { csrfMatches, csrfToken } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { hitRateLimits, RATE_LIMITS } from '../../platform/web/rate-limit.js';
import { pageContext, sendHtml } from '../../platform/web/site-deps.js';
import { redirectSaved, saveForm, signedInRoutes } from '../../platform/web/workspace-request.js';
import { assertAllowed } from '../../platform/write.js';
import { RefusedPage } from '../../ui/error-pages.js';
import { localizedPlain } from '../../ui/localized-view.js';
import { CONTENT_TYPES, csvStream, xlsxStream } from '../exports/index.js';
import {
  CACHE_NOT_PUBLIC,
  inspectUpload,
  type NewFile,
  problemMessage,
  receiveUploadForm,
  sendFile,
  statusOf,
  storedFile,
  type UploadProblem,
  UploadRejected,
} from '../files/index.js';
import { readStatementPage, StatementPageQuery, statementListCursors, statementPagers } from '../statements/index.js';
import { listOpenSignOn, openSignatories, SIGNATORY_HEADERS, signatoryExportRows } from './list-service.js';
import { type Decision, decideSubmission, moderationQueue, submissionLogo } from './moderation-service.js';
import { openSignOnIsOpen, readSettings, saveOpenSignOnSettings, statementBySlug } from './settings-service.js';
import {
  emailKeyOf,
  publicStatementWithSettings,
  submissionOfLink,
  submitSignature,
  verifySignature,
  withdrawOpenSignature,
} from './submit-service.js';
import { LinkConfirmPage, MessagePage, OpenSignOnPage, signPath, TRAP_FIELD, type Typed } from './views.js';
import { OpenSignOnListPage, OpenSignOnStatementPage, workspacePath } from './workspace-views.js';

/** Far more than the form's fields can hold (their lengths are checked one by one), far less than a flood. */
const SIGN_BODY_LIMIT = 16 * 1024;
const SIGN_FIELDS = ['kind', 'name', 'acronym', 'country', 'website', 'contactName', 'email'] as const;
const SignBody = Type.Object(
  {
    _csrf: Type.String({ maxLength: 200 }),
    kind: Type.Optional(Type.String({ maxLength: 20 })),
    name: Type.Optional(Type.String({ maxLength: 1000 })),
    acronym: Type.Optional(Type.String({ maxLength: 1000 })),
    country: Type.Optional(Type.String({ maxLength: 10 })),
    website: Type.Optional(Type.String({ maxLength: 2000 })),
    contactName: Type.Optional(Type.String({ maxLength: 1000 })),
    email: Type.Optional(Type.String({ maxLength: 1000 })),
    [TRAP_FIELD]: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
/**
 * The form is urlencoded, or multipart when it asks for a logo (the file last). A multipart body is read
 * by the handler (receiveUploadForm checks its CSRF field before the file), so it has no schema here;
 * its text fields get the same per-field checks as the urlencoded ones (submit-service.ts's `checked`).
 */
const SignBodies = {
  content: {
    'application/x-www-form-urlencoded': { schema: SignBody },
    'application/json': { schema: SignBody },
    'multipart/form-data': { schema: Type.Any() },
  },
};
type SignFields = Partial<Record<string, string>>;
const LogoParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 200 }),
  id: Type.String({ pattern: '^[0-9]{1,9}$' }),
});
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });
const DecisionParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 200 }),
  id: Type.String({ pattern: '^[0-9]{1,9}$' }),
  decision: Type.Union([Type.Literal('approve'), Type.Literal('reject'), Type.Literal('spam'), Type.Literal('merge')]),
});
const ExportParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 200 }),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
});
const SettingsBody = Type.Object(
  { _csrf: Type.String({ maxLength: 200 }) },
  {
    additionalProperties: Type.Union([
      Type.String({ maxLength: 200 }),
      Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 }),
    ]),
  },
);

export function registerOpenSignOnRoutes(app: FastifyTypeBox, deps: AppDeps): void {
  localizedRoutes(app, (scope, locale) => {
    /**
     * Over a limit (per address, and per email when one was typed; counted together in one statement):
     * the 429 page in the reader's language, saying when to try again.
     */
    async function overLimit(reply: FastifyReply, ctx: PageContext, address: string, emailKey: string) {
      const hits = [{ key: `open-signon:${address}`, limit: RATE_LIMITS.openSignOn }];
      if (emailKey) hits.push({ key: `open-signon-email:${emailKey}`, limit: RATE_LIMITS.openSignOnEmail });
      const refused = (await hitRateLimits(deps.db, hits, deps.now())).find((hit) => !hit.allowed);
      if (!refused) return false;
      reply.header('retry-after', String(refused.retryAfterSeconds));
      sendHtml(reply, await (<RefusedPage ctx={ctx} status={429} reason="openSignonTooManyReason" />), 429);
      return true;
    }

    async function signPage(
      slug: string,
      query: Record<string, string | undefined>,
      csrf: string,
      ctx: PageContext,
      form?: { typed: Typed; errors: FieldErrors },
    ) {
      const now = deps.now();
      const { statement, settings } = await publicStatementWithSettings(deps.db, slug, now);
      if (!settings) throw new NotFound(`Statement "${slug}" was never opened for public sign-on`);
      if (!openSignOnIsOpen(settings, now)) {
        const reason = settings.open ? ctx.t.openSignonDeadlinePassedReason : ctx.t.openSignonClosedReason;
        return MessagePage({ ctx, title: ctx.t.refusedTitle, message: reason, statementSlug: slug });
      }
      const cursors = statementListCursors(query);
      const [page, signatories] = await Promise.all([
        readStatementPage(deps.db, statement, { theme: null, ...cursors }, { withRecommendationAddressees: true }),
        openSignatories(deps.db, statement.id),
      ]);
      return OpenSignOnPage({
        ctx,
        csrf,
        statement,
        settings,
        page,
        pagers: statementPagers(signPath(locale, slug), query, page),
        signatories,
        sendsMail: deps.sendsMail,
        typed: form?.typed,
        errors: form?.errors,
        logoLimitBytes: deps.uploadLimits.logoBytes,
      });
    }

    scope.get(
      '/statements/:slug/sign',
      { schema: { params: SlugParams, querystring: Type.Object(StatementPageQuery) } },
      async (request, reply) => {
        const ctx = pageContext(deps, request, locale);
        const csrf = csrfToken(request, reply, deps.auth);
        return sendHtml(reply, await signPage(request.params.slug, request.query, csrf, ctx));
      },
    );

    /** The form's fields and its logo: a multipart body is streamed here, its file checked by content. */
    async function readSignForm(
      request: FastifyRequest,
    ): Promise<{ body: SignFields; logo: NewFile | null; problem: UploadProblem | null }> {
      if (!request.isMultipart()) return { body: request.body as SignFields, logo: null, problem: null };
      const form = await receiveUploadForm(request, {
        field: 'logo',
        maxBytes: deps.uploadLimits.logoBytes,
        csrfMatches: (sent) => csrfMatches(request, deps.auth, sent),
        maxFields: SIGN_FIELDS.length + 2,
      });
      // The logo is optional: a form sent without one (the browser's empty file part) simply has none.
      if (form.problem?.code === 'noFile') return { body: form.fields, logo: null, problem: null };
      if (form.problem || !form.file) return { body: form.fields, logo: null, problem: form.problem };
      try {
        const inspected = await inspectUpload('logo', form.file.bytes);
        return { body: form.fields, logo: { ...inspected, originalName: form.file.filename }, problem: null };
      } catch (error) {
        if (error instanceof UploadRejected) return { body: form.fields, logo: null, problem: error.problem };
        throw error;
      }
    }

    scope.post(
      '/statements/:slug/sign',
      { schema: { params: SlugParams, body: SignBodies }, bodyLimit: SIGN_BODY_LIMIT, config: { multipartCsrf: true } },
      async (request, reply) => {
        const ctx = pageContext(deps, request, locale);
        // Without SMTP no link could reach the signer, and an unconfirmed signature never counts.
        if (!deps.sendsMail) throw new Invalid('This server sends no email', [], 'openSignonNoMailReason');
        const { body, logo, problem } = await readSignForm(request);
        const typed = fields(body, SIGN_FIELDS);
        if (await overLimit(reply, ctx, request.ip, emailKeyOf(typed.email))) return reply;
        if ((body[TRAP_FIELD] ?? '') !== '') {
          throw new Invalid('The honeypot field was filled in', [], 'openSignonTrapReason');
        }
        const { slug } = request.params;
        if (problem) {
          // A refused logo: the form again with the reason beside the file field; nothing is stored.
          const csrf = csrfToken(request, reply, deps.auth);
          const errors = { logo: problemMessage(ctx.t, 'logo', problem, locale) };
          return sendHtml(reply, await signPage(slug, {}, csrf, ctx, { typed, errors }), statusOf(problem));
        }
        try {
          const { created } = await submitSignature(deps.db, { slug, ...typed, locale, logo }, deps.now(), {
            baseUrl: deps.baseUrl,
          });
          const email = typed.email.trim();
          const message = created ? ctx.t.openSignonSent(email) : ctx.t.openSignonSentAgain(email);
          return sendHtml(
            reply,
            await MessagePage({ ctx, title: ctx.t.openSignonSentTitle, message, statementSlug: slug }),
          );
        } catch (error) {
          if (!(error instanceof Invalid) || error.problems.length === 0) throw error;
          const csrf = csrfToken(request, reply, deps.auth);
          const errors = fieldErrors(error.problems, ctx.t);
          return sendHtml(reply, await signPage(slug, {}, csrf, ctx, { typed, errors }), 400);
        }
      },
    );

    for (const purpose of ['verify', 'withdraw'] as const) {
      const verify = purpose === 'verify';
      scope.get(`/open-sign-on/${purpose}/:token`, { schema: { params: TokenParams } }, async (request, reply) => {
        const ctx = pageContext(deps, request, locale);
        const { submission } = await submissionOfLink(deps.db, request.params.token, purpose, deps.now());
        const statement = await statementById(submission.statementId);
        const title = localizedPlain(statement.title, ctx);
        if (!verify && submission.status === 'withdrawn') {
          return sendHtml(
            reply,
            await MessagePage({
              ctx,
              title: ctx.t.openSignonWithdrawnTitle,
              message: ctx.t.openSignonAlreadyWithdrawn,
              statementSlug: statement.slug,
            }),
          );
        }
        const page = LinkConfirmPage({
          ctx,
          csrf: csrfToken(request, reply, deps.auth),
          title: verify ? ctx.t.openSignonVerifyTitle : ctx.t.openSignonWithdrawTitle,
          lead: verify
            ? ctx.t.openSignonVerifyLead(submission.name, title)
            : ctx.t.openSignonWithdrawLead(submission.name, title),
          action: `/${locale}/open-sign-on/${purpose}/${request.params.token}`,
          button: verify ? ctx.t.openSignonVerifyButton : ctx.t.openSignonWithdrawButton,
        });
        return sendHtml(reply, await page);
      });

      scope.post(
        `/open-sign-on/${purpose}/:token`,
        { schema: { params: TokenParams, body: Type.Object({ _csrf: Type.String({ maxLength: 200 }) }) } },
        async (request, reply) => {
          const ctx = pageContext(deps, request, locale);
          const act = verify ? verifySignature : withdrawOpenSignature;
          const { submission, statement } = await act(deps.db, request.params.token, deps.now());
          const page = MessagePage({
            ctx,
            title: verify ? ctx.t.openSignonThanksTitle : ctx.t.openSignonWithdrawnTitle,
            message: verify ? ctx.t.openSignonThanks(submission.name) : ctx.t.openSignonWithdrawn(submission.name),
            statementSlug: statement.slug,
          });
          return sendHtml(reply, await page);
        },
      );
    }

    async function statementById(id: number) {
      const [row] = await deps.db.select().from(t.statements).where(eq(t.statements.id, id));
      if (!row) throw new NotFound(`No statement ${id}`);
      return row;
    }

    const allow = (user: Parameters<typeof canManageSignOn>[0]) => assertAllowed(canManageSignOn(user));

    signedInRoutes(scope, { deps, auth: deps.auth, allow }, (guarded) => {
      guarded.get(
        '/workspace/open-sign-on',
        { schema: { querystring: Type.Object(PageCursorQuery) } },
        async (request, reply) => {
          const { user, ctx, csrf } = request.workspace;
          const page = await listOpenSignOn(deps.db, request.query);
          return sendHtml(
            reply,
            await (<OpenSignOnListPage ctx={ctx} user={user} csrf={csrf} page={page} now={deps.now()} />),
          );
        },
      );

      guarded.get('/workspace/open-sign-on/:slug', { schema: { params: SlugParams } }, async (request, reply) => {
        const { user, ctx, csrf } = request.workspace;
        const model = await moderation(request.params.slug, user);
        return sendHtml(reply, await (<OpenSignOnStatementPage ctx={ctx} user={user} csrf={csrf} model={model} />));
      });

      // The logo a signer sent, for the editors reviewing it: never public (a file becomes public only as
      // a registry organization's logo), so never stored by a shared cache.
      guarded.get(
        '/workspace/open-sign-on/:slug/submissions/:id/logo',
        { schema: { params: LogoParams } },
        async (request, reply) => {
          const sha256 = await submissionLogo(deps.db, request.params.slug, Number(request.params.id));
          const file = await storedFile(deps.db, sha256);
          if (!file) throw new NotFound('The logo is gone');
          return sendFile(request, reply, file, CACHE_NOT_PUBLIC);
        },
      );

      guarded.get(
        '/workspace/open-sign-on/:slug/signatories.:format',
        { schema: { params: ExportParams } },
        async (request, reply) => {
          const { slug, format } = request.params;
          const statement = await statementBySlug(deps.db, slug);
          const rows = signatoryExportRows(deps.db, statement.id);
          const sheet = request.workspace.ctx.t.openSignonSheetName;
          const body =
            format === 'csv' ? csvStream(rows, SIGNATORY_HEADERS) : xlsxStream(rows, sheet, SIGNATORY_HEADERS);
          return reply
            .type(CONTENT_TYPES[format])
            .header('content-disposition', `attachment; filename="${slug}-signatories.${format}"`)
            .header('cache-control', 'private, no-store')
            .send(body);
        },
      );
    });

    async function moderation(slug: string, user: Parameters<typeof moderationQueue>[1]) {
      const statement = await statementBySlug(deps.db, slug);
      const [settings, queue] = await Promise.all([
        readSettings(deps.db, statement.id),
        moderationQueue(deps.db, user, slug),
      ]);
      return { statement, settings, queue, mayAddToRegistry: canManageOrganizations(user), now: deps.now() };
    }

    signedInRoutes(scope, { deps, auth: deps.auth, allow, signedOut: 'refuse' }, (guarded) => {
      guarded.post(
        '/workspace/open-sign-on/:slug/settings',
        { schema: { params: SlugParams, body: SettingsBody } },
        async (request, reply) => {
          const { user, ctx, csrf } = request.workspace;
          const body = request.body as Record<string, unknown>;
          const chosen = body.fields;
          const typed = {
            open: field(body, 'open') === '1',
            deadlineLocal: field(body, 'deadlineLocal'),
            timeZone: field(body, 'timeZone'),
            individualsAllowed: field(body, 'individualsAllowed') === '1',
            fields: Array.isArray(chosen) ? chosen.map(String) : typeof chosen === 'string' ? [chosen] : [],
          };
          const { slug } = request.params;
          return saveForm(
            reply,
            ctx,
            async () => {
              await saveOpenSignOnSettings(
                deps.db,
                user,
                { slug, version: rowId(body.version) ?? 0, ...typed },
                deps.now(),
              );
              return workspacePath(locale, slug);
            },
            async (outcome) =>
              OpenSignOnStatementPage({ ctx, user, csrf, model: await moderation(slug, user), outcome, typed }),
          );
        },
      );

      guarded.post(
        '/workspace/open-sign-on/:slug/submissions/:id/:decision',
        { schema: { params: DecisionParams, body: FlatFormBody } },
        async (request, reply) => {
          const { slug, id, decision } = request.params;
          const body = request.body as Record<string, unknown>;
          await decideSubmission(
            deps.db,
            request.workspace.user,
            {
              slug,
              id: Number(id),
              version: rowId(body.version) ?? 0,
              decision: decision as Decision,
              mergeInto: rowId(body.mergeInto) ?? undefined,
              organizationSlug: field(body, 'organization') || undefined,
              addToRegistry: field(body, 'addToRegistry') === '1',
              addToSignatories: field(body, 'addToSignatories') === '1',
            },
            deps.now(),
          );
          return redirectSaved(reply, workspacePath(locale, slug));
        },
      );
    });
  });
}
