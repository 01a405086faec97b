/**
 * How many rows a form's bounded list offers besides what is chosen (platform/db/choices.ts, drawn
 * with ui/choice-search.tsx): up to CHOICES_LIMIT matches of a search, and the first CHOICES_FIRST
 * without one (fewer: a page has several pickers, and a search finds the rest).
 */
export const CHOICES_LIMIT = 30;
export const CHOICES_FIRST = 10;
