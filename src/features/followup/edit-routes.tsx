/**
 * Editors record follow-up: reminders, a recommendation's timeline with drafts, the four forms and
 * the publish/unpublish and "kept" buttons. Signed-in editors and admins only (policy.ts); every
 * POST carries the CSRF token (checked globally in accounts/web.ts) and is rate-limited there.
 */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden } from '../../lib/errors.js';
import type { FastifyTypeBox } from '../../lib/fastify-typebox.js';
import { LOCALES, type Locale } from '../../lib/locales.js';
import { pageContext, type SiteDeps, sendHtml } from '../../lib/site-deps.js';
import { canRecordFollowup } from '../accounts/policy.js';
import { type AuthOptions, csrfToken, currentUser } from '../accounts/web.js';
import { type FormValues, parseCommitment, parseMeeting, parseResponse, parseStatusUpdate } from './edit-forms.js';
import {
  CommitmentFormPage,
  MeetingFormPage,
  RecommendationWorkspacePage,
  RemindersPage,
  ResponseFormPage,
  recommendationBase,
  StatusFormPage,
} from './edit-views.js';
import { dayOf } from './overdue.js';
import { overdueCommitments, staleRecommendations } from './reminders.js';
import { loadTimeline } from './timeline-service.js';
import { type EditorRecommendation, getRecommendationForEditor } from './workspace-service.js';
import {
  ENTRY_KINDS,
  markCommitmentKept,
  recordCommitment,
  recordMeeting,
  recordResponse,
  recordStatusUpdate,
  setEntryPublication,
} from './write-service.js';
import type { Problems } from './write-validation.js';

export interface FollowupOptions {
  /** PUENTE_FOLLOWUP_STALE_MONTHS: a recommendation without a status update for this long is a reminder. */
  staleMonths: number;
}

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const FormBody = Type.Record(
  Type.String({ maxLength: 100 }),
  Type.Union([Type.String({ maxLength: 10_000 }), Type.Array(Type.String({ maxLength: 10_000 }), { maxItems: 500 })]),
);
const FORMS = ['response', 'status', 'meeting', 'commitment'] as const;
type FormName = (typeof FORMS)[number];

/** Signed in as someone who records follow-up; anyone else is sent to sign in or refused. */
function editorOf(request: FastifyRequest) {
  const user = currentUser(request);
  if (!user) return null;
  if (!canRecordFollowup(user)) throw new Forbidden('Only editors may record follow-up');
  return user;
}

