/**
 * Field problems (collected by forms/problems.ts, thrown as `Invalid`) name a catalog key, so the
 * form shows them in the reader's language, next to the field: `fieldErrors()` turns them into text.
 */

import type { FieldProblem } from '../errors.js';
import type { Catalog } from '../i18n/catalog.js';

/** Field name → message already in the page's language. */
export type FieldErrors = Record<string, string>;

/**
 * Catalog keys become text in the page's language; other problems (plain English) are kept as written.
 * A text over its limit says the limit and its length ("at most 200 characters; this has 245.").
 */
export function fieldErrors(problems: FieldProblem[], t: Catalog): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    if (errors[p.field]) continue;
    if (p.length) {
      errors[p.field] = t.workspaceLengthLimit(p.length.max, p.length.actual);
      continue;
    }
    const text = (t as unknown as Record<string, unknown>)[p.problem];
    errors[p.field] = typeof text === 'string' ? text : p.problem;
  }
  return errors;
}

/** Empty text means "no value" in every optional field. */
export function blankToNull(value: string | undefined): string | null {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
}
