/**
 * Editors record follow-up: reminders, a recommendation's timeline with drafts, the four forms (to
 * record an entry, and the same forms pre-filled to edit one), the publish/unpublish and "kept"
 * buttons, and the forms that attach, replace or remove an entry's uploaded copy. Signed-in editors
 * and admins only (policy.ts); every POST carries the CSRF token (checked globally in platform/web/auth.ts,
 * or by the multipart reader before the file for uploads) and is rate-limited there.
 */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { type ChangeSince, isChangesSince } from '../../platform/conflict.js';
import { Conflict, Forbidden } from '../../platform/errors.js';
import { isFindPost } from '../../platform/forms/choice-limits.js';
import { RowNumber, seenVersion } from '../../platform/forms/form-body.js';
import type { ProblemsByField as Problems } from '../../platform/forms/problems.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canRecordFollowup } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { type AuthOptions, csrfToken, currentUser } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { redirectSaved, signedInRoutes } from '../../platform/web/workspace-request.js';
import { receiveFile, statusOf } from '../files/index.js';
import { COPY_KINDS, setFollowupCopy } from './copy-service.js';
import type { CopyProblem } from './copy-views.js';
import { type FormValues, one, parseCommitment, parseMeeting, parseResponse, parseStatusUpdate } from './edit-forms.js';
import {
  assertEntryOf,
  choicesForEdit,
  editCommitment,
  editMeeting,
  editResponse,
  editStatusUpdate,
  recordedValues,
} from './edit-service.js';
import { FollowupListPage, RecommendationWorkspacePage, recommendationBase } from './edit-views.js';
import {
  CommitmentFormPage,
  type EditTarget,
  MeetingFormPage,
  ResponseFormPage,
  StatusFormPage,
} from './entry-form-views.js';
import { parseWorkspaceFilters, workspaceListCursor } from './filters.js';
import { dayOf } from './overdue.js';
import { countStaleRecommendations, overdueCommitments } from './reminders.js';
import { loadTimeline } from './timeline-service.js';
import { listForFollowup, workspaceFilterOptions } from './workspace-list.js';
import { type EditorChoiceQuery, type EditorRecommendation, getRecommendationForEditor } from './workspace-service.js';
import {
  ENTRY_KINDS,
  markCommitmentKept,
  recordCommitment,
  recordMeeting,
  recordResponse,
  recordStatusUpdate,
  setEntryPublication,
} from './write-service.js';

export interface FollowupOptions {
  /** PUENTE_FOLLOWUP_STALE_MONTHS: a recommendation without a status update for this long is a reminder. */
  staleMonths: number;
  /** PUENTE_DOCUMENT_MAX_BYTES: the largest uploaded copy, as for statements' full documents. */
  documentBytes: number;
}

const IdParams = Type.Object({ id: RowNumber });
/**
 * A form page's query: the organizations' and addressees' searches (meeting participants, a commitment's
 * committer) and the recommendations' (those a meeting or commitment concerns). The forms' own Find buttons post the
 * form instead (`_action=find`), so what the editor typed stays; these are for links.
 */
const FindQuery = Type.Object({
  'find-organization': Type.Optional(Type.String({ maxLength: 100 })),
  'find-addressee': Type.Optional(Type.String({ maxLength: 100 })),
  'find-recommendation': Type.Optional(Type.String({ maxLength: 100 })),
});
type Finds = {
  'find-organization'?: string | undefined;
  'find-addressee'?: string | undefined;
  'find-recommendation'?: string | undefined;
};

