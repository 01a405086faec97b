/**
 * How many rows a form's bounded list offers besides what is chosen (platform/db/choices.ts, drawn
 * with ui/choice-search.tsx): up to CHOICES_LIMIT matches of a search, and the first CHOICES_FIRST
 * without one (fewer: a page has several pickers, and a search finds the rest).
 */
export const CHOICES_LIMIT = 30;
export const CHOICES_FIRST = 10;

/**
 * The value of `_action` a picker's Find button posts (ui/choice-search.tsx): the form's handler draws
 * the form again, as typed, with the search's results, and saves nothing.
 */
export const FIND_ACTION = 'find';

/** Whether a posted form is a search (a Find button) rather than a save. */
export function isFindPost(body: Record<string, unknown>): boolean {
  return body._action === FIND_ACTION;
}
