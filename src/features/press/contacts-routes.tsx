/**
 * /{lang}/workspace/press: the contacts list, add, edit, erase, one contact's data, and contacts in and
 * out as CSV/XLSX (upload → dry run report → confirm). Editors and the admin only.
 */
import { Type } from '@fastify/type-provider-typebox';
import { asc } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Invalid } from '../../platform/errors.js';
import {
  FlatFormBody,
  type Form,
  FormBody,
  field,
  PageCursorQuery,
  RowNumber,
  seenVersion,
} from '../../platform/forms/form-body.js';
import { type AuthOptions, csrfMatches } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { redirectSaved, saveForm, type WorkspaceRequest } from '../../platform/web/workspace-request.js';
import { localizedPlain } from '../../ui/localized-view.js';
import { receiveUploadForm } from '../files/index.js';
import type { ContactForm } from './contact-fields.js';
import {
  contactData,
  createContact,
  eraseContact,
  getContact,
  listContacts,
  updateContact,
} from './contacts-service.js';
import { ContactFormPage, ContactsListPage, contactFormValues, type ThemeOption } from './contacts-views.js';
import { many } from './form-parts.js';
import { ImportPage, ImportReportPage } from './import-views.js';
import {
  commitContactImport,
  contactsCsv,
  contactsXlsx,
  MAX_IMPORT_BYTES,
  planContactImport,
  readContactsFile,
  readCsv,
  UnreadableContacts,
} from './transfer.js';

const IdParams = Type.Object({ id: RowNumber });
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  language: Type.Optional(Type.String({ maxLength: 10 })),
  country: Type.Optional(Type.String({ maxLength: 10 })),
  beat: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  ...PageCursorQuery,
});

/** The coalition's themes as beats: slug and label in the page's language. */
export async function themeOptions(db: Db, w: WorkspaceRequest): Promise<ThemeOption[]> {
  const rows = await db.select().from(t.themes).orderBy(asc(t.themes.position), asc(t.themes.slug));
  return rows
    .filter((r) => r.archivedAt === null)
    .map((r) => ({ value: r.slug, label: localizedPlain(r.label, w.ctx) || r.slug }));
}

function readContactForm(body: Form): ContactForm {
  return {
    name: field(body, 'name'),
    outlet: field(body, 'outlet'),
    email: field(body, 'email'),
    languages: many(body.languages),
    country: field(body, 'country'),
    beats: many(body.beats),
    notes: field(body, 'notes'),
    source: field(body, 'source'),
    trusted: body.trusted === '1',
    status: field(body, 'status'),
  };
}