/** The organizations a form's values name (participants, or an organization as committer): offered again. */
function chosenOrganizations(values: FormValues): number[] {
  const raw = values.organization;
  const participants = (Array.isArray(raw) ? raw : raw ? [raw] : []).map(Number);
  const committer = /^o:(\d+)$/.exec(one(values, 'committer'));
  return [...participants, ...(committer ? [Number(committer[1])] : [])].filter((n) => Number.isInteger(n) && n > 0);
}
/** The addressees a form's values name (a meeting's, or an addressee as committer): offered again. */
function chosenAddressees(values: FormValues): number[] {
  const raw = values.addressee;
  const ticked = (Array.isArray(raw) ? raw : raw ? [raw] : []).map(Number);
  const committer = /^a:(\d+)$/.exec(one(values, 'committer'));
  return [...ticked, ...(committer ? [Number(committer[1])] : [])].filter((n) => Number.isInteger(n) && n > 0);
}
/** The recommendations a form's values tick: offered again, whatever the search. */
function chosenRecommendations(values: FormValues): number[] {
  const raw = values.recommendation;
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

/** What a form's pickers offer: what its values chose, and what its searches (posted, or in the query) find. */
function choiceQuery(values: FormValues, finds: Finds = {}): EditorChoiceQuery {
  return {
    organizations: {
      chosen: chosenOrganizations(values),
      find: finds['find-organization'] ?? one(values, 'find-organization'),
    },
    addressees: {
      chosen: chosenAddressees(values),
      find: finds['find-addressee'] ?? one(values, 'find-addressee'),
    },
    recommendations: {
      chosen: chosenRecommendations(values),
      find: finds['find-recommendation'] ?? one(values, 'find-recommendation'),
    },
  };
}

const FormBody = Type.Record(
  Type.String({ maxLength: 100 }),
  Type.Union([Type.String({ maxLength: 10_000 }), Type.Array(Type.String({ maxLength: 10_000 }), { maxItems: 500 })]),
);
const FORMS = ['response', 'status', 'meeting', 'commitment'] as const;
type FormName = (typeof FORMS)[number];
const EntryParams = Type.Object({ id: IdParams.properties.id, entryId: IdParams.properties.id });
const CopyParams = Type.Object({
  id: IdParams.properties.id,
  kind: Type.Union(COPY_KINDS.map((k) => Type.Literal(k))),
  entryId: IdParams.properties.id,
});
/** The stale reminder counts up to this many and then says "at least" (as the workspace home does). */
const STALE_COUNT_LIMIT = 200;

const VersionBody = Type.Object({ _csrf: Type.String({ maxLength: 200 }), version: RowNumber });

/** Only people who record follow-up; anyone else signed in is refused. */
function editorsOnly(user: UserRow): void {
  if (!canRecordFollowup(user)) throw new Forbidden('Only editors may record follow-up');
}

export function registerFollowupEditRoutes(
  app: FastifyTypeBox,
  deps: SiteDeps,
  auth: AuthOptions,
  options: FollowupOptions,
): void {
  localizedRoutes(app, (scope, locale) => {
    const path = '/workspace/followup';
    const base = `/${locale}${path}`;

    // The pages: visitors without a session are sent to sign in; others than editors get 403.
    signedInRoutes(scope, { deps, auth, allow: editorsOnly }, (guarded) => {
      guarded.get(path, async (request, reply) => {
        const now = deps.now();
        const query = request.query as Record<string, unknown>;
        const filters = parseWorkspaceFilters(query);
        const [stale, overdue, list, choices] = await Promise.all([
          countStaleRecommendations(deps.db, now, options.staleMonths, STALE_COUNT_LIMIT),
          overdueCommitments(deps.db, now),
          listForFollowup(deps.db, filters, now, options.staleMonths, workspaceListCursor(query)),
          workspaceFilterOptions(deps.db, filters),
        ]);
        const ctx = pageContext(deps, request, locale);
        const { user, csrf } = request.workspace;
        return sendHtml(
          reply,
          await (
            <FollowupListPage
              ctx={ctx}
              user={user}
              csrf={csrf}
              months={options.staleMonths}
              stale={{ count: stale, atLeast: stale === STALE_COUNT_LIMIT }}
              filters={filters}
              options={choices}
              list={list}
              overdue={overdue}
            />
          ),
        );
      });

      guarded.get(`${path}/recommendations/:id`, { schema: { params: IdParams } }, async (request, reply) => {
        return renderWorkspace(request, reply, locale, request.params.id, null);
      });

      for (const form of FORMS) {
        const url = `${path}/recommendations/:id/${form}`;
        guarded.get(url, { schema: { params: IdParams, querystring: FindQuery } }, async (request, reply) => {
          const { user } = request.workspace;
          const defaults: FormValues = { date: dayOf(deps.now()), recommendation: [String(request.params.id)] };
          const query = choiceQuery(defaults, request.query);
          const rec = await getRecommendationForEditor(deps.db, request.params.id, user, query);
          return renderForm(request, reply, locale, form, rec, defaults, {}, 200);
        });

        // The same form pre-filled with a recorded entry; saving is version-checked.
        guarded.get(
          `${url}/:entryId/edit`,
          { schema: { params: EntryParams, querystring: FindQuery } },
          async (request, reply) => {
            const { user } = request.workspace;
            const { entryId, id } = request.params;
            const { values, version } = await recordedValues(deps.db, form, entryId, id);
            const shown = await getRecommendationForEditor(deps.db, id, user, choiceQuery(values, request.query));
            const rec = await choicesForEdit(deps.db, form, entryId, shown);
            const edit = { entryId, version };
            return renderForm(request, reply, locale, form, rec, values, {}, 200, edit);
          },
        );
      }
    });

    // The posts: the forms above send them, so no session means a refusal (403), not a redirect.
    signedInRoutes(scope, { deps, auth, signedOut: 'refuse' }, (guarded) => {
      guarded.post(
        `${path}/recommendations/:id/copy/:kind/:entryId`,
        { schema: { params: CopyParams }, config: { multipartCsrf: true } },
        async (request, reply) => {
          // The policy, the recommendation and the entry's place on it are checked before a byte of the file is read.
          const { user, back } = await copyTarget(request, request.params, locale);
          const { id, kind, entryId } = request.params;
          const { file, version, problem } = await receiveFile(request, { auth }, 'document', options.documentBytes);
          if (problem || !file || version === null) {
            const shown = problem ?? { code: 'badForm' as const };
            return renderWorkspace(request, reply, locale, id, { kind, id: entryId, problem: shown }, statusOf(shown));
          }
          await setFollowupCopy(deps.db, { kind, id: entryId, version, file }, user, deps.now());
          return redirectSaved(reply, back);
        },
      );

      guarded.post(
        `${path}/recommendations/:id/copy/:kind/:entryId/remove`,
        { schema: { params: CopyParams, body: VersionBody } },
        async (request, reply) => {
          const { user, back } = await copyTarget(request, request.params, locale);
          const { kind, entryId } = request.params;
          await setFollowupCopy(
            deps.db,
            { kind, id: entryId, version: request.body.version, file: null },
            user,
            deps.now(),
          );
          return redirectSaved(reply, back);
        },
      );

      for (const form of FORMS) {
        const url = `${path}/recommendations/:id/${form}`;
        guarded.post(url, { schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
          const { user } = request.workspace;
          const now = deps.now();
          const values = request.body as FormValues;
          const rec = await getRecommendationForEditor(deps.db, request.params.id, user, choiceQuery(values));
          if (isFindPost(values)) return renderForm(request, reply, locale, form, rec, values, {}, 200);
          const saved = await save(form, values, rec, locale, user, now, null);
          if (!saved.ok) return renderForm(request, reply, locale, form, rec, values, saved.problems, 400);
          return redirectSaved(reply, recommendationBase(pageContext(deps, request, locale), rec.recommendation.id));
        });

        guarded.post(
          `${url}/:entryId/edit`,
          { schema: { params: EntryParams, body: FormBody } },
          async (request, reply) => {
            const { user } = request.workspace;
            const now = deps.now();
            const { entryId } = request.params;
            const values = request.body as FormValues;
            const shown = await getRecommendationForEditor(deps.db, request.params.id, user, choiceQuery(values));
            await assertEntryOf(deps.db, form, entryId, shown.recommendation.id);
            const rec = await choicesForEdit(deps.db, form, entryId, shown);
            // Anything but a row version (a huge number included) is 0, which no row has: a conflict, not a 500.
            const edit: EditTarget = { entryId, version: seenVersion(values) };
            // A search keeps the version the editor opened, so a later Save is still checked against it.
            if (isFindPost(values)) return renderForm(request, reply, locale, form, rec, values, {}, 200, edit);
            try {
              const saved = await save(form, values, rec, locale, user, now, edit);
              if (!saved.ok) return renderForm(request, reply, locale, form, rec, values, saved.problems, 400, edit);
            } catch (error) {
              // Someone saved this entry since the form was opened: show what they changed above the
              // form, keep what this editor typed, and offer the current version to save over it.
              if (!(error instanceof Conflict) || !isChangesSince(error.current)) throw error;
              const current = error.current as { version: number; changes: ChangeSince[] };
              const conflict = { ...edit, version: current.version, conflict: current.changes };
              return renderForm(request, reply, locale, form, rec, values, {}, 409, conflict);
            }
            return redirectSaved(reply, recommendationBase(pageContext(deps, request, locale), rec.recommendation.id));
          },
        );
      }

      guarded.post(
        `${path}/:kind/:id/publication`,
        {
          schema: {
            params: Type.Object({
              kind: Type.Union(ENTRY_KINDS.map((k) => Type.Literal(k))),
              id: IdParams.properties.id,
            }),
            body: Type.Object({
              _csrf: Type.String({ maxLength: 200 }),
              version: RowNumber,
              publication: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
              back: Type.Optional(Type.String({ maxLength: 300 })),
            }),
          },
        },
        async (request, reply) => {
          const { user } = request.workspace;
          const { version, publication, back } = request.body;
          await setEntryPublication(deps.db, { ...request.params, version, publication }, user, deps.now());
          return redirectSaved(reply, safeBack(back, base));
        },
      );

      guarded.post(
        `${path}/commitment/:id/kept`,
        {
          schema: {
            params: IdParams,
            body: Type.Object({
              _csrf: Type.String({ maxLength: 200 }),
              version: RowNumber,
              back: Type.Optional(Type.String({ maxLength: 300 })),
            }),
          },
        },
        async (request, reply) => {
          const { user } = request.workspace;
          const now = deps.now();
          const { version, back } = request.body;
          await markCommitmentKept(deps.db, { id: request.params.id, fulfilledOn: dayOf(now), version }, user, now);
          return redirectSaved(reply, safeBack(back, base));
        },
      );
    });
  });

  /**
   * A copy form's signed-in editor (the posts' guard let them through), with the page to go back to: only for an entry of the
   * recommendation in the address (else NotFound, as the edit forms).
   */
  async function copyTarget(request: FastifyRequest, params: Static<typeof CopyParams>, locale: Locale) {
    const { user } = request.workspace;
    const rec = await getRecommendationForEditor(deps.db, params.id, user);
    await assertEntryOf(deps.db, params.kind, params.entryId, rec.recommendation.id);
    return { user, back: recommendationBase(pageContext(deps, request, locale), rec.recommendation.id) };
  }

  /** Parses the form and records the entry, or (edit) saves the recorded one at the version seen. */
  async function save(
    form: FormName,
    values: FormValues,
    rec: EditorRecommendation,
    locale: Locale,
    user: NonNullable<ReturnType<typeof currentUser>>,
    now: Date,
    edit: EditTarget | null,
  ): Promise<{ ok: true } | { ok: false; problems: Problems }> {
    const recommendationId = rec.recommendation.id;
    const recommendationIds = rec.siblingIds;
    const versioned = edit ? { id: edit.entryId, version: edit.version } : null;
    if (form === 'response') {
      const parsed = parseResponse(values, {
        recommendationId,
        addresseeIds: rec.addressees.map((a) => a.id),
        locale,
        now,
      });
      if (parsed.ok && versioned) {
        const { recommendationId: _, ...fields } = parsed.input;
        await editResponse(deps.db, { ...fields, ...versioned }, user, now);
      } else if (parsed.ok) await recordResponse(deps.db, parsed.input, user, now);
      return parsed;
    }
    if (form === 'status') {
      const parsed = parseStatusUpdate(values, { recommendationId, locale, now });
      if (parsed.ok && versioned) {
        const { recommendationId: _, seenLatestId: __, ...fields } = parsed.input;
        await editStatusUpdate(deps.db, { ...fields, ...versioned }, user, now);
      } else if (parsed.ok) await recordStatusUpdate(deps.db, parsed.input, user, now);
      return parsed;
    }
    if (form === 'meeting') {
      const parsed = parseMeeting(values, {
        recommendationIds,
        organizationIds: rec.organizations.map((o) => o.id),
        addresseeIds: rec.addresseeChoices.map((a) => a.id),
        locale,
        now,
      });
      if (parsed.ok && versioned)
        await editMeeting(deps.db, { ...parsed.input, ...versioned, scope: recommendationIds }, user, now);
      else if (parsed.ok) await recordMeeting(deps.db, parsed.input, user, now);
      return parsed;
    }
    const parsed = parseCommitment(values, {
      recommendationIds,
      meetingIds: rec.meetings.map((m) => m.id),
      committers: [...rec.addresseeChoices.map((a) => `a:${a.id}`), ...rec.organizations.map((o) => `o:${o.id}`)],
      locale,
      now,
    });
    if (parsed.ok && versioned) {
      await editCommitment(deps.db, { ...parsed.input, ...versioned, scope: recommendationIds }, user, now);
    } else if (parsed.ok) await recordCommitment(deps.db, parsed.input, user, now);
    return parsed;
  }

  async function renderWorkspace(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    id: number,
    copyProblem: CopyProblem | null,
    status = 200,
  ) {
    const user = currentUser(request)!;
    const now = deps.now();
    const rec = await getRecommendationForEditor(deps.db, id, user);
    const timeline = await loadTimeline(deps.db, rec.recommendation.id, { now, includeDrafts: true });
    const ctx = pageContext(deps, request, locale);
    const csrf = csrfToken(request, reply, auth);
    const page = (
      <RecommendationWorkspacePage
        ctx={ctx}
        user={user}
        csrf={csrf}
        rec={rec}
        timeline={timeline}
        now={now}
        copyLimitBytes={options.documentBytes}
        copyProblem={copyProblem}
      />
    );
    return sendHtml(reply, await page, status);
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
    edit: EditTarget | null = null,
  ) {
    const ctx = pageContext(deps, request, locale);
    const csrf = csrfToken(request, reply, auth);
    const state = { ctx, values, problems };
    const user = currentUser(request)!;
    const props = { ctx, user, csrf, rec, state, edit };
    let page: JSX.Element;
    if (form === 'response') page = <ResponseFormPage {...props} />;
    else if (form === 'meeting') page = <MeetingFormPage {...props} />;
    else if (form === 'commitment') page = <CommitmentFormPage {...props} />;
    // An edit is checked against the update's own version, not the newest update seen.
    else if (edit) page = <StatusFormPage {...props} seen={0} />;
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
