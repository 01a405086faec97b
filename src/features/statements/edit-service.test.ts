/** The statement write services on both engines: validation, translations, order, conflicts, audit, archive. */
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { editorUser, problemsOf, seedRegistry, statementInput } from '../../../test/support/statements.js';
import { listAudit, systemActor } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import { Conflict, Forbidden } from '../../platform/errors.js';
import { translationState } from '../../platform/text/localized-text.js';
import type { Editor } from '../../platform/write.js';
import { createUser } from '../accounts/index.js';
import {
  createStatement,
  deleteStatement,
  setSignatories,
  setStatementAddressees,
  updateStatement,
} from './edit-service.js';
import { changePublication } from './publish-service.js';
import { createQuote, deleteQuote, updateQuote } from './quote-service.js';
import {
  createRecommendation,
  deleteRecommendation,
  moved,
  reorderStatementItems,
  updateRecommendation,
} from './recommendation-service.js';
import { listStatementsForEditing } from './workspace-read.js';

const NOW = new Date('2026-11-27T12:00:00Z');

describeEachEngine('statement write services', (ctx) => {
  let ana: Editor;
  let ben: Editor;
  let registry: Awaited<ReturnType<typeof seedRegistry>>;
  beforeAll(async () => {
    registry = await seedRegistry(ctx.db);
    ana = await editorUser(ctx.db);
    ben = await editorUser(ctx.db);
  });

  it('creates a bilingual statement: the editor’s language is the original, the other a current translation', async () => {
    const s = await createStatement(ctx.db, statementInput(), ana, NOW);
    expect(s.slug).toBe('protect-people-on-the-move');
    expect(s.status).toBe('draft');
    expect(translationState(s.title, 'en')).toBe('original');
    expect(translationState(s.title, 'es')).toBe('translation');
    const audit = await listAudit(ctx.db, 'statement', s.id);
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([['create', ana.email]]);
    const again = await createStatement(ctx.db, statementInput(), ana, NOW);
    expect(again.slug).toBe('protect-people-on-the-move-2');
  });

  it('refuses bad input with one problem per field, and writes nothing', async () => {
    // A slug of its own that is already taken (not the one another test happens to have created).
    const taken = await createStatement(ctx.db, statementInput({ slug: 'slug-taken-check' }), ana, NOW);
    const before = await ctx.db.select().from(t.statements);
    const problems = await problemsOf(
      createStatement(
        ctx.db,
        statementInput({
          slug: 'Bad Slug',
          title: { en: ' ', es: '' },
          date: '2026-02-30',
          fullDocumentUrl: 'ftp://x',
        }),
        ana,
        NOW,
      ),
    );
    expect(problems).toEqual([
      { field: 'title', problem: 'workspaceErrRequiredOneLanguage' },
      { field: 'date', problem: 'editorialErrDate' },
      { field: 'fullDocumentUrl', problem: 'workspaceErrUrl' },
      { field: 'slug', problem: 'editorialErrSlugFormat' },
    ]);
    expect(await problemsOf(createStatement(ctx.db, statementInput({ slug: taken.slug }), ana, NOW))).toEqual([
      { field: 'slug', problem: 'editorialErrSlugTaken' },
    ]);
    expect(await ctx.db.select().from(t.statements)).toHaveLength(before.length);
  });

  it('members may not write statements', async () => {
    const member = await createUser(
      ctx.db,
      { email: 'member@rednorte.example', role: 'member', organizationId: registry.organizations[0]!.id },
      systemActor('test'),
      NOW,
    );
    await expect(createStatement(ctx.db, statementInput(), member, NOW)).rejects.toBeInstanceOf(Forbidden);
  });

  it('editing the original makes an untouched translation stale; editing both keeps it current', async () => {
    const s = await createStatement(ctx.db, statementInput({ slug: 'stale-check' }), ana, NOW);
    const edited = await updateStatement(
      ctx.db,
      {
        ...statementInput({ title: { en: 'Protect everyone on the move', es: s.title.es!.text } }),
        slug: s.slug,
        version: s.version,
      },
      ana,
      NOW,
    );
    expect(translationState(edited.title, 'es')).toBe('stale');
    expect(translationState(edited.summary, 'es')).toBe('translation');
    const fixed = await updateStatement(
      ctx.db,
      {
        ...statementInput({ title: { en: 'Protect everyone on the move', es: 'Proteger a todas las personas' } }),
        slug: s.slug,
        version: edited.version,
      },
      ana,
      NOW,
    );
    expect(translationState(fixed.title, 'es')).toBe('translation');
    expect(fixed.version).toBe(s.version + 2);
  });

  it('a stale save is a Conflict naming the other editor’s change, and changes nothing', async () => {
    const s = await createStatement(ctx.db, statementInput({ slug: 'conflict-check' }), ana, NOW);
    await updateStatement(
      ctx.db,
      { ...statementInput({ date: '2026-11-21' }), slug: s.slug, version: s.version },
      ana,
      NOW,
    );
    const stale = updateStatement(
      ctx.db,
      { ...statementInput({ date: '2026-11-22' }), slug: s.slug, version: s.version },
      ben,
      NOW,
    );
    const error = await stale.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    const current = (error as Conflict).current as {
      changes: { actorLabel: string; changes: { field: string; after: unknown }[] }[];
    };
    expect(current.changes[0]!.actorLabel).toBe(ana.email);
    expect(current.changes[0]!.changes).toContainEqual({ field: 'date', before: '2026-11-20', after: '2026-11-21' });
    const [row] = await ctx.db.select().from(t.statements).where(eq(t.statements.id, s.id));
    expect(row!.date).toBe('2026-11-21');
  });

  it('keeps addressees and signatories in the order given, and audits each change', async () => {
    const s = await createStatement(ctx.db, statementInput({ slug: 'order-check' }), ana, NOW);
    const [o1, o2, o3] = registry.organizations;
    const signatories = [
      { organizationId: o3!.id, role: 'convener' as const },
      { organizationId: o1!.id, role: 'signatory' as const },
      { organizationId: o2!.id, role: 'signatory' as const },
    ];
    const v2 = await setSignatories(ctx.db, { slug: s.slug, version: s.version, signatories }, ana, NOW);
    const rows = await ctx.db
      .select()
      .from(t.signatories)
      .where(eq(t.signatories.statementId, s.id))
      .orderBy(asc(t.signatories.position));
    expect(rows.map((r) => [r.organizationId, r.role])).toEqual(signatories.map((x) => [x.organizationId, x.role]));
    expect(
      await problemsOf(
        setSignatories(
          ctx.db,
          { slug: s.slug, version: v2.version, signatories: [signatories[0]!, signatories[0]!] },
          ana,
          NOW,
        ),
      ),
    ).toEqual([{ field: 'signatories', problem: 'editorialErrDuplicate' }]);
    const v3 = await setStatementAddressees(
      ctx.db,
      { slug: s.slug, version: v2.version, addresseeIds: [registry.addressees[0]!.id] },
      ana,
      NOW,
    );
    expect(v3.version).toBe(s.version + 2);
    expect(
      await problemsOf(
        setStatementAddressees(ctx.db, { slug: s.slug, version: v3.version, addresseeIds: [999999] }, ana, NOW),
      ),
    ).toEqual([{ field: 'addressees', problem: 'workspaceErrChoice' }]);
    const actions = (await listAudit(ctx.db, 'statement', s.id)).map((a) => a.action);
    expect(actions).toEqual(['create', 'set_signatories', 'set_addressees']);
  });

  it('recommendations: four in both languages, themes, reorder, conflict between two editors', async () => {
    const s = await createStatement(ctx.db, statementInput({ slug: 'four-recs' }), ana, NOW);
    const texts = [
      ['Stop deportations', 'Detener las deportaciones'],
      ['Fund shelters', 'Financiar albergues'],
      ['Open legal pathways', 'Abrir vías legales'],
      ['Protect defenders', 'Proteger a defensoras'],
    ];
    const recs = [];
    for (const [en, es] of texts) {
      recs.push(
        await createRecommendation(
          ctx.db,
          {
            statementSlug: s.slug,
            text: { en, es },
            themeIds: [registry.themes[0]!.id],
            addresseeIds: [],
            originalLocale: 'en',
          },
          ana,
          NOW,
        ),
      );
    }
    expect(recs.map((r) => [r.slug, r.position])).toEqual([
      ['stop-deportations', 1],
      ['fund-shelters', 2],
      ['open-legal-pathways', 3],
      ['protect-defenders', 4],
    ]);
    const order = moved(
      recs.map((r) => r.id),
      recs[3]!.id,
      'up',
    );
    await reorderStatementItems(
      ctx.db,
      { statementSlug: s.slug, version: s.version, kind: 'recommendations', order },
      ana,
      NOW,
    );
    const positions = await ctx.db
      .select({ slug: t.recommendations.slug })
      .from(t.recommendations)
      .where(eq(t.recommendations.statementId, s.id))
      .orderBy(asc(t.recommendations.position));
    expect(positions.map((p) => p.slug)).toEqual([
      'stop-deportations',
      'fund-shelters',
      'protect-defenders',
      'open-legal-pathways',
    ]);
    await expect(
      reorderStatementItems(
        ctx.db,
        { statementSlug: s.slug, version: s.version, kind: 'recommendations', order },
        ben,
        NOW,
      ),
    ).rejects.toBeInstanceOf(Conflict);

    const rec = recs[0]!;
    const fields = {
      themeIds: [registry.themes[1]!.id],
      addresseeIds: [registry.addressees[0]!.id],
      originalLocale: 'en' as const,
    };
    await updateRecommendation(
      ctx.db,
      {
        statementSlug: s.slug,
        id: rec.id,
        version: rec.version,
        text: { en: 'Stop all deportations', es: 'Detener las deportaciones' },
        ...fields,
      },
      ana,
      NOW,
    );
    const stale = await updateRecommendation(
      ctx.db,
      {
        statementSlug: s.slug,
        id: rec.id,
        version: rec.version,
        text: { en: 'Stop deportations now', es: 'Detener ya' },
        ...fields,
      },
      ben,
      NOW,
    ).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(Conflict);
    expect(JSON.stringify((stale as Conflict).current)).toContain('Stop all deportations');
    const themes = await ctx.db
      .select()
      .from(t.recommendationThemes)
      .where(eq(t.recommendationThemes.recommendationId, rec.id));
    expect(themes.map((x) => x.themeId)).toEqual([registry.themes[1]!.id]);
  });

  it('a draft never published can be deleted; published material is kept (withdraw archives it)', async () => {
    const draft = await createStatement(ctx.db, statementInput({ slug: 'throwaway' }), ana, NOW);
    await deleteStatement(ctx.db, { slug: draft.slug, version: draft.version }, ana, NOW);
    expect(await ctx.db.select().from(t.statements).where(eq(t.statements.slug, 'throwaway'))).toEqual([]);

    const s = await createStatement(ctx.db, statementInput({ slug: 'kept' }), ana, NOW);
    const rec = await createRecommendation(
      ctx.db,
      { statementSlug: s.slug, text: { en: 'Keep me' }, themeIds: [], addresseeIds: [], originalLocale: 'en' },
      ana,
      NOW,
    );
    const published = await changePublication(
      ctx.db,
      { slug: s.slug, action: 'publish', version: s.version },
      ana,
      NOW,
    );
    const back = await changePublication(
      ctx.db,
      { slug: s.slug, action: 'unpublish', version: published.version },
      ana,
      NOW,
    );
    expect(await problemsOf(deleteStatement(ctx.db, { slug: s.slug, version: back.version }, ana, NOW))).toEqual([
      { field: 'statement', problem: 'editorialErrPublishedKept' },
    ]);
    expect(
      await problemsOf(
        deleteRecommendation(ctx.db, { statementSlug: s.slug, id: rec.id, version: rec.version }, ana, NOW),
      ),
    ).toEqual([{ field: 'recommendation', problem: 'editorialErrPublishedKept' }]);
    const { items: listed } = await listStatementsForEditing(ctx.db, { q: 'kept' }, NOW);
    expect(listed.map((i) => [i.statement.slug, i.state, i.recommendationCount])).toEqual([['kept', 'draft', 1]]);
  });

  it('lists every state for editors, searchable in either language without accents', async () => {
    const { items: found } = await listStatementsForEditing(ctx.db, { q: 'PROTECCION' }, NOW);
    expect(found).toEqual([]);
    const { items: es } = await listStatementsForEditing(ctx.db, { q: 'movimiento' }, NOW);
    expect(es.length).toBeGreaterThan(0);
    expect(es.every((i) => i.statement.title.es?.text.includes('movimiento'))).toBe(true);
    const { items: drafts } = await listStatementsForEditing(ctx.db, { state: 'draft' }, NOW);
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((i) => i.statement.status === 'draft')).toBe(true);
  });

  it('quotes: a person from the registry and their words; kept once published', async () => {
    const s = await createStatement(ctx.db, statementInput({ slug: 'quotes' }), ana, NOW);
    const person = registry.people[0]!;
    expect(
      await problemsOf(
        createQuote(
          ctx.db,
          { statementSlug: s.slug, personId: 999999, text: { es: '' }, originalLocale: 'es' },
          ana,
          NOW,
        ),
      ),
    ).toEqual([
      { field: 'text', problem: 'workspaceErrRequiredOneLanguage' },
      { field: 'personId', problem: 'workspaceErrChoice' },
    ]);
    const q = await createQuote(
      ctx.db,
      { statementSlug: s.slug, personId: person.id, text: { es: 'Exigimos protección.' }, originalLocale: 'es' },
      ana,
      NOW,
    );
    const q2 = await updateQuote(
      ctx.db,
      {
        statementSlug: s.slug,
        id: q.id,
        version: q.version,
        personId: person.id,
        text: { es: 'Exigimos protección.', en: 'We demand protection.' },
        originalLocale: 'en',
      },
      ana,
      NOW,
    );
    expect(translationState(q2.text, 'es')).toBe('original');
    expect(translationState(q2.text, 'en')).toBe('translation');
    await deleteQuote(ctx.db, { statementSlug: s.slug, id: q2.id, version: q2.version }, ana, NOW);
    expect(
      await ctx.db
        .select()
        .from(t.quotes)
        .where(and(eq(t.quotes.statementId, s.id))),
    ).toEqual([]);
  });
});
