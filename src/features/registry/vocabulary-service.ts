/**
 * Themes and addressees: the shared vocabulary statements and recommendations pick from.
 * Themes have an order (public pages list them in it); addressees can be part of another one.
 */
import { and, asc, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { Problems } from '../../platform/forms/problems.js';
import { blankToNull } from '../../platform/forms/validation.js';
import { countryCodes } from '../../platform/i18n/countries.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canEditRegistry, type PolicyUser } from '../../platform/policy.js';
import type { LocaleValues } from '../../platform/text/bilingual.js';
import { hasAnyText, mergeLocalized } from '../../platform/text/bilingual.js';
import type { Editor } from '../../platform/write.js';
import { actorOf, assertAllowed, insertAudited, updateVersioned } from '../../platform/write.js';
import { matchesQuery } from '../../ui/list.js';
import { type RecordChange, type RegistryRecord, updateRecord } from './record.js';
import { uniqueSlug } from './slug.js';

export type ThemeRow = typeof t.themes.$inferSelect;
export type AddresseeRow = typeof t.addressees.$inferSelect;
export const ADDRESSEE_KINDS = t.addresseeKind.enumValues;

export interface LabelForm {
  label: LocaleValues;
  confirmed: Locale[];
}

/** The longest theme label and addressee name, per language (the forms' maxlength too). */
export const THEME_LABEL_MAX = 200;
export const ADDRESSEE_NAME_MAX = 300;

function checkLabel(problems: Problems, field: string, values: LocaleValues, max: number): Problems {
  if (!hasAnyText(values)) problems.add(field, 'workspaceErrRequiredOneLanguage');
  for (const [l, text] of Object.entries(values)) problems.maxLength(`${field}_${l}`, text, max);
  return problems;
}

const firstText = (values: LocaleValues) => Object.values(values).find((v) => v && v.trim() !== '') ?? '';

// Themes

/**
 * How imported sources' theme labels map to the coalition's themes (issue 17: `theme_mappings`, written
 * by the importers in features/upr-import, changed by editors through theme-mapping-service.ts). Not paged: a source's vocabulary is a few dozen to a few
 * hundred labels, and the page lists only these.
 */
export async function listThemeMappings(db: Db, user: PolicyUser, filter: { q: string }) {
  assertAllowed(canEditRegistry(user));
  const rows = await db
    .select({
      id: t.themeMappings.id,
      source: t.themeMappings.source,
      label: t.themeMappings.label,
      themeSlug: t.themes.slug,
      themeLabel: t.themes.label,
    })
    .from(t.themeMappings)
    .innerJoin(t.themes, eq(t.themes.id, t.themeMappings.themeId))
    .orderBy(asc(t.themeMappings.source), asc(t.themeMappings.label));
  return rows.filter((r) => matchesQuery(filter.q, r.label, r.themeLabel.en?.text, r.themeLabel.es?.text));
}
export type ThemeMappingRow = Awaited<ReturnType<typeof listThemeMappings>>[number];

export async function listThemes(db: Db, user: PolicyUser, filter: { q: string; archived: boolean }) {
  assertAllowed(canEditRegistry(user));
  const rows = await db
    .select()
    .from(t.themes)
    .where(filter.archived ? undefined : isNull(t.themes.archivedAt))
    .orderBy(asc(t.themes.position), asc(t.themes.id));
  return rows.filter((r) => matchesQuery(filter.q, r.label.en?.text, r.label.es?.text));
}

export async function getTheme(db: Db, slug: string, user: PolicyUser): Promise<ThemeRow> {
  assertAllowed(canEditRegistry(user));
  const [row] = await db.select().from(t.themes).where(eq(t.themes.slug, slug));
  if (!row) throw new NotFound(`No theme "${slug}"`);
  return row;
}

const auditedTheme = (r: ThemeRow) => ({ label: r.label, position: r.position, archivedAt: r.archivedAt });

export async function createTheme(db: Db, form: LabelForm, user: Editor, now: Date): Promise<ThemeRow> {
  assertAllowed(canEditRegistry(user));
  checkLabel(new Problems(), 'label', form.label, THEME_LABEL_MAX).throwIfAny();
  return db.transaction(async (tx) => {
    const [last] = await tx.select({ max: sql<number>`coalesce(max(${t.themes.position}), 0)` }).from(t.themes);
    return insertAudited<ThemeRow>(tx, {
      table: t.themes,
      values: {
        slug: await uniqueSlug(tx, t.themes, firstText(form.label)),
        label: mergeLocalized({}, form.label),
        position: Number(last?.max ?? 0) + 1,
      },
      entityType: 'theme',
      actor: actorOf(user),
      now,
      audited: auditedTheme,
    });
  });
}

/** How a theme is found for editing and audited, for the shared edit and archive steps. */
export const themeRecord: RegistryRecord<ThemeRow> = {
  table: t.themes,
  entityType: 'theme',
  audited: auditedTheme,
  load: getTheme,
};

export function updateTheme(db: Db, form: LabelForm, change: RecordChange): Promise<ThemeRow> {
  return updateRecord(db, themeRecord, change, (_tx, before) => {
    checkLabel(new Problems(), 'label', form.label, THEME_LABEL_MAX).throwIfAny();
    return { label: mergeLocalized(before.label, form.label, form.confirmed) };
  });
}

/**
 * Swaps a theme with its neighbour among the active ones. Both rows are versioned writes: the
 * moved one against the version the editor saw, the neighbour against the version read now.
 */
export async function moveTheme(
  db: Db,
  slug: string,
  direction: 'up' | 'down',
  seenVersion: number,
  user: Editor,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const theme = await getTheme(tx, slug, user);
    const [neighbour] = await tx
      .select()
      .from(t.themes)
      .where(
        and(
          isNull(t.themes.archivedAt),
          direction === 'up' ? lt(t.themes.position, theme.position) : gt(t.themes.position, theme.position),
        ),
      )
      .orderBy(direction === 'up' ? desc(t.themes.position) : asc(t.themes.position))
      .limit(1);
    if (!neighbour) return;
    const common = {
      table: t.themes,
      entityType: 'theme',
      action: 'move',
      actor: actorOf(user),
      now,
      audited: auditedTheme,
    };
    await updateVersioned<ThemeRow>(tx, {
      ...common,
      before: theme,
      seenVersion,
      set: { position: neighbour.position },
    });
    await updateVersioned<ThemeRow>(tx, {
      ...common,
      before: neighbour,
      seenVersion: neighbour.version,
      set: { position: theme.position },
    });
  });
}

