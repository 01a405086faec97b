/**
 * The search that goes with a bounded list of choices (platform/db/choices.ts, limits in
 * platform/forms/choice-limits.ts): a field and a Find button inside the form being edited. Find
 * posts that form (with its CSRF token, as every POST) to its own handler with `_action=find`: the
 * handler draws the form again with everything typed kept and the search's results offered, and saves
 * nothing. So an editor finds any row of a large registry without JavaScript and without losing an
 * unsaved edit, while the page lists only what is chosen and a few matches.
 */
import { CHOICES_FIRST, CHOICES_LIMIT, FIND_ACTION } from '../platform/forms/choice-limits.js';
import type { PageContext } from '../platform/web/page-context.js';

export interface ChoiceSearchProps {
  /** The field's name, e.g. `find-signatories`: the words the handler searches for. */
  param: string;
  /** What the search is for, in a sentence: "Find {what} to add". */
  what: string;
  /** The words searched now ('' for none). */
  value: string;
  /** More rows than listed match (or exist, without a search). */
  more: boolean;
  /** The address the form posts to (its `action`): Find posts there too. */
  page: string;
  /** The section to land on (an element id), so the results are in view. */
  anchor: string;
  /** How many rows besides the chosen ones were offered (to say "nothing else matches"). */
  offered: number;
}

/** What a bounded list's query said of its search (platform/db/choices.ts): the words, and what they found. */
export interface ChoiceSearchState {
  find: string;
  more: boolean;
  offered: number;
}

/** A search's props from its state: `param` names the field, `page` is the form's action. */
export function choiceSearchProps(
  state: ChoiceSearchState,
  options: { param: string; what: string; page: string },
): ChoiceSearchProps {
  const { param, what, page } = options;
  return { param, what, page, value: state.find, more: state.more, offered: state.offered, anchor: `${param}-words` };
}

export function ChoiceSearch(props: ChoiceSearchProps & { ctx: PageContext }): JSX.Element {
  const { t } = props.ctx;
  const inputId = `${props.param}-words`;
  const found = props.value
    ? props.offered === 0
      ? t.choicesNoneFound(props.value)
      : props.more
        ? t.choicesMoreFound(CHOICES_LIMIT)
        : t.choicesFoundFor(props.value)
    : '';
  // After a search the form is drawn again unsaved: say so, or the editor may think Find saved it.
  const note = props.value ? `${found} ${t.choicesNotSavedYet}` : props.more ? t.choicesFirstOnly(CHOICES_FIRST) : '';
  return (
    <div class="choice-search">
      <label for={inputId} safe>
        {t.choicesFindLabel(props.what)}
      </label>
      <input type="search" id={inputId} name={props.param} value={props.value} maxlength="100" />
      <button
        type="submit"
        name="_action"
        value={FIND_ACTION}
        formaction={`${props.page}#${props.anchor}`}
        formnovalidate
        class="button-secondary"
        safe
      >
        {t.choicesFind}
      </button>
      {note ? (
        <p class="hint" role="status" safe>
          {note}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}
