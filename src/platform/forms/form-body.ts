/**
 * Reading workspace form posts, for every feature: the body and params schemas the routes declare,
 * and the readers that turn a posted body into plain strings, bilingual pairs, the version the form
 * was built from and the writer's language. The services say in words what is wrong with a value;
 * the schemas only bound what reaches them.
 */
import { Type } from '@fastify/type-provider-typebox';
import { isLocale, LOCALES, type Locale } from '../i18n/locales.js';
import type { LocaleValues } from '../text/bilingual.js';
import type { TextInput } from '../text/localized-input.js';

/** A slug in a URL: the same bound everywhere a route names a row by it. */
export const Slug = Type.String({ minLength: 1, maxLength: 200 });
export const SlugParams = Type.Object({ slug: Slug });
/**
 * The largest value of an `integer` column (every id and version): a larger number in a query is a
 * database error, so schemas and readers stop it here.
 */
/**
 * A paged list's `?after=`/`?before=` (platform/db/keyset.ts): spread into a list's querystring schema.
 * An unreadable cursor is not refused: the list starts at its top.
 */
export const PageCursorQuery = {
  after: Type.Optional(Type.String({ maxLength: 2000 })),
  before: Type.Optional(Type.String({ maxLength: 2000 })),
};

export const PG_INTEGER_MAX = 2_147_483_647;
/**
 * Ajv (Fastify's validator) turns a posted "1e309" into Infinity, which passes `integer` and skips
 * `minimum`/`maximum` (checked only on finite numbers), and reaches the query. The `finite` keyword,
 * registered on the app's validator (app.tsx), refuses it.
 */
export function finiteKeyword<A extends KeywordHost<A>>(ajv: A): A {
  // No `type: 'number'`: Ajv runs number keywords only on finite numbers, which would skip this one too.
  return ajv.addKeyword({
    keyword: 'finite',
    schemaType: 'boolean',
    errors: false,
    validate: (finite: boolean, value: unknown) => !finite || typeof value !== 'number' || Number.isFinite(value),
  } as never);
}

/** Ajv as far as this needs it (ajv is Fastify's dependency, not ours; its definition type stays there). */
interface KeywordHost<A> {
  addKeyword(definition: never): A;
}

/** A whole number as an `integer` column holds it (ids, versions, positions), from `minimum` up. */
export const ColumnInteger = (minimum: number) => Type.Integer({ minimum, maximum: PG_INTEGER_MAX, finite: true });
/** A row id or a version in a URL or a posted body. */
export const RowNumber = ColumnInteger(1);
/** A row inside a slugged parent (a quote or recommendation of a statement). */
export const ItemParams = Type.Object({ slug: Slug, id: RowNumber });

const csrf = { _csrf: Type.String({ maxLength: 200 }) };

/**
 * The statement and release editors' forms: named fields per language and per picked row, where a
 * picker posts the same name once per row (an array), so the body is an open record.
 */
export const FormBody = Type.Object(csrf, { additionalProperties: true });

/**
 * The registry's forms (organizations, people, themes, addressees) post only flat fields, one
 * value a name, so they are held to strings of a bounded length: a repeated or oversized field is
 * answered 400 before a service sees it.
 */
export const FlatFormBody = Type.Object(csrf, { additionalProperties: Type.String({ maxLength: 20_000 }) });

/** A posted body as the readers take it (FormBody's open record; FlatFormBody's strings fit too). */
export type Form = Record<string, unknown>;

/** A named field as typed, or '' when it is missing or not a single string. */
export const field = (body: Form, name: string): string =>
  typeof body[name] === 'string' ? (body[name] as string) : '';

/** Several plain fields at once, by name, each read as `field` reads it. */
export function fields<const Name extends string>(body: Form, names: readonly Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, field(body, name)])) as Record<Name, string>;
}

/** Text typed per language, as submitted (`name_en`, `name_es`). */
export function localeFieldName(name: string, locale: Locale): string {
  return `${name}_${locale}`;
}

/** The checkbox that says an unchanged, out-of-date translation was checked against the original. */
export function confirmFieldName(name: string, locale: Locale): string {
  return `${name}_${locale}_confirmed`;
}

/** Languages whose out-of-date translation the editor confirmed as matching the current original. */
export function readConfirmed(body: Form, name: string): Locale[] {
  return LOCALES.filter((locale) => body[confirmFieldName(name, locale)] === '1');
}

/** The submitted text of each language of a bilingual field. */
export function readLocaleValues(body: Form, name: string): LocaleValues {
  const values: LocaleValues = {};
  for (const locale of LOCALES) {
    const v = body[localeFieldName(name, locale)];
    if (typeof v === 'string') values[locale] = v;
  }
  return values;
}

/** A bilingual pair as typed, with the languages whose translation the editor confirmed as current. */
export const pair = (body: Form, name: string): TextInput => ({
  ...readLocaleValues(body, name),
  confirmed: readConfirmed(body, name),
});

/** A posted row id (a picked person, statement or block), or null when it is not one a column can hold. */
export function rowId(value: unknown): number | null {
  const n = typeof value === 'string' && /^\s*\d{1,10}\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= PG_INTEGER_MAX ? n : null;
}

/** The version the form was built from; anything unreadable is 0, which no row has: a conflict. */
export function seenVersion(body: Form): number {
  return rowId(body.version) ?? 0;
}

/** The language the writer says the original is in; the page's language when none or an unknown one is posted. */
export function originalLocale(body: Form, fallback: Locale): Locale {
  const value = field(body, 'originalLocale');
  return isLocale(value) ? value : fallback;
}
