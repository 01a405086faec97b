/**
 * Checks of the editor forms, as pure functions: each problem names its field and a catalog key,
 * so the form shows the message next to that field in the editor's language. Nothing is written
 * when there is a problem.
 */
import { isHttpUrl, isIsoDate, type Problems } from '../../platform/forms/problems.js';

export function checkDay(problems: Problems, field: string, value: string, required: boolean, today?: string) {
  if (value === '') {
    if (required) problems.add(field, 'followupProblemDateRequired');
  } else if (!isIsoDate(value)) problems.add(field, 'followupProblemDateFormat');
  else if (today && value > today) problems.add(field, 'followupProblemDateFuture');
}

export function checkUrl(problems: Problems, field: string, value: string) {
  if (value !== '' && !isHttpUrl(value)) problems.add(field, 'followupProblemUrl');
}

/** A text in at least one language; the problem goes next to the English field (`summary_en`, `text_en`). */
export function checkSummary(problems: Problems, field: string, en: string, es: string) {
  if (en.trim() === '' && es.trim() === '') problems.add(field, 'followupProblemSummaryRequired');
}
