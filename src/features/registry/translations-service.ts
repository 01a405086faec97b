/**
 * Everything that still needs writing or checking in a language: texts missing there while another
 * language has them, and translations made from an original that has changed since. Each entity
 * contributes a source (SQL rows, one per field); statements and releases add theirs in their own
 * feature. States are computed in SQL (platform/text/localized-text-sql.ts), so the page reads counts
 * and one page of rows, never every text.
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import { readContentVersion } from '../../platform/db/content-version.js';
import { type KeysetPage, keysetPage, type PageRequest, type SortKey } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { changeStamp, type TranslationFieldRow, translationFieldRows } from '../../platform/db/translation-fields.js';
import type { TranslationSource } from '../../platform/feature.js';
import type { Catalog } from '../../platform/i18n/catalog.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { canViewRegistry, type PolicyUser } from '../../platform/policy.js';
import { likePattern } from '../../platform/text/localized-search.js';
import { type LocalizedText, resolveName } from '../../platform/text/localized-text.js';
import { hasAnyTextSql, translationStateSql } from '../../platform/text/localized-text-sql.js';
import { assertAllowed } from '../../platform/write.js';
import { matchesQuery } from '../../ui/list.js';

const labels =
  (byKey: Record<string, (c: Catalog) => string>) =>
  (c: Catalog, field: string): string =>
    byKey[field]?.(c) ?? field;

/** The registry's own texts; statements and releases add theirs through their manifests. */
export const registryTranslationSources: TranslationSource[] = [
  {
    kind: (c) => c.registryTranslationsKindOrganization,
    fields: ['localizedName', 'boilerplate'],
    label: labels({ localizedName: (c) => c.registryOrgLocalizedName, boilerplate: (c) => c.registryOrgBoilerplate }),
    changes: changeStamp(sql`${t.organizations}`, t.organizations.updatedAt),
    rows: translationFieldRows({
      from: sql`${t.organizations}`,
      where: sql`${t.organizations.archivedAt} is null`,
      id: t.organizations.id,
      sort: t.organizations.slug,
      name: t.organizations.localizedName,
      own: t.organizations.name,
      fallback: sql`''`,
      editPath: sql`'/workspace/organizations/' || ${t.organizations.slug} || '/edit'`,
      fields: [
        { key: 'localizedName', value: t.organizations.localizedName },
        { key: 'boilerplate', value: t.organizations.boilerplate },
      ],
    }),
  },
  {
    kind: (c) => c.registryTranslationsKindPerson,
    fields: ['role'],
    label: labels({ role: (c) => c.registryPersonRole }),
    changes: changeStamp(sql`${t.people}`, t.people.updatedAt),
    rows: translationFieldRows({
      from: sql`${t.people}`,
      where: sql`${t.people.archivedAt} is null`,
      id: t.people.id,
      sort: t.people.slug,
      own: t.people.name,
      fallback: sql`''`,
      editPath: sql`'/workspace/people/' || ${t.people.slug} || '/edit'`,
      fields: [{ key: 'role', value: t.people.role }],
    }),
  },
  {
    kind: (c) => c.registryTranslationsKindTheme,
    fields: ['label'],
    label: labels({ label: (c) => c.registryThemeLabel }),
    changes: changeStamp(sql`${t.themes}`, t.themes.updatedAt),
    rows: translationFieldRows({
      from: sql`${t.themes}`,
      where: sql`${t.themes.archivedAt} is null`,
      id: t.themes.id,
      sort: t.themes.slug,
      name: t.themes.label,
      fallback: t.themes.slug,
      editPath: sql`'/workspace/themes/' || ${t.themes.slug} || '/edit'`,
      fields: [{ key: 'label', value: t.themes.label }],
    }),
  },
  {
    kind: (c) => c.registryTranslationsKindAddressee,
    fields: ['name'],
    label: labels({ name: (c) => c.registryAddresseeName }),
    changes: changeStamp(sql`${t.addressees}`, t.addressees.updatedAt),
    rows: translationFieldRows({
      from: sql`${t.addressees}`,
      where: sql`${t.addressees.archivedAt} is null`,
      id: t.addressees.id,
      sort: t.addressees.slug,
      name: t.addressees.name,
      fallback: t.addressees.slug,
      editPath: sql`'/workspace/addressees/' || ${t.addressees.slug} || '/edit'`,
      fields: [{ key: 'name', value: t.addressees.name }],
    }),
  },
];

