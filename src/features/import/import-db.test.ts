import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { systemActor } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import { loadDemo } from '../demo/index.js';
import { FUZZY_THRESHOLD, matchOrganization, matchPerson } from '../release-text/index.js';
import { commitImport } from './commit.js';
import { planImport } from './plan.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const now = new Date('2026-01-15T12:00:00Z');
const actor = systemActor('test import');

describeEachEngine('import: registry matching and commit', (ctx) => {
  beforeAll(async () => {
    await loadDemo(ctx.db);
  });

  it('matches by name, alias and acronym (accents, case and curly apostrophes ignored), then by trigram similarity', async () => {
    const how = async (name: string) => {
      const m = await matchOrganization(ctx.db, name);
      return m && [m.slug, m.how];
    };
    expect(await how('ALIANZA AMÉRICAS')).toEqual(['alianza-americas', 'name']);
    expect(await how('Pop No’j Association')).toEqual(['pop-noj', 'name']);
    expect(await how('Faculty of Latin American Social Sciences Guatemala')).toEqual(['flacso-guatemala', 'alias']);
    expect(await how('CEJIL')).toEqual(['cejil', 'acronym']);
    expect(await how('Centro por la Justicia (CEJIL)')).toEqual(['cejil', 'acronym']);
    expect(await how('Civil Society Articulating Group on Migration Issues')).toEqual(['grupo-articulador', 'fuzzy']);
    expect(await how('Bay Shelter Coalition')).toBeNull();
    const fuzzy = await matchOrganization(ctx.db, 'Migration & Development Platform');
    expect(fuzzy?.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect((await matchPerson(ctx.db, 'Rosario Martinez'))?.slug).toBe('rosario-martinez');
    expect(await matchPerson(ctx.db, 'Dana Whitfield')).toBeNull();
  });

  it('plans the seed release with every organization and person already in the registry', async () => {
    const plan = await planImport(
      ctx.db,
      readFileSync(new URL('../lint/__fixtures__/press-release-2021-06-03.md', import.meta.url), 'utf8'),
    );
    expect(plan.organizations.filter((o) => !o.match)).toEqual([]);
    expect(plan.people.map((p) => [p.name, p.match?.slug])).toEqual([
      ['Fernanda Durand', 'fernanda-durand'],
      ['Nancy Treviño', 'nancy-trevino'],
      ['Mirtha Colón', 'mirtha-colon'],
      ['Rosario Martínez', 'rosario-martinez'],
    ]);
  });

  it('writes nothing on a dry run, and on commit a draft release with proposals created and audited', async () => {
    const before = await ctx.db.select({ n: count() }).from(t.organizations);
    const plan = await planImport(ctx.db, fixture('embargoed-en.md'));
    expect(plan.organizations.filter((o) => !o.match).map((o) => o.name)).toEqual([
      'River Watch Alliance',
      'Mountain States Water Council',
      'Friends of the Platte Basin',
    ]);
    expect(await ctx.db.select({ n: count() }).from(t.organizations)).toEqual(before);

    const result = await commitImport(ctx.db, plan, 'operator', actor, now);
    const [release] = await ctx.db.select().from(t.releases).where(eq(t.releases.id, result.releaseId));
    expect(release).toMatchObject({ status: 'draft', releaseDate: '2025-03-04', endMark: '-30-' });
    expect(release?.headline.en?.text).toBe('River Communities Ask Congress for Clean Water Funding');
    expect(result.createdPeople).toEqual(['Dana Whitfield', 'Ana Beltrán', 'Tomás Greer']);
    const [watch] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.name, 'River Watch Alliance'));
    expect(watch?.website).toBe('https://www.riverwatch-alliance.org');
    const [dana] = await ctx.db.select().from(t.people).where(eq(t.people.name, 'Dana Whitfield'));
    expect(dana).toMatchObject({ phone: '+12025550143', email: 'dana@riverwatch-alliance.org', isPressContact: true });
    const highlights = await ctx.db
      .select()
      .from(t.releaseHighlights)
      .where(eq(t.releaseHighlights.releaseId, result.releaseId));
    expect(highlights).toHaveLength(3);
    const audits = await ctx.db.select().from(t.auditLog).where(eq(t.auditLog.action, 'import'));
    expect(audits.map((a) => a.entityType).sort()).toEqual([
      ...Array(3).fill('organization'),
      ...Array(3).fill('person'),
      'release',
    ]);
  });

  it('is all or nothing: a failure at the release leaves no organization or person behind', async () => {
    const plan = await planImport(ctx.db, fixture('difusion-es.md'));
    // Someone takes the slug between the dry run and the commit: the release insert fails last.
    await ctx.db.insert(t.releases).values({ slug: plan.slug, releaseDate: '2024-01-01' });
    const orgs = await ctx.db.select({ n: count() }).from(t.organizations);
    const people = await ctx.db.select({ n: count() }).from(t.people);
    await expect(commitImport(ctx.db, plan, 'operator', actor, now)).rejects.toThrow();
    expect(await ctx.db.select({ n: count() }).from(t.organizations)).toEqual(orgs);
    expect(await ctx.db.select({ n: count() }).from(t.people)).toEqual(people);
  });

  it('refuses a commit by someone who may not edit releases', async () => {
    const plan = await planImport(ctx.db, fixture('crlf-hidden-email.txt'));
    await expect(
      commitImport(ctx.db, plan, { id: 1, role: 'member', organizationId: null, disabled: false }, actor, now),
    ).rejects.toThrow(/may not import/);
  });
});
