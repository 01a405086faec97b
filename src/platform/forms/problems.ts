/**
 * Collecting what is wrong with a form before anything is written. A problem is a catalog key, not a
 * sentence: the workspace shows it in the editor's language next to its field (fieldErrors() in
 * platform/forms/validation.ts), and the services stay usable from the CLI. Field names are the
 * form's: `title` for a bilingual pair as a whole, `title_en` for one language of it.
 */
import { like } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { type FieldProblem, Invalid } from '../errors.js';
import type { Catalog } from '../i18n/catalog.js';
import { LOCALES, type Locale } from '../i18n/locales.js';

/** A problem is a catalog key: the workspace's, the editorial and the follow-up forms' messages. */
export type ProblemCode = Extract<
  keyof Catalog,
  `workspaceErr${string}` | `editorialErr${string}` | `followupProblem${string}`
>;

/** The first problem of each field, for forms that show them next to their fields. */
export type ProblemsByField = Record<string, ProblemCode>;

/**
 * What is wrong with one form, field by field, in the order found: the one way services collect
 * problems, so one submission reports every field at once and nothing is written while any remain.
 */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, problem: ProblemCode): void {
    this.list.push({ field, problem });
  }

  required(field: string, value: string | undefined): void {
    if ((value ?? '').trim() === '') this.add(field, 'workspaceErrRequired');
  }

  /** Text over `max` characters: the message names the limit and the length typed. */
  maxLength(field: string, value: string | undefined, max: number): void {
    // Counted as the browser's maxlength counts: a line break is one character (forms post it as CRLF).
    const actual = (value ?? '').replace(/\r\n/g, '\n').length;
    if (actual > max) this.list.push({ field, problem: 'workspaceErrTooLong', length: { max, actual } });
  }

  /** Each language of a bilingual field (`title_en`, `title_es`) held to `max` characters. */
  maxLengthEach(field: string, values: Partial<Record<Locale, string | undefined>>, max: number): void {
    for (const locale of LOCALES) this.maxLength(`${field}_${locale}`, values[locale], max);
  }

  /** An http(s) address with a dotted host name, or nothing. */
  optionalUrl(field: string, value: string | undefined): void {
    const text = (value ?? '').trim();
    if (text === '') return;
    if (!isHttpUrl(text) || !new URL(text).hostname.includes('.')) this.add(field, 'workspaceErrUrl');
  }

  optionalEmail(field: string, value: string | undefined): void {
    const text = (value ?? '').trim();
    if (text !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) this.add(field, 'workspaceErrEmail');
  }

  oneOf(field: string, value: string | undefined, allowed: readonly string[]): void {
    if (value !== undefined && value !== '' && !allowed.includes(value)) this.add(field, 'workspaceErrChoice');
  }

  byField(): ProblemsByField {
    const out: ProblemsByField = {};
    for (const { field, problem } of this.list) out[field] ??= problem as ProblemCode;
    return out;
  }

  /** Throws Invalid (a 400, nothing written) when anything was found. */
  throwIfAny(message = 'The form has problems'): void {
    if (this.list.length > 0) throw new Invalid(message, this.list);
  }
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A readable URL part from any text: "Protección de migrantes" → "proteccion-de-migrantes". A long
 * text is cut after its last whole word within `maxLength` (never mid-word: "…-personas", not
 * "…-perso"); only a single word longer than that is cut where the limit falls.
 */
export function slugify(text: string, maxLength = 60, fallback = 'item'): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug || fallback;
  const head = slug.slice(0, maxLength + 1);
  const lastBreak = head.lastIndexOf('-');
  return (lastBreak > 0 ? head.slice(0, lastBreak) : slug.slice(0, maxLength)).replace(/-+$/g, '') || fallback;
}

/** `base`, or `base-2`, `base-3`… whichever no row of `table` has yet. */
export async function freeSlug(db: Db, table: PgTable & { slug: PgColumn }, base: string): Promise<string> {
  const rows = await db
    .select({ slug: table.slug })
    .from(table as PgTable)
    .where(like(table.slug, `${base}%`));
  const taken = new Set(rows.map((r) => String(r.slug)));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