export function registerFollowupEditRoutes(
  app: FastifyTypeBox,
  deps: SiteDeps,
  auth: AuthOptions,
  options: FollowupOptions,
): void {
  for (const locale of LOCALES) {
    const base = `/${locale}/workspace/followup`;

    app.get(base, async (request, reply) => {
      if (!editorOf(request)) return reply.redirect(`/${locale}/sign-in`, 303);
      const now = deps.now();
      const [stale, overdue] = await Promise.all([
        staleRecommendations(deps.db, now, options.staleMonths),
        overdueCommitments(deps.db, now),
      ]);
      const ctx = pageContext(deps, request, locale);
      const user = currentUser(request)!;
      const csrf = csrfToken(request, reply, auth);
      return sendHtml(
        reply,
        await (
          <RemindersPage
            ctx={ctx}
            user={user}
            csrf={csrf}
            months={options.staleMonths}
            stale={stale}
            overdue={overdue}
          />
        ),
      );
    });

    app.get(`${base}/recommendations/:id`, { schema: { params: IdParams } }, async (request, reply) => {
      const user = editorOf(request);
      if (!user) return reply.redirect(`/${locale}/sign-in`, 303);
      const now = deps.now();
      const rec = await getRecommendationForEditor(deps.db, request.params.id, user);
      const timeline = await loadTimeline(deps.db, rec.recommendation.id, { now, includeDrafts: true });
      const ctx = pageContext(deps, request, locale);
      const csrf = csrfToken(request, reply, auth);
      return sendHtml(
        reply,
        await (
          <RecommendationWorkspacePage ctx={ctx} user={user} csrf={csrf} rec={rec} timeline={timeline} now={now} />
        ),
      );
    });

    for (const form of FORMS) {
      const url = `${base}/recommendations/:id/${form}`;
      app.get(url, { schema: { params: IdParams } }, async (request, reply) => {
        const user = editorOf(request);
        if (!user) return reply.redirect(`/${locale}/sign-in`, 303);
        const rec = await getRecommendationForEditor(deps.db, request.params.id, user);
        const defaults: FormValues = { date: dayOf(deps.now()), recommendation: [String(rec.recommendation.id)] };
        return renderForm(request, reply, locale, form, rec, defaults, {}, 200);
      });

      app.post(url, { schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
        const user = currentUser(request);
        if (!user) throw new Forbidden('Sign in first');
        const now = deps.now();
        const rec = await getRecommendationForEditor(deps.db, request.params.id, user);
        const values = request.body as FormValues;
        const saved = await save(form, values, rec, locale, user, now);
        if (!saved.ok) return renderForm(request, reply, locale, form, rec, values, saved.problems, 400);
        return reply.redirect(recommendationBase(pageContext(deps, request, locale), rec.recommendation.id), 303);
      });
    }

    app.post(
      `${base}/:kind/:id/publication`,
      {
        schema: {
          params: Type.Object({
            kind: Type.Union(ENTRY_KINDS.map((k) => Type.Literal(k))),
            id: IdParams.properties.id,
          }),
          body: Type.Object({
            _csrf: Type.String({ maxLength: 200 }),
            version: Type.Integer({ minimum: 1 }),
            publication: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
            back: Type.Optional(Type.String({ maxLength: 300 })),
          }),
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        if (!user) throw new Forbidden('Sign in first');
        const { version, publication, back } = request.body;
        await setEntryPublication(deps.db, { ...request.params, version, publication }, user, deps.now());
        return reply.redirect(safeBack(back, base), 303);
      },
    );

    app.post(
      `${base}/commitment/:id/kept`,
      {
        schema: {
          params: IdParams,
          body: Type.Object({
            _csrf: Type.String({ maxLength: 200 }),
            version: Type.Integer({ minimum: 1 }),
            back: Type.Optional(Type.String({ maxLength: 300 })),
          }),
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        if (!user) throw new Forbidden('Sign in first');
        const now = deps.now();
        const { version, back } = request.body;
        await markCommitmentKept(deps.db, { id: request.params.id, fulfilledOn: dayOf(now), version }, user, now);
        return reply.redirect(safeBack(back, base), 303);
      },
    );
  }

  async function save(
    form: FormName,
    values: FormValues,
    rec: EditorRecommendation,
    locale: Locale,
    user: NonNullable<ReturnType<typeof currentUser>>,
    now: Date,
  ): Promise<{ ok: true } | { ok: false; problems: Problems }> {
    const recommendationId = rec.recommendation.id;
    const recommendationIds = rec.siblings.map((s) => s.id);
    if (form === 'response') {
      const parsed = parseResponse(values, {
        recommendationId,
        addresseeIds: rec.addressees.map((a) => a.id),
        locale,
        now,
      });
      if (parsed.ok) await recordResponse(deps.db, parsed.input, user, now);
      return parsed;
    }
    if (form === 'status') {
      const parsed = parseStatusUpdate(values, { recommendationId, locale, now });
      if (parsed.ok) await recordStatusUpdate(deps.db, parsed.input, user, now);
      return parsed;
    }
    if (form === 'meeting') {
      const parsed = parseMeeting(values, {
        recommendationIds,
        organizationIds: rec.organizations.map((o) => o.id),
        addresseeIds: rec.allAddressees.map((a) => a.id),
        locale,
        now,
      });
      if (parsed.ok) await recordMeeting(deps.db, parsed.input, user, now);
      return parsed;
    }
    const parsed = parseCommitment(values, {
      recommendationIds,
      meetingIds: rec.meetings.map((m) => m.id),
      committers: [...rec.allAddressees.map((a) => `a:${a.id}`), ...rec.organizations.map((o) => `o:${o.id}`)],
      locale,
      now,
    });
    if (parsed.ok) await recordCommitment(deps.db, parsed.input, user, now);
    return parsed;
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    form: FormName,
    rec: EditorRecommendation,
    values: FormValues,
    problems: Problems,
    status: number,
  ) {
    const ctx = pageContext(deps, request, locale);
    const csrf = csrfToken(request, reply, auth);
    const state = { ctx, values, problems };
    const user = currentUser(request)!;
    const props = { ctx, user, csrf, rec, state };
    let page: JSX.Element;
    if (form === 'response') page = <ResponseFormPage {...props} />;
    else if (form === 'meeting') page = <MeetingFormPage {...props} />;
    else if (form === 'commitment') page = <CommitmentFormPage {...props} />;
    else {
      // The newest update the editor has seen; sent back so a concurrent recording becomes a 409.
      const seenValue = Number(values.seen);
      const seen =
        Number.isInteger(seenValue) && typeof values.seen === 'string'
          ? seenValue
          : (await loadTimeline(deps.db, rec.recommendation.id, { now: deps.now(), includeDrafts: true }))
              .latestRecordedId;
      page = <StatusFormPage {...props} seen={seen} />;
    }
    return sendHtml(reply, await page, status);
  }
}

/** Only a path inside the follow-up workspace: never an open redirect. */
function safeBack(back: string | undefined, base: string): string {
  return back?.startsWith(`${base}/`) && !back.includes('//') ? back : base;
}
