/**
 * The rows a form offers to pick from, bounded: what is already chosen, plus at most CHOICES_LIMIT
 * others matching the editor's search, or, without a search, the first CHOICES_FIRST in the list's
 * order (fewer: a page has several pickers, and a search finds the rest). A form never
 * lists a whole table, so its page does not grow with the database (issue 15); the search is a plain
 * GET field (ui/choice-search.tsx), so picking works without JavaScript.
 */
import { type AnyColumn, and, inArray, not, type SQL } from 'drizzle-orm';
import { CHOICES_FIRST, CHOICES_LIMIT } from '../forms/choice-limits.js';

export { CHOICES_FIRST, CHOICES_LIMIT };

export interface Choices<Row> {
  /** The chosen rows (in no particular order: the form orders them) and then the offered ones. */
  rows: Row[];
  /** More rows match than the ones offered: the form says to narrow the search. */
  more: boolean;
  /** How many rows besides the chosen ones are offered. */
  offered: number;
}

/**
 * `fetch(where, limit)` runs the list's query (its own order) under `where`; `match` is the search's
 * condition, or undefined for "the first ones".
 */
export async function chosenAndOffered<Row>(opts: {
  id: AnyColumn;
  chosen: number[];
  match: SQL | undefined;
  fetch: (where: SQL | undefined, limit: number | null) => Promise<Row[]>;
  limit?: number;
}): Promise<Choices<Row>> {
  const limit = opts.limit ?? (opts.match ? CHOICES_LIMIT : CHOICES_FIRST);
  const chosen = [...new Set(opts.chosen)];
  const notChosen = chosen.length > 0 ? not(inArray(opts.id, chosen)) : undefined;
  const [picked, offered] = await Promise.all([
    chosen.length > 0 ? opts.fetch(inArray(opts.id, chosen), null) : Promise.resolve([]),
    opts.fetch(and(opts.match, notChosen), limit + 1),
  ]);
  const shown = offered.slice(0, limit);
  return { rows: [...picked, ...shown], more: offered.length > limit, offered: shown.length };
}
