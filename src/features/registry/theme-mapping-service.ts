/**
 * Editing how an imported source's theme label maps to a coalition theme (issue 17): add, change or
 * remove a row of `theme_mappings`. A change re-themes the recommendations that carried the label in
 * their source (`recommendation_source_themes`), in the same transaction as the mapping's versioned,
 * audited write; `previewMappingChange()` counts them first, so the editor sees what the change does
 * before it is applied. The importers (features/upr-import) read the table on every later import.
 */
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { Problems } from '../../platform/forms/problems.js';
import { canEditRegistry, type PolicyUser } from '../../platform/policy.js';
import {
  actorOf,
  assertAllowed,
  type Editor,
  insertAudited,
  staleWrite,
  updateVersioned,
} from '../../platform/write.js';

export type ThemeMappingRecord = typeof t.themeMappings.$inferSelect;
export type ThemeRow = typeof t.themes.$inferSelect;

/** The sources whose vocabularies are mapped: the importers' names for them. */
export const MAPPING_SOURCES = ['upr-info', 'ohchr'] as const;
/** The longest source label kept (the real ones are a few words; OHCHR's longest is under 150). */
export const MAPPING_LABEL_MAX = 300;

/** What the form posts: the source and label only on a new mapping; the theme by slug. */
export interface MappingForm {
  source: string;
  label: string;
  theme: string;
}

/** A change to apply or to preview: a new mapping, another theme for one, or its removal. */
export type MappingChange =
  | { kind: 'add'; form: MappingForm }
  | { kind: 'change'; id: number; form: MappingForm; seenVersion: number }
  | { kind: 'remove'; id: number; seenVersion: number };

/** What a change does, as the preview shows it and the apply did it. */
export interface MappingEffect {
  source: string;
  label: string;
  from: ThemeRow | null;
  to: ThemeRow | null;
  /** Recommendations whose themes change: those that gain the new theme or lose the old one. */
  rethemed: number;
}

export async function getThemeMapping(db: Db, id: number, user: PolicyUser): Promise<ThemeMappingRecord> {
  assertAllowed(canEditRegistry(user));
  const [row] = await db.select().from(t.themeMappings).where(eq(t.themeMappings.id, id));
  if (!row) throw new NotFound(`No theme mapping ${id}`);
  return row;
}

/** The themes a mapping may point to: the active ones, in their public order. */
export function mappableThemes(db: Db): Promise<ThemeRow[]> {
  return db
    .select()
    .from(t.themes)
    .where(isNull(t.themes.archivedAt))
    .orderBy(asc(t.themes.position), asc(t.themes.id));
}

const themeById = async (db: Db, id: number) => (await db.select().from(t.themes).where(eq(t.themes.id, id)))[0];

/** Checks the form (every problem at once) and finds its theme; nothing is read for a removal. */
async function checkedForm(db: Db, form: MappingForm, isNew: boolean): Promise<ThemeRow> {
  const problems = new Problems();
  if (isNew) {
    problems.required('source', form.source);
    if (form.source !== '') problems.oneOf('source', form.source, MAPPING_SOURCES);
    problems.required('label', form.label);
    problems.maxLength('label', form.label, MAPPING_LABEL_MAX);
  }
  let theme: ThemeRow | undefined;
  if (form.theme === '') problems.add('theme', 'workspaceErrRequired');
  else {
    [theme] = await db
      .select()
      .from(t.themes)
      .where(and(eq(t.themes.slug, form.theme), isNull(t.themes.archivedAt)));
    if (!theme) problems.add('theme', 'workspaceErrChoice');
  }
  if (isNew && problems.list.length === 0) {
    const [taken] = await db
      .select({ id: t.themeMappings.id })
      .from(t.themeMappings)
      .where(and(eq(t.themeMappings.source, form.source), eq(t.themeMappings.label, form.label.trim())));
    if (taken) problems.add('label', 'workspaceErrMappingTaken');
  }
  problems.throwIfAny();
  return theme as ThemeRow;
}

/** The mapping as it would be after the change: its source and label, the theme before and after. */
async function resolve(db: Db, change: MappingChange, user: PolicyUser) {
  assertAllowed(canEditRegistry(user));
  if (change.kind === 'add') {
    const to = await checkedForm(db, change.form, true);
    return { row: null, source: change.form.source, label: change.form.label.trim(), from: null, to };
  }
  const row = await getThemeMapping(db, change.id, user);
  const from = (await themeById(db, row.themeId)) ?? null;
  const to = change.kind === 'change' ? await checkedForm(db, change.form, false) : null;
  return { row, source: row.source, label: row.label, from, to };
}

const rst = t.recommendationSourceThemes;
const rt = t.recommendationThemes;

/**
 * The recommendations that carried (source, label) and whose themes the change alters: those without
 * `to` (they gain it), and those with `from` that no other of their labels still maps to (they lose it).
 */
