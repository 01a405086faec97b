/**
 * Editors record follow-up through the forms (no JavaScript): policy, CSRF, validation messages
 * next to the fields in the editor's language, drafts kept off public pages until published,
 * a 409 for a stale form, audit rows for every write.
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { multipartBody, tinyPdf, tinyPng } from '../../../test/support/files.js';
import { newestRow } from '../../../test/support/followup.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { listAudit } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const publicTimeline = (slug: string) => `/en/statements/guatemala-vp-visit-2021/recommendations/${slug}/follow-up`;
const PUBLIC_TIMELINE = publicTimeline('family-unity');

describeEachEngine('recording follow-up (editors)', (ctx) => {
  let app: FastifyTypeBox;
  let recId: number;
  let base: string;
  let vpId: number;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => NOW, followupStaleMonths: 3 });
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, NOW);
    await createUserWithPassword(ctx.db, { email: 'other@example.org', role: 'editor' }, NOW);
    await createUserWithPassword(ctx.db, { email: 'm@cejil.org', role: 'member', organizationId: cejil!.id }, NOW);
    const [rec] = await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.slug, 'family-unity'));
    recId = rec!.id;
    base = `/en/workspace/followup/recommendations/${recId}`;
    const [vp] = await ctx.db.select().from(t.addressees).where(eq(t.addressees.slug, 'us-vice-president'));
    vpId = vp!.id;
  });

  /** The recommendation's status updates, oldest recorded first. */
  const statusUpdates = () =>
    ctx.db
      .select()
      .from(t.followupStatusUpdates)
      .where(eq(t.followupStatusUpdates.recommendationId, recId))
      .orderBy(t.followupStatusUpdates.id);

  /**
   * A demo recommendation of the test's own: tests that record follow-up each use a different one,
   * so none sees (or needs) another test's entries, whatever order they run in.
   */
  async function recommendation(slug: string) {
    const [rec] = await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.slug, slug));
    return { id: rec!.id, base: `/en/workspace/followup/recommendations/${rec!.id}`, timeline: publicTimeline(slug) };
  }

  /** Records a status update through the form, as an editor does, and returns its row. */
  async function recordStatusUpdate(
    editor: Visitor,
    rec: { id: number; base: string },
    fields: Record<string, string>,
  ) {
    const seen = cheerio
      .load((await editor.get(`${rec.base}/status`)).body)('input[name=seen]')
      .attr('value')!;
    const saved = await editor.post(`${rec.base}/status`, { seen, ...fields }, `${rec.base}/status`);
    expect(saved.statusCode).toBe(303);
    const row = await newestRow(ctx.db, t.followupStatusUpdates, eq(t.followupStatusUpdates.recommendationId, rec.id));
    return row!;
  }

  /** A status update with one evidence link, as recorded and published in April. */
  const withEvidence = {
    status: 'in_progress',
    date: '2026-04-01',
    summary_en: 'Reunification cases reopened.',
    evidence_url_1: 'https://example.org/report',
    evidence_title_1: 'Report',
    evidence_publisher_1: 'Example publisher',
    evidence_date_1: '2026-04-02',
    publish: '1',
  };

  it('keeps the public and members out', async () => {
    const before = await statusUpdates();
    expect((await new Visitor(app).get(`${base}/status`)).statusCode).toBe(303);
    const member = await signedIn(app, 'm@cejil.org');
    expect((await member.get(`${base}/status`)).statusCode).toBe(403);
    expect((await member.get('/en/workspace/followup')).statusCode).toBe(403);
    const post = await member.post(`${base}/status`, { status: 'implemented', date: '2026-01-01', summary_en: 'x' });
    expect(post.statusCode).toBe(403);
    expect(await statusUpdates()).toEqual(before);
  });

  it('refuses a form without the CSRF token', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    const response = await editor.request('POST', `${base}/response`, {
      addressee: vpId,
      position: 'noted',
      date: '2026-01-01',
      summary_en: 'x',
    });
    expect(response.statusCode).toBe(403);
  });

  it('shows each problem next to its field, in Spanish on the Spanish form, and saves nothing', async () => {
    const before = await statusUpdates();
    const editor = await signedIn(app, 'editor@example.org');
    const esBase = base.replace('/en/', '/es/');
    const response = await editor.post(
      `${esBase}/status`,
      {
        status: 'implemented',
        date: '2026-02-30',
        summary_en: '',
        summary_es: '',
        evidence_url_1: 'ftp://x',
        evidence_title_1: 'T',
        evidence_publisher_1: 'P',
      },
      `${esBase}/status`,
    );
    expect(response.statusCode).toBe(400);
    const $ = cheerio.load(response.body);
    expect($('html').attr('lang')).toBe('es');
    expect($('#date-error').text()).toContain('AAAA-MM-DD');
    expect($('#date').attr('aria-describedby')).toBe('date-error');
    expect($('#date').attr('value')).toBe('2026-02-30');
    expect($('#summary_en-error').text()).toContain('al menos en un idioma');
    expect($('#evidence_url_1-error').text()).toContain('https://');
    expect($('.form-problems').text()).toContain('No se guardó nada');
    const future = await editor.post(
      `${base}/response`,
      { addressee: vpId, position: 'noted', date: '2027-01-01', summary_en: 'x' },
      `${base}/response`,
    );
    expect(cheerio.load(future.body)('#date-error').text()).toContain('future');
    expect(await statusUpdates()).toEqual(before);
  });

  it('records a draft response and a status update with evidence; public only once published; audited', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    const saved = await editor.post(
      `${base}/response`,
      {
        addressee: vpId,
        position: 'partially_accepted',
        date: '2026-03-01',
        summary_en: 'The office answered in part.',
        summary_es: 'La oficina respondió en parte.',
      },
      `${base}/response`,
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${base}?saved=1`);
    expect(
      cheerio
        .load((await editor.get(saved.headers.location!)).body)('main > [role=status]')
        .text(),
    ).toBe('Saved.');
    expect((await new Visitor(app).get(PUBLIC_TIMELINE)).body).not.toContain('The office answered in part.');
    const response = await newestRow(ctx.db, t.followupResponses, eq(t.followupResponses.recommendationId, recId));
    expect(response!.summary.es?.origin).toBe('translation');

    await recordStatusUpdate(editor, { id: recId, base }, withEvidence);
    const page = cheerio.load((await new Visitor(app).get(PUBLIC_TIMELINE)).body);
    expect(page('[data-current-status]').attr('data-current-status')).toBe('in_progress');
    expect(page('.evidence cite a').attr('href')).toBe('https://example.org/report');
    expect(page('.badge-unverified').length).toBe(0);

    // Publish the response from the editor's timeline.
    const workspace = cheerio.load((await editor.get(base)).body);
    const form = workspace(`form[action$="/response/${response!.id}/publication"]`);
    const published = await editor.post(
      `/en/workspace/followup/response/${response!.id}/publication`,
      { version: form.find('input[name=version]').attr('value')!, publication: 'published', back: base },
      base,
    );
    expect(published.statusCode).toBe(303);
    expect((await new Visitor(app).get(PUBLIC_TIMELINE)).body).toContain('The office answered in part.');
    const audit = await listAudit(ctx.db, 'followup_response', response!.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'publish']);
    expect(audit.every((a) => a.actorLabel === 'editor@example.org')).toBe(true);
  });

  it('a stale status form gets the 409 page naming who recorded in between', async () => {
    const { base } = await recommendation('armed-forces-human-rights');
    const ana = await signedIn(app, 'editor@example.org');
    const ben = await signedIn(app, 'other@example.org');
    const seen = cheerio
      .load((await ben.get(`${base}/status`)).body)('input[name=seen]')
      .attr('value')!;
    const form = { status: 'implemented', date: '2026-05-01', summary_en: 'Done.', publish: '1' };
    expect((await ana.post(`${base}/status`, { ...form, seen }, `${base}/status`)).statusCode).toBe(303);
    const stale = await ben.post(`${base}/status`, { ...form, seen, status: 'reversed' }, `${base}/status`);
    expect(stale.statusCode).toBe(409);
    expect(cheerio.load(stale.body)('h2').text()).toContain('editor@example.org');
  });

  it('publishing from a stale page is a 409 too', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    const rec = await recommendation('non-deportation-due-process');
    const update = await recordStatusUpdate(editor, rec, withEvidence);
    expect(update.publication).toBe('published');
    const url = `/en/workspace/followup/status_update/${update.id}/publication`;
    const back = rec.base;
    expect((await editor.post(url, { version: update.version, publication: 'draft' }, back)).statusCode).toBe(303);
    expect((await editor.post(url, { version: update.version, publication: 'draft' }, back)).statusCode).toBe(409);
  });

  it('records a meeting and an overdue commitment; reminders list it and the stale recommendations', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    const meeting = await editor.post(
      `${base}/meeting`,
      {
        date: '2026-06-01',
        online: '1',
        summary_es: 'Reunión con la oficina.',
        organization: String(cejil!.id),
        addressee: String(vpId),
        recommendation: String(recId),
        publish: '1',
      },
      `${base}/meeting`,
    );
    expect(meeting.statusCode).toBe(303);
    const m = await newestRow(ctx.db, t.followupMeetings, eq(t.followupMeetings.online, true));
    const commitment = await editor.post(
      `${base}/commitment`,
      {
        committer: `a:${vpId}`,
        meeting: String(m!.id),
        date: '2026-06-01',
        due_on: '2026-09-30',
        text_en: 'Publish the reunification figures.',
        recommendation: String(recId),
        publish: '1',
      },
      `${base}/commitment`,
    );
    expect(commitment.statusCode).toBe(303);
    const reminders = cheerio.load((await editor.get('/en/workspace/followup')).body);
    expect(reminders('[data-reminder=overdue]').text()).toContain('Publish the reunification figures.');
    // Three months: every demo recommendation, as none has a status update dated since August 2026.
    expect(reminders('[data-reminder=stale]').text()).toContain('7 recommendations.');
    const stale = cheerio.load((await editor.get(reminders('[data-reminder=stale] a').attr('href')!)).body);
    expect(stale('table[data-list=recommendations] tbody tr').length).toBe(7);
    expect(reminders('h2').first().text()).toContain('3 months');
    const timeline = cheerio.load((await new Visitor(app).get(PUBLIC_TIMELINE)).body);
    expect(timeline('[data-kind=commitment] .badge-overdue').length).toBe(1);
    expect(timeline('[data-kind=meeting]').text()).toContain('Center for Justice and International Law');
  });

  /**
   * Submits one copy form of the editor's recommendation page as a browser does: its _csrf and version,
   * then the file; `to` may send it elsewhere than the form's action.
   */
  async function uploadCopy(
    editor: Visitor,
    page: string,
    formKey: string,
    file: { name: string; bytes: Buffer },
    to = (action: string) => action,
  ) {
    const $ = cheerio.load((await editor.get(page)).body);
    const form = $(`[data-copy-form="${formKey}"] form[enctype]`);
    const { payload, contentType } = multipartBody(
      {
        _csrf: form.find('input[name=_csrf]').attr('value')!,
        version: form.find('input[name=version]').attr('value')!,
      },
      { field: 'document', filename: file.name, contentType: 'application/octet-stream', bytes: file.bytes },
    );
    return editor.app.inject({
      method: 'POST',
      url: to(form.attr('action')!),
      payload,
      remoteAddress: editor.remoteAddress,
      headers: { cookie: editor.cookieHeader(), 'content-type': contentType },
    });
  }

  it('edits a status update through its pre-filled form; problems next to fields in en and es; nothing saved', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    const { id: recId, base } = await recommendation('regular-migration');
    const update = await recordStatusUpdate(editor, { id: recId, base }, withEvidence);
    const workspace = cheerio.load((await editor.get(base)).body);
    const editUrl = workspace(`[data-edit="status_update-${update.id}"]`).attr('href')!;
    expect(editUrl).toBe(`${base}/status/${update.id}/edit`);
    const form = cheerio.load((await editor.get(editUrl)).body);
    expect(form('h1').text()).toBe('Edit a status update');
    expect(form('#date').attr('value')).toBe(update.date);
    expect(form('#status option[selected]').attr('value')).toBe(update.status);
    expect(form('input[name=version]').attr('value')).toBe(String(update.version));
    expect(form('input[name=evidence_id_1]').attr('value')).toBeDefined();
    expect(form('input[name=seen]').length).toBe(0);
    // Worded for an entry that exists: its status, and whether it is published now (not "publish now").
    expect(form('label[for=status]').text()).toBe('Status');
    expect(form('label[for=publish]').text()).toMatch(/^Published: shown on the public pages/);
    expect(form('#publish').attr('checked')).toBe(update.publication === 'published' ? 'checked' : undefined);
    const recording = cheerio.load((await editor.get(`${base}/status`)).body);
    expect(recording('label[for=status]').text()).toBe('New status');
    expect(recording('label[for=publish]').text()).toMatch(/^Publish now/);
    // Only from its own recommendation's page: elsewhere the form would offer the wrong choices.
    const [other] = await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.slug, 'justice-system'));
    const elsewhere = editUrl.replace(`/recommendations/${recId}/`, `/recommendations/${other!.id}/`);
    expect((await editor.get(elsewhere)).statusCode).toBe(404);
    const posted = await editor.post(elsewhere, { version: String(update.version), status: 'reversed' }, editUrl);
    expect(posted.statusCode).toBe(404);

    for (const locale of ['en', 'es'] as const) {
      const url = editUrl.replace('/en/', `/${locale}/`);
      const bad = await editor.post(
        url,
        { version: String(update.version), status: 'implemented', date: '2026-13-01', summary_en: 'Typed text kept.' },
        url,
      );
      expect(bad.statusCode).toBe(400);
      const $ = cheerio.load(bad.body);
      expect($('#date').attr('aria-invalid')).toBe('true');
      expect($('#date-error').text()).toContain(locale === 'en' ? 'YYYY-MM-DD' : 'AAAA-MM-DD');
      expect($('#summary_en').text()).toBe('Typed text kept.');
      expect($('label[for=status]').text()).toBe(locale === 'en' ? 'Status' : 'Estado');
      expect($('label[for=publish]').text()).toMatch(locale === 'en' ? /^Published:/ : /^Publicado:/);
    }
    const [unchanged] = await ctx.db
      .select()
      .from(t.followupStatusUpdates)
      .where(eq(t.followupStatusUpdates.id, update.id));
    expect(unchanged).toEqual(update);
  });

  it('a stale edit comes back as a 409 with the other editor’s change and the typed text kept', async () => {
    const ana = await signedIn(app, 'editor@example.org');
    const ben = await signedIn(app, 'other@example.org');
    const { id: recId, base } = await recommendation('international-cooperation');
    const recorded = await ana.post(
      `${base}/response`,
      {
        addressee: vpId,
        position: 'partially_accepted',
        date: '2026-03-01',
        summary_en: 'The office answered in part.',
      },
      `${base}/response`,
    );
    expect(recorded.statusCode).toBe(303);
    const response = await newestRow(ctx.db, t.followupResponses, eq(t.followupResponses.recommendationId, recId));
    const url = `${base}/response/${response!.id}/edit`;
    const fields = (summary: string, version: string) => ({
      version,
      addressee: String(vpId),
      position: 'accepted',
      date: '2026-03-01',
      summary_en: summary,
      publish: '1',
    });
    const version = cheerio
      .load((await ben.get(url)).body)('input[name=version]')
      .attr('value')!;
    expect((await ana.post(url, fields('Ana’s wording.', version), url)).statusCode).toBe(303);
    const stale = await ben.post(url, fields('Ben’s wording.', version), url);
    expect(stale.statusCode).toBe(409);
    // A version no row can have (past PostgreSQL's integer, or not a number) is a conflict too, never a 500.
    for (const bogus of ['2147483648', '1e3', '-1']) {
      expect((await ben.post(url, fields('Ben’s wording.', bogus), url)).statusCode, bogus).toBe(409);
    }
    const $ = cheerio.load(stale.body);
    expect($('.conflict-notice').text()).toContain('editor@example.org');
    expect($('#summary_en').text()).toBe('Ben’s wording.');
    expect($('input[name=version]').attr('value')).toBe(String(Number(version) + 1));
    // Saving again over the current version is deliberate, and works.
    const again = await ben.post(url, fields('Ben’s wording.', String(Number(version) + 1)), url);
    expect(again.statusCode).toBe(303);
    const audit = await listAudit(ctx.db, 'followup_response', response!.id);
    expect(audit.filter((a) => a.action === 'update').map((a) => a.actorLabel)).toEqual([
      'editor@example.org',
      'other@example.org',
    ]);
  });

  it('attaches a PDF copy to evidence; a refused file is explained next to its field; the public timeline links the copy', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    const { id: recId, base, timeline: publicTimeline } = await recommendation('tps-guatemala');
    const update = await recordStatusUpdate(editor, { id: recId, base }, withEvidence);
    const [evidence] = await ctx.db
      .select()
      .from(t.followupEvidence)
      .where(eq(t.followupEvidence.statusUpdateId, update.id));
    const key = `evidence-${evidence!.id}`;
    const esBase = base.replace('/en/', '/es/');
    const refused = await uploadCopy(editor, esBase, key, { name: 'photo.png', bytes: tinyPng() });
    expect(refused.statusCode).toBe(415);
    const $ = cheerio.load(refused.body);
    const field = $(`#copy-evidence-${evidence!.id}`);
    expect(field.attr('aria-invalid')).toBe('true');
    expect($(`#copy-evidence-${evidence!.id}-error`).text()).toContain('PNG');
    expect($('html').attr('lang')).toBe('es');

    const pdf = tinyPdf('Evidence copy');
    const saved = await uploadCopy(editor, base, key, { name: 'report.pdf', bytes: pdf });
    expect(saved.statusCode).toBe(303);
    const [row] = await ctx.db.select().from(t.followupEvidence).where(eq(t.followupEvidence.id, evidence!.id));
    expect(row!.upload).toMatch(/^[0-9a-f]{64}$/);
    // The update was recorded published, so the public timeline shows it with its copy.
    const timeline = cheerio.load((await new Visitor(app).get(publicTimeline)).body);
    const link = timeline(`[data-copy="${row!.upload}"] a`);
    expect(link.attr('href')).toBe(`/files/${row!.upload}`);
    expect(link.text()).toMatch(/^copy \(PDF, [\d.]+ (B|KB)\)$/);
    const file = await new Visitor(app).get(`/files/${row!.upload}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);

    // Remove it again: version-checked like the rest, audited on the status update.
    const page = cheerio.load((await editor.get(base)).body);
    const remove = page(`[data-copy-form="${key}"] form[action$="/remove"]`);
    // Only from its own recommendation's page, as the edit forms (404 elsewhere); nothing changes.
    const [other] = await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.slug, 'justice-system'));
    const elsewhere = (url: string) => url.replace(`/recommendations/${recId}/`, `/recommendations/${other!.id}/`);
    const removeElsewhere = await editor.post(
      elsewhere(remove.attr('action')!),
      { version: remove.find('input[name=version]').attr('value')! },
      base,
    );
    expect(removeElsewhere.statusCode).toBe(404);
    const uploadElsewhere = await uploadCopy(editor, base, key, { name: 'o.pdf', bytes: tinyPdf('O') }, elsewhere);
    expect(uploadElsewhere.statusCode).toBe(404);
    const [untouched] = await ctx.db.select().from(t.followupEvidence).where(eq(t.followupEvidence.id, evidence!.id));
    expect(untouched!.upload).toBe(row!.upload);
    const removed = await editor.post(
      remove.attr('action')!,
      { version: remove.find('input[name=version]').attr('value')! },
      base,
    );
    expect(removed.statusCode).toBe(303);
    expect((await new Visitor(app).get(`/files/${row!.upload}`)).statusCode).toBe(404);
    const audit = await listAudit(ctx.db, 'followup_status_update', update.id);
    expect(audit.map((a) => a.action)).toContain('attach_copy');
    expect(audit.at(-1)!.action).toBe('remove_copy');
  });

  it('a commitment made at a meeting of another recommendation keeps that meeting on its edit form', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    const [other] = await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.slug, 'justice-system'));
    const [meeting] = await ctx.db
      .insert(t.followupMeetings)
      .values({ date: '2026-04-02', place: 'Ciudad de Guatemala', summary: localized('en', 'Met on justice.') })
      .returning();
    await ctx.db
      .insert(t.followupMeetingRecommendations)
      .values({ meetingId: meeting!.id, recommendationId: other!.id });
    const [commitment] = await ctx.db
      .insert(t.followupCommitments)
      .values({ meetingId: meeting!.id, addresseeId: vpId, text: localized('en', 'Will review.'), date: '2026-04-02' })
      .returning();
    await ctx.db
      .insert(t.followupCommitmentRecommendations)
      .values({ commitmentId: commitment!.id, recommendationId: recId });
    const url = `${base}/commitment/${commitment!.id}/edit`;
    const $ = cheerio.load((await editor.get(url)).body);
    const chosen = $('#meeting option[selected]');
    expect(chosen.attr('value')).toBe(String(meeting!.id));
    expect(chosen.text()).toContain('Ciudad de Guatemala');
    // Saved unchanged, as a browser sends the pre-filled form.
    const fields = Object.fromEntries(
      $('form.form')
        .serializeArray()
        .filter((f) => f.name !== '_csrf')
        .map((f) => [f.name, f.value]),
    );
    const saved = await editor.post(url, fields, url);
    expect(saved.statusCode).toBe(303);
    const [after] = await ctx.db
      .select()
      .from(t.followupCommitments)
      .where(eq(t.followupCommitments.id, commitment!.id));
    expect(after).toMatchObject({ meetingId: meeting!.id, version: 2 });
    // Any other meeting not linked here is still refused.
    const [stranger] = await ctx.db
      .insert(t.followupMeetings)
      .values({ date: '2026-04-03', online: true, summary: localized('en', 'Elsewhere.') })
      .returning();
    const refused = await editor.post(url, { ...fields, version: '2', meeting: String(stranger!.id) }, url);
    expect(refused.statusCode).toBe(400);
    expect(cheerio.load(refused.body)('#meeting-error').text()).not.toBe('');
  });
});
