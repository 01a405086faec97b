/**
 * The rows a translation source (platform/feature.ts) contributes: one per translatable field of each
 * item, with the same columns in the same order for every source, so the translations page can
 * `union all` them and compute each language's state in SQL (platform/text/localized-text-sql.ts).
 */
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * The columns, in order: item_id int, sort text (the order within the kind), name jsonb (a
 * LocalizedText, or null), own text and fallback text (the name is `resolveName(name, locale, own)`,
 * else `fallback`), edit_path text, field text, field_order int, field_number int, value jsonb.
 */
export interface TranslationFieldRow {
  item_id: number;
  sort: string;
  name: Record<string, { text: string; origin: string }> | null;
  own: string;
  fallback: string;
  edit_path: string;
  field: string;
  field_order: number;
  field_number: number;
  value: unknown;
}

type Expr = AnyColumn | SQL;

/** One row per field listed, for every row of `from` (optionally `where`). */
export function translationFieldRows(item: {
  from: SQL;
  id: Expr;
  sort: Expr;
  name?: Expr;
  own?: Expr;
  fallback: Expr;
  editPath: SQL;
  where?: SQL;
  fields: { key: string; value: AnyColumn }[];
}): SQL {
  // Keys are the source's own constants, written into the SQL as literals (never user input).
  for (const f of item.fields) if (!/^[a-zA-Z]+$/.test(f.key)) throw new Error(`bad field key ${f.key}`);
  const values = sql.join(
    item.fields.map((f, i) => sql`(${sql.raw(`'${f.key}'`)}, ${sql.raw(String(i))}, ${f.value})`),
    sql`, `,
  );
  return sql`select ${item.id}::int as item_id, ${item.sort}::text as sort, ${item.name ?? sql`null`}::jsonb as name,
    ${item.own ?? sql`''`}::text as own, ${item.fallback}::text as fallback, ${item.editPath}::text as edit_path,
    f.field::text as field, f.field_order::int as field_order, 0 as field_number, f.value::jsonb as value
    from ${item.from} cross join lateral (values ${values}) as f(field, field_order, value)
    ${item.where ? sql`where ${item.where}` : sql``}`;
}

/**
 * What changes when a table's rows do: their count and latest `updated_at` (every service write sets
 * it, platform/write.ts). A source's `changes` joins these for the tables its rows read.
 */
export function changeStamp(table: SQL, updatedAt?: AnyColumn): SQL {
  return sql`(select count(*)::text || ':' || ${updatedAt ? sql`coalesce(max(${updatedAt})::text, '')` : sql`''`} from ${table})`;
}
