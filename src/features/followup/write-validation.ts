/**
 * Checks of the editor forms, as pure functions: each problem names its field and a catalog key,
 * so the form shows the message next to that field in the editor's language. Nothing is written
 * when there is a problem.
 */
import { isHttpUrl, isIsoDate } from '../../platform/forms/problems.js';
import type { Catalog } from '../../platform/i18n/catalog.js';

export type ProblemKey = keyof Catalog & `followupProblem${string}`;
export type Problems = Record<string, ProblemKey>;

export function checkDay(problems: Problems, field: string, value: string, required: boolean, today?: string) {
  if (value === '') {
    if (required) problems[field] = 'followupProblemDateRequired';
  } else if (!isIsoDate(value)) problems[field] = 'followupProblemDateFormat';
  else if (today && value > today) problems[field] = 'followupProblemDateFuture';
}

export function checkUrl(problems: Problems, field: string, value: string) {
  if (value !== '' && !isHttpUrl(value)) problems[field] = 'followupProblemUrl';
}

export function checkSummary(problems: Problems, en: string, es: string) {
  if (en.trim() === '' && es.trim() === '') problems.summary_en = 'followupProblemSummaryRequired';
}