export type TodoState = 'missing' | 'stale';

export interface TranslationFilter {
  q: string;
  lang: Locale | '';
  state: TodoState | '';
}

export interface TranslationTodo {
  kind: string;
  name: string;
  field: string;
  locale: Locale;
  state: TodoState;
  editPath: string;
}

/** How many to-dos of one kind, language and state. */
export interface TranslationCount {
  /** The kind's place among the sources (the page's row order). */
  kindIndex: number;
  kind: string;
  locale: Locale;
  state: TodoState;
  count: number;
}

/** Rows per page of the translations page. */
export const TRANSLATIONS_PAGE_SIZE = 50;

/** Every source's field rows, then one row per language with its state, only where the field has text. */
function todosQuery(sources: readonly TranslationSource[]): SQL {
  const fields = sql.join(
    sources.map((s, i) => sql`select ${sql.raw(String(i))} as kind, s.* from (${s.rows}) s`),
    sql` union all `,
  );
  const value = sql`fields.value`;
  const perLocale = sql.join(
    LOCALES.map(
      (l) =>
        sql`select fields.*, ${sql.raw(`'${l}'`)}::text as locale, ${translationStateSql(value, l)} as state
          from fields where ${hasAnyTextSql(value)}`,
    ),
    sql` union all `,
  );
  return sql`with fields as (${fields}), todos as (${perLocale})`;
}

/** The search box: the entry's name in any language, or a field whose label (in the page's language) matches. */
function searchCondition(q: string, t: Catalog, sources: readonly TranslationSource[]): SQL {
  if (q.trim() === '') return sql`true`;
  const like = likePattern(q);
  const names = sql.join(
    [...LOCALES.map((l) => sql`coalesce(name->${sql.raw(`'${l}'`)}->>'text', '')`), sql`own`, sql`fallback`],
    sql` || ' ' || `,
  );
  const byLabel = sources.flatMap((s, i) =>
    s.fields
      .filter((f) => matchesQuery(q, s.label(t, f, 0)))
      .map((f) => sql`(kind = ${sql.raw(String(i))} and field = ${sql.raw(`'${f}'`)})`),
  );
  return sql`(unaccent(${names}) ilike unaccent(${like})${byLabel.length ? sql` or ${sql.join(byLabel, sql` or `)}` : sql``})`;
}

function filterCondition(filter: TranslationFilter, t: Catalog, sources: readonly TranslationSource[]): SQL {
  const parts = [sql`state in ('missing', 'stale')`, searchCondition(filter.q, t, sources)];
  if (filter.lang) parts.push(sql`locale = ${filter.lang}`);
  if (filter.state) parts.push(sql`state = ${filter.state}`);
  return sql.join(parts, sql` and `);
}

/** The stored list (the functions below name their catalog `t`). */
const todosTable = t.translationTodos;

/** Any two app processes refreshing at once take turns (one transaction-scoped lock). */
const REFRESH_LOCK = 7_150_015;

/**
 * Brings translation_todos up to date with the sources: when their change stamp differs from the one
 * the rows were computed from, every to-do is computed again in SQL (one statement) and stored.
 * Otherwise one cheap read: the stamp; and none while the content version (platform/db/content-version.ts)
 * has not moved since the last check.
 */
export async function refreshTranslationTodos(db: Db, sources: readonly TranslationSource[]): Promise<void> {
  // No committed write to public material since the list was last found up to date: nothing to read.
  // (Read first, so a write landing during the check leaves an older version and is checked next time.)
  const { version } = await readContentVersion(db);
  if (upToDateAt.get(db) === version) return;
  await refreshFromStamp(db, sources);
  upToDateAt.set(db, version);
}

/** The content version at which this process last found translation_todos up to date, per database. */
const upToDateAt = new WeakMap<Db, number>();

