/** Open sign-on's services on both engines: settings, submission, links, moderation, the public list and the export. */
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { queuedMail } from '../../../test/support/outbox.js';
import { createUserWithPassword } from '../../../test/support/visitors.js';
import { listAudit } from '../../platform/audit.js';
import { readContentVersion } from '../../platform/db/content-version.js';
import * as t from '../../platform/db/schema/index.js';
import type { UserRow } from '../../platform/sessions.js';
import { localized } from '../../platform/text/localized-text.js';
import { loadDemo } from '../demo/index.js';
import { openSignatories, signatoryExportRows } from './list-service.js';
import { decideSubmission, moderationQueue } from './moderation-service.js';
import { saveOpenSignOnSettings } from './settings-service.js';
import { submitSignature, VERIFY_TTL_MS, verifySignature, withdrawOpenSignature } from './submit-service.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const links = { baseUrl: 'https://puente.example' };
const tokenIn = (text: string, kind: 'verify' | 'withdraw') =>
  new RegExp(`/open-sign-on/${kind}/([A-Za-z0-9_-]+)`).exec(text)?.[1] ?? '';

describeEachEngine('open sign-on services', (ctx) => {
  let editor: UserRow;
  let admin: UserRow;
  let statements = 0;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    editor = await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, NOW);
    admin = await createUserWithPassword(ctx.db, { email: 'admin@example.org', role: 'admin' }, NOW, {
      twoFactor: false,
    });
  });

  async function openStatement(status: 'published' | 'draft' = 'published', individualsAllowed = false) {
    statements += 1;
    const slug = `open-${statements}`;
    await ctx.db.insert(t.statements).values({
      slug,
      title: localized('en', `Open statement ${statements}`, { es: `Declaración abierta ${statements}` }),
      date: '2026-11-01',
      status,
    });
    const fields = ['acronym', 'country', 'website', 'contactName'];
    await saveOpenSignOnSettings(
      ctx.db,
      editor,
      { slug, version: 0, open: true, deadlineLocal: '', timeZone: 'UTC', individualsAllowed, fields },
      NOW,
    );
    return slug;
  }

  const sign = (slug: string, name: string, email: string, extra: Record<string, string> = {}) =>
    submitSignature(ctx.db, { slug, kind: 'organization', name, email, locale: 'es', ...extra }, NOW, links);

  async function signAndVerify(slug: string, name: string, email: string, extra: Record<string, string> = {}) {
    const { submission } = await sign(slug, name, email, extra);
    const [mail] = (await queuedMail(ctx.db, email)).slice(-1);
    await verifySignature(ctx.db, tokenIn(mail!.text, 'verify'), NOW);
    return submission;
  }

  it('queues one verification mail per signer, in their language, and a re-submission is the same row', async () => {
    const slug = await openStatement();
    const first = await sign(slug, 'Red de Mujeres del Sur', 'red@sur.example', { country: 'gt' });
    expect(first.created).toBe(true);
    expect(first.submission).toMatchObject({ status: 'unverified', country: 'GT', locale: 'es' });
    // Same email, the name typed again with other case and accents: the same signer.
    const again = await sign(slug, 'RED DE MUJERES DEL SUR', ' Red@Sur.example ');
    expect(again).toMatchObject({ created: false, submission: { id: first.submission.id } });
    const mail = await queuedMail(ctx.db, 'red@sur.example');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('Confirma tu firma: Declaración abierta 1');
    expect(mail[0]!.text).toContain(`https://puente.example/es/open-sign-on/verify/`);
    expect(mail[0]!.forgetBody).toBe(true);
    // Only the token's hash is stored.
    const token = tokenIn(mail[0]!.text, 'verify');
    const stored = await ctx.db.select().from(t.openSignOnTokens);
    expect(stored.some((s) => s.tokenHash === token)).toBe(false);
    const audit = await listAudit(ctx.db, 'open_sign_on_submission', first.submission.id);
    expect(audit.map((a) => a.action)).toEqual(['submit']);
    expect(audit[0]!.after).toMatchObject({ name: 'Red de Mujeres del Sur', status: 'unverified', country: 'GT' });
    // The row, its two links, its audit row and its mail are written by one statement: each names the row.
    const own = stored.filter((s) => s.submissionId === first.submission.id);
    expect(own.map((s) => s.purpose).sort()).toEqual(['verify', 'withdraw']);
    expect(own.every((s) => s.createdAt.getTime() === NOW.getTime() && s.expiresAt > NOW)).toBe(true);
    expect(mail[0]).toMatchObject({ refTable: 'open_sign_on_submissions', refId: String(first.submission.id) });
  });

  it('mails new links to a signer who signs again once the first link expired, and only then', async () => {
    const slug = await openStatement();
    const at = (ms: number) => new Date(NOW.getTime() + ms);
    const signAt = (when: Date) =>
      submitSignature(
        ctx.db,
        { slug, kind: 'organization', name: 'Colectivo Sur', email: 'sur@colectivo.example', locale: 'en' },
        when,
        links,
      );
    const first = await signAt(NOW);
    await signAt(at(VERIFY_TTL_MS - 1000));
    expect(await queuedMail(ctx.db, 'sur@colectivo.example')).toHaveLength(1);
    const later = await signAt(at(VERIFY_TTL_MS + 1000));
    expect(later).toMatchObject({ created: false, submission: { id: first.submission.id } });
    await signAt(at(VERIFY_TTL_MS + 2000));
    const mail = await queuedMail(ctx.db, 'sur@colectivo.example');
    expect(mail).toHaveLength(2);
    expect(mail[1]!.refId).toBe(String(first.submission.id));
    // The new link works; the expired one does not.
    await expect(
      verifySignature(ctx.db, tokenIn(mail[0]!.text, 'verify'), at(VERIFY_TTL_MS + 3000)),
    ).rejects.toMatchObject({ reason: 'openSignonLinkInvalidReason' });
    const verified = await verifySignature(ctx.db, tokenIn(mail[1]!.text, 'verify'), at(VERIFY_TTL_MS + 3000));
    expect(verified.submission.status).toBe('verified');
  });

  it('keeps concurrent identical submissions to one row and one mail', async () => {
    const slug = await openStatement();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => sign(slug, 'Colectivo Paz', 'paz@colectivo.example')),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.submission.id)).size).toBe(1);
    expect(await queuedMail(ctx.db, 'paz@colectivo.example')).toHaveLength(1);
  });

  it('refuses bad input, closed statements and non-public statements, and writes nothing', async () => {
    const slug = await openStatement();
    await expect(sign(slug, '', 'not-an-email', { website: 'nope', country: 'XX' })).rejects.toMatchObject({
      problems: expect.arrayContaining([
        { field: 'name', problem: 'workspaceErrRequired' },
        { field: 'email', problem: 'workspaceErrEmail' },
        { field: 'website', problem: 'workspaceErrUrl' },
        { field: 'country', problem: 'workspaceErrChoice' },
      ]),
    });
    await expect(sign(slug, 'Ana Pérez', 'ana@example.org', { kind: 'individual' })).rejects.toMatchObject({
      problems: [{ field: 'kind', problem: 'workspaceErrOpenSignonNoIndividuals' }],
    });
    const draft = await openStatement('draft');
    await expect(sign(draft, 'Someone', 'someone@example.org')).rejects.toMatchObject({ statusCode: 404 });
    await saveOpenSignOnSettings(
      ctx.db,
      editor,
      { slug, version: 1, open: false, deadlineLocal: '', timeZone: 'UTC', individualsAllowed: false, fields: [] },
      NOW,
    );
    await expect(sign(slug, 'Late Org', 'late@example.org')).rejects.toMatchObject({
      reason: 'openSignonClosedReason',
    });
    const [row] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, slug));
    const stored = await ctx.db
      .select()
      .from(t.openSignOnSubmissions)
      .where(eq(t.openSignOnSubmissions.statementId, row!.id));
    expect(stored).toEqual([]);
    expect(await queuedMail(ctx.db, 'late@example.org')).toEqual([]);
  });

  it('verifies once; withdrawal takes an approved signature off the signatories', async () => {
    const slug = await openStatement();
    const version = async () => (await readContentVersion(ctx.db)).version;
    const beforeSigning = await version();
    const { submission } = await sign(slug, 'Pop No’j', 'popnoj@example.org');
    const [mail] = await queuedMail(ctx.db, 'popnoj@example.org');
    const verify = tokenIn(mail!.text, 'verify');
    const verified = await verifySignature(ctx.db, verify, NOW);
    expect(verified.submission.status).toBe('verified');
    await expect(verifySignature(ctx.db, verify, NOW)).rejects.toMatchObject({ reason: 'openSignonLinkInvalidReason' });
    await expect(verifySignature(ctx.db, 'x'.repeat(43), NOW)).rejects.toMatchObject({ statusCode: 400 });
    // Nothing public yet: the page cache is kept through a submission and its confirmation.
    expect(await version()).toBe(beforeSigning);
    const approved = await decideSubmission(
      ctx.db,
      editor,
      { slug, id: submission.id, version: 2, decision: 'approve', organizationSlug: 'cejil', addToSignatories: true },
      NOW,
    );
    expect(approved.status).toBe('approved');
    const approvedAt = await version();
    expect(approvedAt).toBeGreaterThan(beforeSigning);
    const cejil = approved.organizationId!;
    const listed = () =>
      ctx.db
        .select()
        .from(t.signatories)
        .where(and(eq(t.signatories.statementId, submission.statementId), eq(t.signatories.organizationId, cejil)));
    expect(await listed()).toHaveLength(1);
    const withdrawn = await withdrawOpenSignature(ctx.db, tokenIn(mail!.text, 'withdraw'), NOW);
    expect(withdrawn.submission.status).toBe('withdrawn');
    expect(await listed()).toEqual([]);
    expect(await version()).toBeGreaterThan(approvedAt);
    expect((await listAudit(ctx.db, 'open_sign_on_submission', submission.id)).map((a) => a.action)).toEqual([
      'submit',
      'verify',
      'approve_open_sign_on',
      'withdraw',
    ]);
  });

  it('shows duplicates and registry matches; merges, approves, rejects; lists and exports the approved', async () => {
    const slug = await openStatement();
    const a = await signAndVerify(slug, 'Asociación Pro Derechos', 'info@proderechos.example', {
      website: 'https://proderechos.example',
      country: 'GT',
    });
    const b = await signAndVerify(slug, 'Asociacion Pro-Derechos Humanos', 'otra@proderechos.example', {
      website: 'https://www.proderechos.example/contacto',
      country: 'GT',
    });
    const c = await signAndVerify(slug, 'Center for Justice and International Law', 'x@cejil.example', {
      country: 'US',
    });
    const d = await signAndVerify(slug, 'Spam Corp', 'spam@spam.example');
    const queue = await moderationQueue(ctx.db, editor, slug);
    expect(queue.counts.verified).toBe(4);
    const itemOf = (id: number) => queue.items.find((i) => i.submission.id === id)!;
    expect(itemOf(b.id).duplicates.map((dup) => [dup.submission.id, dup.why])).toEqual([[a.id, 'website']]);
    expect(itemOf(c.id).registry).toMatchObject({ slug: 'cejil' });
    expect(itemOf(d.id).duplicates).toEqual([]);

    await decideSubmission(ctx.db, editor, { slug, id: b.id, version: 2, decision: 'merge', mergeInto: a.id }, NOW);
    await expect(
      decideSubmission(ctx.db, editor, { slug, id: d.id, version: 2, decision: 'merge', mergeInto: d.id }, NOW),
    ).rejects.toMatchObject({ reason: 'openSignonMergeTargetReason' });
    // An editor may not add to the registry; the admin may.
    await expect(
      decideSubmission(ctx.db, editor, { slug, id: a.id, version: 2, decision: 'approve', addToRegistry: true }, NOW),
    ).rejects.toMatchObject({ statusCode: 403 });
    const approvedA = await decideSubmission(
      ctx.db,
      admin,
      { slug, id: a.id, version: 2, decision: 'approve', addToRegistry: true, addToSignatories: true },
      NOW,
    );
    const [created] = await ctx.db
      .select()
      .from(t.organizations)
      .where(eq(t.organizations.id, approvedA.organizationId!));
    expect(created).toMatchObject({ name: 'Asociación Pro Derechos', country: 'GT' });
    await decideSubmission(ctx.db, editor, { slug, id: c.id, version: 2, decision: 'approve' }, NOW);
    await decideSubmission(ctx.db, editor, { slug, id: d.id, version: 2, decision: 'spam' }, NOW);
    // A stale version is a conflict, and changes nothing.
    await expect(
      decideSubmission(ctx.db, editor, { slug, id: d.id, version: 2, decision: 'reject' }, NOW),
    ).rejects.toMatchObject({ statusCode: 409 });

    const list = await openSignatories(ctx.db, a.statementId);
    expect(list.total).toBe(2);
    expect(list.byCountry).toEqual([
      { country: 'GT', count: 1 },
      { country: 'US', count: 1 },
    ]);
    expect(list.names.map((n) => n.name)).toEqual([
      'Asociación Pro Derechos',
      'Center for Justice and International Law',
    ]);
    const rows = [];
    for await (const row of signatoryExportRows(ctx.db, a.statementId)) rows.push(row);
    expect(rows.map((r) => [r.name, r.email, r.organization_slug])).toEqual([
      ['Asociación Pro Derechos', 'info@proderechos.example', created!.slug],
      ['Center for Justice and International Law', 'x@cejil.example', ''],
    ]);
    expect((await moderationQueue(ctx.db, editor, slug)).items).toEqual([]);
  });
});