function changedRecommendations(source: string, label: string, from: number | null, to: number | null): SQL {
  const has = (theme: number) =>
    sql`exists (select 1 from ${rt} where ${rt.recommendationId} = ${rst.recommendationId} and ${rt.themeId} = ${theme})`;
  // Another label of the same recommendation that files under `from` keeps it there.
  const keptByAnother = (theme: number) => sql`exists (
    select 1 from ${rst} other
    join ${t.themeMappings} m on m.source = other.source and m.label = other.label
    where other.recommendation_id = ${rst.recommendationId} and m.theme_id = ${theme}
      and not (other.source = ${source} and other.label = ${label}))`;
  const gains = to === null ? sql`false` : sql`not ${has(to)}`;
  const loses = from === null || from === to ? sql`false` : sql`(${has(from)} and not ${keptByAnother(from)})`;
  return sql`${rst.source} = ${source} and ${rst.label} = ${label} and (${gains} or ${loses})`;
}

async function countChanged(db: Db, source: string, label: string, from: number | null, to: number | null) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(rst)
    .where(changedRecommendations(source, label, from, to));
  return Number(row?.n ?? 0);
}

/** What the change would do, without doing it: the dry run the form shows before "Apply". */
export async function previewMappingChange(db: Db, change: MappingChange, user: PolicyUser): Promise<MappingEffect> {
  const { source, label, from, to } = await resolve(db, change, user);
  return { source, label, from, to, rethemed: await countChanged(db, source, label, from?.id ?? null, to?.id ?? null) };
}

/** Re-themes the label's recommendations from `from` to `to` (either may be null), set-based. */
async function retheme(tx: Db, source: string, label: string, from: number | null, to: number | null) {
  const rethemed = await countChanged(tx, source, label, from, to);
  const carriers = sql`select ${rst.recommendationId} from ${rst} where ${rst.source} = ${source} and ${rst.label} = ${label}`;
  if (from !== null && from !== to) {
    // Computed before the mapping row changes, so "another label keeps it" reads the other mappings only.
    await tx.delete(rt).where(
      and(
        eq(rt.themeId, from),
        sql`${rt.recommendationId} in (${carriers})`,
        sql`not exists (
          select 1 from ${rst} other
          join ${t.themeMappings} m on m.source = other.source and m.label = other.label
          where other.recommendation_id = ${rt.recommendationId} and m.theme_id = ${from}
            and not (other.source = ${source} and other.label = ${label}))`,
      ),
    );
  }
  if (to !== null) {
    await tx.execute(
      sql`insert into ${rt} (recommendation_id, theme_id) select ${rst.recommendationId}, ${to}::int from ${rst}
          where ${rst.source} = ${source} and ${rst.label} = ${label} on conflict do nothing`,
    );
  }
  return rethemed;
}

const audited = (r: ThemeMappingRecord) => ({ source: r.source, label: r.label, themeId: r.themeId });

/**
 * Applies the change in one transaction: the mapping's write (checked against the version the editor
 * saw: a stale form is a Conflict), the recommendations re-themed, and one audit row saying how many.
 */
export async function applyMappingChange(
  db: Db,
  change: MappingChange,
  user: Editor,
  now: Date,
): Promise<MappingEffect> {
  return db.transaction(async (tx) => {
    const { row, source, label, from, to } = await resolve(tx, change, user);
    const actor = actorOf(user);
    if (change.kind === 'add') {
      const rethemed = await retheme(tx, source, label, null, (to as ThemeRow).id);
      await insertAudited<ThemeMappingRecord>(tx, {
        table: t.themeMappings,
        values: { source, label, themeId: (to as ThemeRow).id },
        entityType: 'theme_mapping',
        actor,
        now,
        audited: (r) => ({ ...audited(r), rethemed }),
        orConflict: { what: 'theme mapping' },
      });
      return { source, label, from, to, rethemed };
    }
    const before = row as ThemeMappingRecord;
    if (before.version !== change.seenVersion) {
      throw await staleWrite(tx, {
        entityType: 'theme_mapping',
        entityId: before.id,
        seenVersion: change.seenVersion,
        version: before.version,
        what: 'theme mapping',
      });
    }
    const rethemed = await retheme(tx, source, label, from?.id ?? null, to?.id ?? null);
    if (change.kind === 'change') {
      await updateVersioned<ThemeMappingRecord>(tx, {
        table: t.themeMappings,
        before,
        seenVersion: change.seenVersion,
        set: { themeId: (to as ThemeRow).id },
        entityType: 'theme_mapping',
        action: 'update',
        actor,
        now,
        audit: {
          before: { ...audited(before), version: before.version },
          after: (r) => ({ ...audited(r), version: r.version, rethemed }),
        },
      });
    } else {
      const removed = await tx
        .delete(t.themeMappings)
        .where(and(eq(t.themeMappings.id, before.id), eq(t.themeMappings.version, change.seenVersion)))
        .returning({ id: t.themeMappings.id });
      if (removed.length === 0) {
        throw await staleWrite(tx, {
          entityType: 'theme_mapping',
          entityId: before.id,
          seenVersion: change.seenVersion,
          version: before.version,
          what: 'theme mapping',
        });
      }
      await writeAudit(tx, {
        actor,
        at: now,
        entityType: 'theme_mapping',
        entityId: before.id,
        action: 'delete',
        before: { ...audited(before), version: before.version },
        after: { rethemed },
      });
    }
    return { source, label, from, to, rethemed };
  });
}