// Addressees

export async function listAddressees(db: Db, user: PolicyUser, filter: { q: string; kind: string; archived: boolean }) {
  assertAllowed(canEditRegistry(user));
  const rows = await db
    .select()
    .from(t.addressees)
    .where(filter.archived ? undefined : isNull(t.addressees.archivedAt))
    .orderBy(
      sql`lower(unaccent(coalesce(${t.addressees.name}->'en'->>'text', ${t.addressees.name}->'es'->>'text', '')))`,
    );
  return rows.filter(
    (r) => (filter.kind === '' || r.kind === filter.kind) && matchesQuery(filter.q, r.name.en?.text, r.name.es?.text),
  );
}

export async function getAddressee(db: Db, slug: string, user: PolicyUser): Promise<AddresseeRow> {
  assertAllowed(canEditRegistry(user));
  const [row] = await db.select().from(t.addressees).where(eq(t.addressees.slug, slug));
  if (!row) throw new NotFound(`No addressee "${slug}"`);
  return row;
}

export interface AddresseeForm {
  name: LocaleValues;
  confirmed: Locale[];
  kind: string;
  country: string;
  /** Slug of the addressee this one is part of, or ''. */
  parent: string;
}

async function addresseeColumns(db: Db, form: AddresseeForm, before: AddresseeRow | null) {
  const problems = checkLabel(new Problems(), 'name', form.name, ADDRESSEE_NAME_MAX);
  if (form.kind === '') problems.add('kind', 'workspaceErrRequired');
  else problems.oneOf('kind', form.kind, ADDRESSEE_KINDS);
  if (form.country && !countryCodes().includes(form.country)) problems.add('country', 'workspaceErrCountry');
  let parentId: number | null = null;
  if (form.parent !== '') {
    const [parent] = await db.select().from(t.addressees).where(eq(t.addressees.slug, form.parent));
    if (!parent) problems.add('parent', 'workspaceErrChoice');
    else if (before && parent.id === before.id) problems.add('parent', 'workspaceErrParentSelf');
    else parentId = parent.id;
  }
  problems.throwIfAny();
  return {
    name: mergeLocalized(before?.name, form.name, form.confirmed),
    kind: form.kind as AddresseeRow['kind'],
    country: blankToNull(form.country),
    parentId,
  };
}

const auditedAddressee = (r: AddresseeRow) => ({
  name: r.name,
  kind: r.kind,
  country: r.country,
  parentId: r.parentId,
  archivedAt: r.archivedAt,
});

export async function createAddressee(db: Db, form: AddresseeForm, user: Editor, now: Date): Promise<AddresseeRow> {
  assertAllowed(canEditRegistry(user));
  return db.transaction(async (tx) =>
    insertAudited<AddresseeRow>(tx, {
      table: t.addressees,
      values: {
        ...(await addresseeColumns(tx, form, null)),
        slug: await uniqueSlug(tx, t.addressees, firstText(form.name)),
      },
      entityType: 'addressee',
      actor: actorOf(user),
      now,
      audited: auditedAddressee,
    }),
  );
}

/** How an addressee is found for editing and audited, for the shared edit and archive steps. */
export const addresseeRecord: RegistryRecord<AddresseeRow> = {
  table: t.addressees,
  entityType: 'addressee',
  audited: auditedAddressee,
  load: getAddressee,
};

export function updateAddressee(db: Db, form: AddresseeForm, change: RecordChange): Promise<AddresseeRow> {
  return updateRecord(db, addresseeRecord, change, (tx, before) => addresseeColumns(tx, form, before));
}
