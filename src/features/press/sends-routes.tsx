/**
 * /{lang}/workspace/press/sends: the sends, a new one (with a preview per language and a test to
 * oneself), one send's per-recipient status, and changing or cancelling it before it leaves.
 */
import { Type } from '@fastify/type-provider-typebox';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import { type Form, FormBody, field, RowNumber, rowId, seenVersion } from '../../platform/forms/form-body.js';
import { isLocale, type Locale } from '../../platform/i18n/locales.js';
import { resolveText } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { saveForm, type WorkspaceRequest } from '../../platform/web/workspace-request.js';
import { many } from './form-parts.js';
import { listLists } from './lists-service.js';
import {
  cancelSend,
  changeSend,
  createSend,
  defaultMode,
  getSend,
  isChangeable,
  listSends,
  previewMail,
  type SendForm,
  sendRecipients,
  syncContactStatuses,
  testSend,
} from './sends-service.js';
import {
  PreviewPage,
  type SendChoices,
  SendFormPage,
  type SendFormValues,
  SendPage,
  SendsPage,
} from './sends-views.js';

const IdParams = Type.Object({ id: RowNumber });
const short = Type.Optional(Type.String({ maxLength: 200 }));
const NewQuery = Type.Object({ release: short, tested: short });
const PreviewQuery = Type.Object(
  {
    release: Type.String({ maxLength: 200 }),
    mode: short,
    note: Type.Optional(Type.String({ maxLength: 4000 })),
    lang: short,
  },
  { additionalProperties: true },
);
/** Trusted contacts offered under embargo: a short list by nature; this bounds the form. */
const TRUSTED_SHOWN = 200;
/** Releases offered: the newest published ones. */
const RELEASES_SHOWN = 50;

function readSendForm(body: Form): SendForm {
  return {
    release: field(body, 'release'),
    mode: field(body, 'mode'),
    note: field(body, 'note'),
    listIds: many(body.lists)
      .map(rowId)
      .filter((id): id is number => id !== null),
    contactIds: many(body.contacts)
      .map(rowId)
      .filter((id): id is number => id !== null),
  };
}

const valuesOf = (form: SendForm): SendFormValues => ({
  release: form.release,
  mode: form.mode,
  note: form.note,
  lists: form.listIds.map(String),
  contacts: form.contactIds.map(String),
});