export function registerContactRoutes(scope: FastifyTypeBox, deps: SiteDeps, auth: AuthOptions): void {
  const base = (w: WorkspaceRequest) => `/${w.ctx.locale}/workspace/press`;

  scope.get('/workspace/press', { schema: { querystring: ListQuery } }, async (request, reply) => {
    const w = request.workspace;
    const q = request.query;
    const filter = {
      q: q.q ?? '',
      language: q.language ?? '',
      country: q.country ?? '',
      beat: q.beat ?? '',
      status: q.status ?? '',
    };
    const page = await listContacts(deps.db, w.user, filter, q);
    return sendHtml(
      reply,
      await (<ContactsListPage {...w} page={page} filter={filter} themes={await themeOptions(deps.db, w)} />),
    );
  });

  scope.get('/workspace/press/contacts/new', async (request, reply) => {
    const w = request.workspace;
    const themes = await themeOptions(deps.db, w);
    return sendHtml(
      reply,
      await (<ContactFormPage {...w} contact={null} form={contactFormValues(null, new Map())} themes={themes} />),
    );
  });

  scope.post('/workspace/press/contacts', { schema: { body: FormBody } }, async (request, reply) => {
    const w = request.workspace;
    const form = readContactForm(request.body as Form);
    return saveForm(
      reply,
      w.ctx,
      async () => {
        await createContact(deps.db, form, w.user, deps.now());
        return base(w);
      },
      async (outcome) => (
        <ContactFormPage {...w} contact={null} form={form} themes={await themeOptions(deps.db, w)} outcome={outcome} />
      ),
    );
  });

  const slugsById = async () =>
    new Map((await deps.db.select({ id: t.themes.id, slug: t.themes.slug }).from(t.themes)).map((r) => [r.id, r.slug]));

  scope.get('/workspace/press/contacts/:id/edit', { schema: { params: IdParams } }, async (request, reply) => {
    const w = request.workspace;
    const contact = await getContact(deps.db, w.user, request.params.id);
    const form = contactFormValues(contact, await slugsById());
    return sendHtml(
      reply,
      await (<ContactFormPage {...w} contact={contact} form={form} themes={await themeOptions(deps.db, w)} />),
    );
  });

  scope.post(
    '/workspace/press/contacts/:id/edit',
    { schema: { params: IdParams, body: FormBody } },
    async (request, reply) => {
      const w = request.workspace;
      const body = request.body as Form;
      const form = readContactForm(body);
      const seen = seenVersion(body);
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await updateContact(deps.db, request.params.id, form, seen, w.user, deps.now());
          return base(w);
        },
        async (outcome) => {
          const contact = await getContact(deps.db, w.user, request.params.id);
          // After a conflict the form shows the row as it is now, and its version: saving again is a knowing choice.
          const shown = outcome.conflict ? contactFormValues(contact, await slugsById()) : form;
          const version = outcome.conflict ? contact.version : seen;
          return (
            <ContactFormPage
              {...w}
              contact={contact}
              form={shown}
              themes={await themeOptions(deps.db, w)}
              outcome={outcome}
              version={version}
            />
          );
        },
      );
    },
  );

  scope.post(
    '/workspace/press/contacts/:id/erase',
    { schema: { params: IdParams, body: FlatFormBody } },
    async (request, reply) => {
      const w = request.workspace;
      const body = request.body as Form;
      const contact = await getContact(deps.db, w.user, request.params.id);
      if (body.confirm !== '1') {
        const form = contactFormValues(contact, await slugsById());
        const outcome = { errors: { confirm: w.ctx.t.pressEraseNotConfirmed } };
        return sendHtml(
          reply,
          await (
            <ContactFormPage
              {...w}
              contact={contact}
              form={form}
              themes={await themeOptions(deps.db, w)}
              outcome={outcome}
            />
          ),
          400,
        );
      }
      await eraseContact(deps.db, contact.id, w.user, deps.now());
      return redirectSaved(reply, base(w));
    },
  );

  scope.get('/workspace/press/contacts/:id/data.json', { schema: { params: IdParams } }, async (request, reply) => {
    const w = request.workspace;
    const data = await contactData(deps.db, w.user, request.params.id);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="press-contact-${request.params.id}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  scope.get('/workspace/press/contacts.csv', async (request, reply) => {
    const csv = await contactsCsv(deps.db, request.workspace.user);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="press-contacts.csv"')
      .send(csv);
  });

  scope.get('/workspace/press/contacts.xlsx', async (request, reply) => {
    const xlsx = await contactsXlsx(deps.db, request.workspace.user);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="press-contacts.xlsx"')
      .send(xlsx);
  });

  scope.get('/workspace/press/import', async (request, reply) =>
    sendHtml(reply, await (<ImportPage {...request.workspace} />)),
  );

  // The file streams in after the CSRF field (features/files/multipart.ts), capped at MAX_IMPORT_BYTES.
  scope.post('/workspace/press/import', { config: { multipartCsrf: true } }, async (request, reply) => {
    const w = request.workspace;
    const form = await receiveUploadForm(request, {
      field: 'file',
      maxBytes: MAX_IMPORT_BYTES,
      csrfMatches: (sent) => csrfMatches(request, auth, sent),
    });
    if (form.problem?.code === 'tooLarge')
      return sendHtml(reply, await ImportPage({ ...w, problem: 'too-large' }), 400);
    if (!form.file) return sendHtml(reply, await ImportPage({ ...w, problem: 'no-file' }), 400);
    try {
      const cells = await readContactsFile(form.file.bytes, form.file.filename);
      const plan = await planContactImport(deps.db, w.user, cells);
      return sendHtml(reply, await (<ImportReportPage {...w} plan={plan} />), plan.problems.length ? 400 : 200);
    } catch (error) {
      if (error instanceof UnreadableContacts)
        return sendHtml(reply, await ImportPage({ ...w, problem: error.problem }), 400);
      throw error;
    }
  });

  // The confirmation carries the checked rows back as CSV text, so its limit is the import's.
  scope.post(
    '/workspace/press/import/commit',
    {
      bodyLimit: 4 * MAX_IMPORT_BYTES,
      schema: { body: Type.Object({ _csrf: Type.String(), csv: Type.String({ maxLength: 3 * MAX_IMPORT_BYTES }) }) },
    },
    async (request, reply) => {
      const w = request.workspace;
      try {
        await commitContactImport(deps.db, w.user, request.body.csv, deps.now());
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        // Something changed since the dry run (another import took an address…): the report again, nothing written.
        const plan = await planContactImport(deps.db, w.user, readCsvSafe(request.body.csv));
        return sendHtml(reply, await (<ImportReportPage {...w} plan={plan} />), 400);
      }
      return redirectSaved(reply, base(w));
    },
  );
}

function readCsvSafe(csv: string): string[][] {
  try {
    return csv.trim() === '' ? [[]] : readCsv(csv);
  } catch {
    return [[]];
  }
}
