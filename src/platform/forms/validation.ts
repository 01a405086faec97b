/**
 * Field problems that name a catalog key, so the form shows them in the reader's language, next to
 * the field. Services throw `Invalid` with such problems; `fieldErrors()` turns them into text.
 */

import { type FieldProblem, Invalid } from '../errors.js';
import type { Catalog } from '../i18n/catalog.js';
import type { workspaceEn } from '../i18n/messages/workspace.en.js';

export type ProblemKey = Extract<keyof typeof workspaceEn, `workspaceErr${string}`>;

/** Field name → message already in the page's language. */
export type FieldErrors = Record<string, string>;

export function problem(field: string, key: ProblemKey): FieldProblem {
  return { field, problem: key };
}

/** Throws `Invalid` when there is any problem (nothing is saved then). */
export function assertValid(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new Invalid(`Invalid: ${problems.map((p) => p.field).join(', ')}`, problems);
}

/** Catalog keys become text in the page's language; other problems (plain English) are kept as written. */
export function fieldErrors(problems: FieldProblem[], t: Catalog): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    if (errors[p.field]) continue;
    const text = (t as unknown as Record<string, unknown>)[p.problem];
    errors[p.field] = typeof text === 'string' ? text : p.problem;
  }
  return errors;
}

// Checks shared by the registry forms. Each returns problems rather than throwing, so one
// submission reports every field at once.

export function required(field: string, value: string | undefined): FieldProblem[] {
  return (value ?? '').trim() === '' ? [problem(field, 'workspaceErrRequired')] : [];
}

export function maxLength(field: string, value: string | undefined, max: number): FieldProblem[] {
  return (value ?? '').length > max ? [problem(field, 'workspaceErrTooLong')] : [];
}

export function optionalUrl(field: string, value: string | undefined): FieldProblem[] {
  const text = (value ?? '').trim();
  if (text === '') return [];
  try {
    const url = new URL(text);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')) return [];
  } catch {
    // fall through: not a URL
  }
  return [problem(field, 'workspaceErrUrl')];
}

export function optionalEmail(field: string, value: string | undefined): FieldProblem[] {
  const text = (value ?? '').trim();
  if (text === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return [];
  return [problem(field, 'workspaceErrEmail')];
}

export function oneOf(field: string, value: string | undefined, allowed: readonly string[]): FieldProblem[] {
  return value !== undefined && value !== '' && !allowed.includes(value) ? [problem(field, 'workspaceErrChoice')] : [];
}

/** Empty text means "no value" in every optional field. */
export function blankToNull(value: string | undefined): string | null {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
}
