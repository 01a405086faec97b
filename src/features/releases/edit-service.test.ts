/** The release write services on both engines: timing with a zone, registry picks in order, publication, conflicts. */
import { asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { editorUser, problemsOf, seedRegistry, statementInput } from '../../../test/support/statements.js';
import { listAudit } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import { Conflict, NotFound } from '../../platform/errors.js';
import { releaseVisibility } from '../../platform/visibility.js';
import type { Editor } from '../../platform/write.js';
import { createRecommendation, createStatement } from '../statements/index.js';
import { createRelease, deleteRelease, type ReleaseFields } from './edit-service.js';
import { changeReleasePublication } from './publication-service.js';
import { type ReleaseEdit, saveRelease } from './release-save.js';
import { buildRenderModel } from './render-model.js';
import { getPublicRelease, getRelease } from './service.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const MINUTE = 60_000;

const fields = (overrides: Partial<ReleaseFields> = {}): ReleaseFields => ({
  statementId: null,
  releaseDate: '2026-11-27',
  headline: { en: 'Coalition asks for protection', es: 'La coalición pide protección' },
  subheadline: { en: '', es: '' },
  datelinePlace: { en: 'Guatemala City', es: 'Ciudad de Guatemala' },
  lead: { en: 'Ten organizations **ask** today.', es: 'Diez organizaciones **piden** hoy.' },
  fullDocumentUrl: '',
  endMark: '###',
  timing: { kind: 'immediate', timeZone: 'America/Guatemala' },
  originalLocale: 'en',
  ...overrides,
});

/** The editor's one form as the service gets it: fields, lists and body, against a version. */
const edit = (
  r: { slug: string; version: number },
  overrides: Partial<ReleaseEdit> = {},
  fieldOverrides: Partial<ReleaseFields> = {},
): ReleaseEdit => ({
  ...fields(fieldOverrides),
  slug: r.slug,
  version: r.version,
  contacts: [],
  highlights: [],
  boilerplates: [],
  blocks: [],
  ...overrides,
});

describeEachEngine('release write services', (ctx) => {
  let ana: Editor;
  let ben: Editor;
  let registry: Awaited<ReturnType<typeof seedRegistry>>;
  let statementId: number;
  let recIds: number[];
  beforeAll(async () => {
    registry = await seedRegistry(ctx.db);
    ana = await editorUser(ctx.db);
    ben = await editorUser(ctx.db);
    const s = await createStatement(ctx.db, statementInput({ slug: 'for-releases' }), ana, NOW);
    statementId = s.id;
    recIds = [];
    for (const en of ['First ask', 'Second ask']) {
      const r = await createRecommendation(
        ctx.db,
        { statementSlug: s.slug, text: { en }, themeIds: [], addresseeIds: [], originalLocale: 'en' },
        ana,
        NOW,
      );
      recIds.push(r.id);
    }
  });

  it('stores an embargo typed in a zone as the UTC instant, and the zone for the release line', async () => {
    const r = await createRelease(
      ctx.db,
      {
        ...fields({ timing: { kind: 'embargoed', local: '2026-11-27T09:00', timeZone: 'America/Guatemala' } }),
        slug: '',
      },
      ana,
      NOW,
    );
    expect(r.slug).toBe('coalition-asks-for-protection');
    expect(r.embargoedUntil?.toISOString()).toBe('2026-11-27T15:00:00.000Z');
    expect(r.timeZone).toBe('America/Guatemala');
    const model = buildRenderModel(await getRelease(ctx.db, r.slug, NOW), 'en');
    expect(model.releaseLine).toContain('(America/Guatemala)');
    expect(model.releaseLine).toContain('9:00');
  });

  it('refuses a skipped local time, an unknown zone, a missing headline and a foreign recommendation', async () => {
    expect(
      await problemsOf(
        createRelease(
          ctx.db,
          {
            ...fields({
              headline: { en: '' },
              timing: { kind: 'embargoed', local: '2026-03-08T02:30', timeZone: 'America/New_York' },
            }),
            slug: 'x',
          },
          ana,
          NOW,
        ),
      ),
    ).toEqual([
      { field: 'headline', problem: 'workspaceErrRequiredOneLanguage' },
      { field: 'embargoLocal', problem: 'editorialErrLocalTime' },
    ]);
    expect(
      await problemsOf(
        createRelease(
          ctx.db,
          { ...fields({ timing: { kind: 'immediate', timeZone: 'Nowhere/City' } }), slug: 'y' },
          ana,
          NOW,
        ),
      ),
    ).toEqual([{ field: 'timeZone', problem: 'editorialErrTimeZone' }]);
    const loose = await createRelease(ctx.db, { ...fields(), slug: 'no-statement' }, ana, NOW);
    expect(await problemsOf(saveRelease(ctx.db, edit(loose, { highlights: recIds }), ana, NOW))).toEqual([
      { field: 'highlights', problem: 'editorialErrNotOfStatement' },
    ]);
  });

  it('saves fields, contacts, highlights, boilerplates and body in one save, one version, one audit row; the render follows', async () => {
    let r = await createRelease(ctx.db, { ...fields({ statementId }), slug: 'picked' }, ana, NOW);
    const [red, justice, casa] = registry.organizations;
    const [anaLopez, benOrtiz] = registry.people;
    r = await saveRelease(
      ctx.db,
      edit(
        r,
        {
          contacts: [benOrtiz!.id, anaLopez!.id],
          highlights: [recIds[1]!, recIds[0]!],
          boilerplates: [justice!.id, red!.id, casa!.id],
          blocks: [
            { kind: 'quote', personId: anaLopez!.id, text: { en: 'We will not stop.', es: 'No pararemos.' } },
            { kind: 'highlights', text: { en: 'The coalition asks:' } },
            { kind: 'text', text: { en: 'More at the site.' } },
          ],
        },
        { statementId, headline: { en: 'One save for all', es: 'Un solo guardado' } },
      ),
      ana,
      NOW,
    );
    expect(r.version).toBe(2);
    const en = buildRenderModel(await getRelease(ctx.db, r.slug, NOW), 'en');
    expect(en.headline).toBe('One save for all');
    expect(en.contacts.map((c) => c.name)).toEqual(['Ben Ortiz', 'Ana López']);
    expect(en.blocks.map((b) => b.kind)).toEqual(['quote', 'highlights', 'text']);
    expect(en.blocks[1]).toMatchObject({ intro: 'The coalition asks:', items: ['Second ask', 'First ask'] });
    expect(en.boilerplates.map((b) => b.name)).toEqual(['Justice Lab', 'Red Norte']);
    expect(en.gaps).toContainEqual({ kind: 'boilerplate', organization: 'Casa Sur' });
    const audits = await listAudit(ctx.db, 'release', r.id);
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audits[1]!.after).toMatchObject({
      contacts: [benOrtiz!.id, anaLopez!.id],
      highlights: [recIds[1]!, recIds[0]!],
      boilerplates: [justice!.id, red!.id, casa!.id],
      version: 2,
    });
    // Bad input anywhere in the form: nothing is written, every problem named by its field.
    expect(
      await problemsOf(
        saveRelease(
          ctx.db,
          edit(r, { contacts: [999_999], blocks: [{ kind: 'quote', text: { en: 'x' } }] }, { statementId }),
          ana,
          NOW,
        ),
      ),
    ).toEqual([
      { field: 'contacts', problem: 'workspaceErrChoice' },
      { field: 'block_0_person', problem: 'workspaceErrRequired' },
    ]);
    const contacts = await ctx.db
      .select()
      .from(t.releaseContacts)
      .where(eq(t.releaseContacts.releaseId, r.id))
      .orderBy(asc(t.releaseContacts.position));
    expect(contacts.map((c) => c.personId)).toEqual([benOrtiz!.id, anaLopez!.id]);
    expect((await listAudit(ctx.db, 'release', r.id)).length).toBe(2);
  });

  it('ticked highlights without a "Highlights list" block: the save adds one at the end of the body', async () => {
    let r = await createRelease(ctx.db, { ...fields({ statementId }), slug: 'ticked' }, ana, NOW);
    r = await saveRelease(
      ctx.db,
      edit(r, { highlights: [recIds[0]!], blocks: [{ kind: 'text', text: { en: 'Body.' } }] }, { statementId }),
      ana,
      NOW,
    );
    const en = buildRenderModel(await getRelease(ctx.db, r.slug, NOW), 'en');
    expect(en.blocks.map((b) => b.kind)).toEqual(['text', 'highlights']);
    expect(en.blocks[1]).toMatchObject({ items: ['First ask'] });
  });

  it('publish under embargo: hidden until the instant, then public; withdraw hides it again; unpublish makes a draft', async () => {
    const local = '2026-11-27T06:02';
    let r = await createRelease(
      ctx.db,
      { ...fields({ timing: { kind: 'embargoed', local, timeZone: 'America/Guatemala' } }), slug: 'embargoed' },
      ana,
      NOW,
    );
    await expect(getPublicRelease(ctx.db, r.slug, NOW)).rejects.toBeInstanceOf(NotFound);
    r = await changeReleasePublication(ctx.db, { slug: r.slug, action: 'publish', version: r.version }, ana, NOW);
    expect(releaseVisibility(r, null, NOW)).toBe('embargoed');
    await expect(getPublicRelease(ctx.db, r.slug, NOW)).rejects.toBeInstanceOf(NotFound);
    const after = new Date(NOW.getTime() + 2 * MINUTE);
    expect((await getPublicRelease(ctx.db, r.slug, after)).release.id).toBe(r.id);
    r = await changeReleasePublication(ctx.db, { slug: r.slug, action: 'withdraw', version: r.version }, ana, after);
    expect(releaseVisibility(r, null, after)).toBe('withdrawn');
    await expect(getPublicRelease(ctx.db, r.slug, after)).rejects.toBeInstanceOf(NotFound);
    r = await changeReleasePublication(ctx.db, { slug: r.slug, action: 'unpublish', version: r.version }, ana, after);
    expect(releaseVisibility(r, null, after)).toBe('draft');
    expect(await problemsOf(deleteRelease(ctx.db, { slug: r.slug, version: r.version }, ana, after))).toEqual([
      { field: 'release', problem: 'editorialErrPublishedKept' },
    ]);
  });

  it('will not publish a release without a lead; a draft never published can be deleted', async () => {
    const r = await createRelease(ctx.db, { ...fields({ lead: { en: '' } }), slug: 'no-lead' }, ana, NOW);
    expect(
      await problemsOf(
        changeReleasePublication(ctx.db, { slug: r.slug, action: 'publish', version: r.version }, ana, NOW),
      ),
    ).toEqual([{ field: 'lead', problem: 'workspaceErrRequiredOneLanguage' }]);
    await deleteRelease(ctx.db, { slug: r.slug, version: r.version }, ana, NOW);
    await expect(getRelease(ctx.db, r.slug, NOW)).rejects.toBeInstanceOf(NotFound);
  });

  it('a second editor’s stale save is a Conflict with the first one’s headline, and writes nothing', async () => {
    const r = await createRelease(ctx.db, { ...fields({ statementId }), slug: 'contested' }, ana, NOW);
    await saveRelease(ctx.db, edit(r, {}, { statementId, headline: { en: 'Ana’s headline' } }), ana, NOW);
    const error = await saveRelease(
      ctx.db,
      edit(r, { contacts: [registry.people[0]!.id] }, { statementId, headline: { en: 'Ben’s headline' } }),
      ben,
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect(JSON.stringify((error as Conflict).current)).toContain('Ana’s headline');
    const [row] = await ctx.db.select().from(t.releases).where(eq(t.releases.id, r.id));
    expect(row!.headline.en?.text).toBe('Ana’s headline');
    expect(await ctx.db.select().from(t.releaseContacts).where(eq(t.releaseContacts.releaseId, r.id))).toEqual([]);
  });
});