async function refreshFromStamp(db: Db, sources: readonly TranslationSource[]): Promise<void> {
  const stampOf = sql`select ${sql.join(
    [sql`${String(sources.length)}`, ...sources.map((s) => s.changes)],
    sql` || '|' || `,
  )} as stamp`;
  const read = async (tx: Db) => {
    const [[now], [stored]] = await Promise.all([
      queryRows<{ stamp: string }>(tx, stampOf),
      tx.select().from(t.translationTodosStamp).where(eq(t.translationTodosStamp.id, 1)),
    ]);
    return { now: now?.stamp ?? '', stored: stored?.stamp };
  };
  const first = await read(db);
  if (first.stored === first.now) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    const { now, stored } = await read(tx);
    if (now === stored) return;
    await tx.delete(t.translationTodos);
    await tx.execute(sql`${todosQuery(sources)} insert into ${t.translationTodos}
      (locale, kind, sort, item_id, field_order, field_number, field, name, own, fallback, edit_path, state)
      select locale, kind, sort, item_id, field_order, field_number, field, name, own, fallback, edit_path, state
      from todos where state in ('missing', 'stale')`);
    await tx
      .insert(t.translationTodosStamp)
      .values({ id: 1, stamp: now })
      .onConflictDoUpdate({ target: t.translationTodosStamp.id, set: { stamp: now } });
  });
}

/** Counts per kind, language and state, for the search (not the language and state filters: they link from these). */
export async function translationCounts(
  db: Db,
  user: PolicyUser,
  t: Catalog,
  q: string,
  sources: readonly TranslationSource[],
): Promise<TranslationCount[]> {
  assertAllowed(canViewRegistry(user));
  await refreshTranslationTodos(db, sources);
  const rows = await queryRows<{ kind: number; locale: Locale; state: TodoState; count: number }>(
    db,
    sql`select kind, locale, state, count(*)::int as count from ${todosTable} todos
      where ${filterCondition({ q, lang: '', state: '' }, t, sources)} group by kind, locale, state
      order by kind, locale, state`,
  );
  return rows.map((r) => ({
    ...r,
    kindIndex: Number(r.kind),
    kind: sources[Number(r.kind)]!.kind(t),
    count: Number(r.count),
  }));
}

/** The list's order: language, kind (the sources' order), the item's sort key and id, the field. */
const KEYS: SortKey[] = [
  { column: sql`locale`, direction: 'asc' },
  { column: sql`kind`, direction: 'asc' },
  { column: sql`sort`, direction: 'asc' },
  { column: sql`item_id`, direction: 'asc' },
  { column: sql`field_order`, direction: 'asc' },
];

type TodoRow = TranslationFieldRow & { kind: number; locale: Locale; state: TodoState };

/** One page of to-dos in the page's language for the reader, filtered by search, language and state. */
export async function translationTodoPage(
  db: Db,
  user: PolicyUser,
  t: Catalog,
  pageLocale: Locale,
  filter: TranslationFilter,
  sources: readonly TranslationSource[],
  request: PageRequest,
  size = TRANSLATIONS_PAGE_SIZE,
): Promise<KeysetPage<TranslationTodo>> {
  assertAllowed(canViewRegistry(user));
  await refreshTranslationTodos(db, sources);
  const page = await keysetPage<TodoRow>({
    keys: KEYS,
    request,
    size,
    keyOf: (r) => [r.locale, Number(r.kind), r.sort, Number(r.item_id), Number(r.field_order)],
    fetch: (where, orderBy, limit) =>
      queryRows<TodoRow>(
        db,
        sql`select kind, sort, item_id, field_order, field_number, field, name, own, fallback,
          edit_path, locale, state from ${todosTable} todos
          where ${filterCondition(filter, t, sources)}${where ? sql` and ${where}` : sql``}
          order by ${sql.join(orderBy, sql`, `)} limit ${limit}`,
      ),
  });
  return {
    ...page,
    items: page.items.map((r) => {
      const source = sources[Number(r.kind)]!;
      return {
        kind: source.kind(t),
        name: resolveName(r.name as LocalizedText | null, pageLocale, r.own)?.text ?? r.fallback,
        field: source.label(t, r.field, Number(r.field_number)),
        locale: r.locale,
        state: r.state,
        editPath: r.edit_path,
      };
    }),
  };
}
