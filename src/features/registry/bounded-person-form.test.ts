/**
 * Issue 15: the person form never lists the whole registry. An editor's organization list offers the
 * chosen one and the first few; Find posts the form to itself (`_action=find`) and comes back as typed
 * with what it found, saving nothing; the found organization is then saved and offered on the edit
 * form. A member's form offers only their own organization, with no search. Both engines.
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { type Visitor, visitorsAs } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { CHOICES_FIRST } from '../../platform/db/choices.js';
import * as t from '../../platform/db/schema/index.js';
import { loadDemo } from '../demo/index.js';

describeEachEngine('the person form offers organizations bounded', (ctx) => {
  let editor: Visitor;
  let member: Visitor;
  const organizationOptions = ($: cheerio.CheerioAPI) =>
    $('select[name=organization] option')
      .map((_, o) => $(o).attr('value'))
      .get()
      .filter((v) => v !== '');

  beforeAll(async () => {
    await loadDemo(ctx.db);
    await ctx.db
      .insert(t.organizations)
      .values([
        ...Array.from({ length: 3 * CHOICES_FIRST }, (_, i) => ({ slug: `bulk-${i}`, name: `Bulk organization ${i}` })),
        { slug: 'zeta-needle', name: 'Zeta Needle Collective' },
        { slug: 'archived-needle', name: 'Archived Needle Group', archivedAt: new Date() },
      ]);
    const app = await buildApp({ db: ctx.db });
    const visitors = await visitorsAs(app, ctx.db, {
      editor: { email: 'editor@example.org', role: 'editor' },
      member: { email: 'm@cejil.org', role: 'member', organization: 'cejil' },
    });
    editor = visitors.get('editor')!;
    member = visitors.get('member')!;
  });

  it('offers the first few; Find keeps what was typed, finds the rest (not archived ones) and saves nothing', async () => {
    const $ = cheerio.load((await editor.get('/en/workspace/people/new')).body);
    expect(organizationOptions($)).toHaveLength(CHOICES_FIRST);
    expect(organizationOptions($)).not.toContain('zeta-needle');
    expect($('input[name=find-organization]').length).toBe(1);

    const found = await editor.post(
      '/en/workspace/people',
      { _action: 'find', 'find-organization': 'needle', name: 'Typed Name', email: 'typed@example.org' },
      '/en/workspace/people/new',
    );
    expect(found.statusCode).toBe(200);
    const f = cheerio.load(found.body);
    expect(organizationOptions(f)).toEqual(['zeta-needle']);
    expect(f('#f-name').attr('value')).toBe('Typed Name');
    expect(f('#f-email').attr('value')).toBe('typed@example.org');
    expect(f('input[name=find-organization]').attr('value')).toBe('needle');
    expect(await ctx.db.select().from(t.people).where(eq(t.people.name, 'Typed Name'))).toEqual([]);

    const saved = await editor.post(
      '/en/workspace/people',
      { name: 'Typed Name', organization: 'zeta-needle' },
      '/en/workspace/people/new',
    );
    expect(saved.statusCode).toBe(303);
    const [person] = await ctx.db.select().from(t.people).where(eq(t.people.name, 'Typed Name'));
    const [needle] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'zeta-needle'));
    expect(person?.organizationId).toBe(needle!.id);

    const edit = cheerio.load((await editor.get(`/en/workspace/people/${person!.slug}/edit`)).body);
    expect(edit('select[name=organization] option[value="zeta-needle"]').attr('selected')).toBeDefined();
    expect(organizationOptions(edit).length).toBeLessThanOrEqual(CHOICES_FIRST + 1);

    // Find on the edit form: the same, against the row's version; nothing changes.
    const version = edit('input[name=version]').attr('value')!;
    const onEdit = await editor.post(
      `/en/workspace/people/${person!.slug}/edit`,
      { _action: 'find', 'find-organization': 'bulk organization 2', name: 'Renamed?', version },
      `/en/workspace/people/${person!.slug}/edit`,
    );
    expect(onEdit.statusCode).toBe(200);
    expect(organizationOptions(cheerio.load(onEdit.body))).toContain('bulk-2');
    const [unchanged] = await ctx.db.select().from(t.people).where(eq(t.people.id, person!.id));
    expect(unchanged?.name).toBe('Typed Name');
  });

  it('a member’s form offers their own organization only, without a search', async () => {
    const $ = cheerio.load((await member.get('/en/workspace/people/new')).body);
    expect(organizationOptions($)).toEqual(['cejil']);
    expect($('input[name=find-organization]').length).toBe(0);
  });
});