export function registerSendRoutes(scope: FastifyTypeBox, deps: SiteDeps): void {
  const base = (w: WorkspaceRequest) => `/${w.ctx.locale}/workspace/press/sends`;
  const options = () => ({ baseUrl: deps.baseUrl, now: deps.now() });

  async function choices(w: WorkspaceRequest): Promise<SendChoices> {
    const releases = await deps.db
      .select()
      .from(t.releases)
      .where(and(eq(t.releases.status, 'published'), isNull(t.releases.withdrawnAt)))
      .orderBy(desc(t.releases.releaseDate), t.releases.slug)
      .limit(RELEASES_SHOWN);
    const lists = await listLists(deps.db, w.user);
    const trusted = await deps.db
      .select({ id: t.pressContacts.id, name: t.pressContacts.name, outlet: t.pressContacts.outlet })
      .from(t.pressContacts)
      .where(and(eq(t.pressContacts.trusted, true), eq(t.pressContacts.status, 'active')))
      .orderBy(sql`lower(${t.pressContacts.name})`)
      .limit(TRUSTED_SHOWN);
    return {
      releases: releases.map((r) => ({
        value: r.slug,
        label: `${resolveText(r.headline, w.ctx.locale)?.text ?? r.slug} (${r.releaseDate})`,
        embargoedUntil: r.embargoedUntil,
      })),
      lists: lists.map((l) => ({ value: String(l.id), label: w.ctx.t.pressListWithCount(l.name, l.members) })),
      trusted: trusted.map((c) => ({ value: String(c.id), label: c.outlet ? `${c.name} (${c.outlet})` : c.name })),
    };
  }

  scope.get('/workspace/press/sends', async (request, reply) => {
    const w = request.workspace;
    return sendHtml(reply, await (<SendsPage {...w} sends={await listSends(deps.db, w.user)} />));
  });

  scope.get('/workspace/press/sends/new', { schema: { querystring: NewQuery } }, async (request, reply) => {
    const w = request.workspace;
    const c = await choices(w);
    const slug = request.query.release ?? '';
    const [release] = slug ? await deps.db.select().from(t.releases).where(eq(t.releases.slug, slug)) : [];
    const values: SendFormValues = {
      release: release?.slug ?? '',
      mode: release ? defaultMode(release, deps.now()) : 'lift',
      note: '',
      lists: [],
      contacts: [],
    };
    return sendHtml(
      reply,
      await (<SendFormPage {...w} values={values} choices={c} tested={request.query.tested === '1'} />),
    );
  });

  scope.post('/workspace/press/sends', { schema: { body: FormBody } }, async (request, reply) => {
    const w = request.workspace;
    const form = readSendForm(request.body as Form);
    await syncContactStatuses(deps.db, deps.now());
    return saveForm(
      reply,
      w.ctx,
      async () => `${base(w)}/${(await createSend(deps.db, w.user, form, options())).id}`,
      async (outcome) => <SendFormPage {...w} values={valuesOf(form)} choices={await choices(w)} outcome={outcome} />,
    );
  });

  scope.post('/workspace/press/sends/test', { schema: { body: FormBody } }, async (request, reply) => {
    const w = request.workspace;
    const form = readSendForm(request.body as Form);
    if (form.release === '') {
      const outcome = { errors: { release: w.ctx.t.workspaceErrChoice } };
      return sendHtml(
        reply,
        await (<SendFormPage {...w} values={valuesOf(form)} choices={await choices(w)} outcome={outcome} />),
        400,
      );
    }
    await testSend(deps.db, w.user, form, options());
    return reply.redirect(`${base(w)}/new?release=${encodeURIComponent(form.release)}&tested=1`, 303);
  });

  const previewOf = async (
    w: WorkspaceRequest,
    q: { release: string; mode?: string; note?: string; lang?: string },
  ) => {
    const locale: Locale = isLocale(q.lang) ? q.lang : w.ctx.locale;
    const mail = await previewMail(
      deps.db,
      w.user,
      { release: q.release, mode: q.mode ?? '', note: q.note ?? '' },
      locale,
      options(),
    );
    return { mail, locale };
  };

  scope.get('/workspace/press/sends/preview', { schema: { querystring: PreviewQuery } }, async (request, reply) => {
    const w = request.workspace;
    const q = request.query;
    const { mail, locale } = await previewOf(w, q);
    const query = new URLSearchParams({ release: q.release, mode: q.mode ?? '', note: q.note ?? '', lang: locale });
    return sendHtml(
      reply,
      await (
        <PreviewPage
          {...w}
          mail={mail}
          htmlHref={`${base(w)}/preview.html?${query}`}
          backHref={`${base(w)}/new?release=${encodeURIComponent(q.release)}`}
        />
      ),
    );
  });

  // The message's HTML as a recipient's mail program gets it (links and all), for the editor to look at.
  scope.get(
    '/workspace/press/sends/preview.html',
    { schema: { querystring: PreviewQuery } },
    async (request, reply) => {
      const { mail } = await previewOf(request.workspace, request.query);
      return sendHtml(reply, mail.html);
    },
  );

  scope.get('/workspace/press/sends/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const w = request.workspace;
    await syncContactStatuses(deps.db, deps.now());
    return sendHtml(reply, await sendPage(w, request.params.id));
  });

  async function sendPage(
    w: WorkspaceRequest,
    id: number,
    outcome?: Parameters<typeof SendPage>[0]['outcome'],
    typed?: SendForm,
  ) {
    const send = await getSend(deps.db, w.user, id);
    const values = typed
      ? valuesOf(typed)
      : {
          release: send.releaseSlug,
          mode: send.mode,
          note: send.note,
          lists: send.listIds.map(String),
          contacts: send.contactIds.map(String),
        };
    return (
      <SendPage
        {...w}
        send={send}
        recipients={await sendRecipients(deps.db, w.user, id)}
        changeable={isChangeable(send, deps.now())}
        values={values}
        choices={await choices(w)}
        {...(outcome ? { outcome } : {})}
      />
    );
  }

  scope.post(
    '/workspace/press/sends/:id/edit',
    { schema: { params: IdParams, body: FormBody } },
    async (request, reply) => {
      const w = request.workspace;
      const body = request.body as Form;
      const form = readSendForm(body);
      await syncContactStatuses(deps.db, deps.now());
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await changeSend(deps.db, w.user, request.params.id, form, seenVersion(body), options());
          return `${base(w)}/${request.params.id}`;
        },
        (outcome) => sendPage(w, request.params.id, outcome, outcome.conflict ? undefined : form),
      );
    },
  );

  scope.post(
    '/workspace/press/sends/:id/cancel',
    { schema: { params: IdParams, body: FormBody } },
    async (request, reply) => {
      const w = request.workspace;
      const body = request.body as Form;
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await cancelSend(deps.db, w.user, request.params.id, seenVersion(body), deps.now());
          return `${base(w)}/${request.params.id}`;
        },
        (outcome) => sendPage(w, request.params.id, outcome),
      );
    },
  );
}
