/**
 * Checks of the editor forms, as pure functions: each problem names its field and a catalog key,
 * so the form shows the message next to that field in the editor's language. Nothing is written
 * when there is a problem.
 */
import type { Catalog } from '../../platform/i18n/catalog.js';

export type ProblemKey = keyof Catalog & `followupProblem${string}`;
export type Problems = Record<string, ProblemKey>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function checkDay(problems: Problems, field: string, value: string, required: boolean, today?: string) {
  if (value === '') {
    if (required) problems[field] = 'followupProblemDateRequired';
  } else if (!isDay(value)) problems[field] = 'followupProblemDateFormat';
  else if (today && value > today) problems[field] = 'followupProblemDateFuture';
}

export function checkUrl(problems: Problems, field: string, value: string) {
  if (value !== '' && !isHttpUrl(value)) problems[field] = 'followupProblemUrl';
}

export function checkSummary(problems: Problems, en: string, es: string) {
  if (en.trim() === '' && es.trim() === '') problems.summary_en = 'followupProblemSummaryRequired';
}
