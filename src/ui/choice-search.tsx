/**
 * The search that goes with a bounded list of choices (platform/db/choices.ts, limits in platform/forms/choice-limits.ts): a plain GET field
 * on the form's own page (`?{param}=words`), so an editor finds any row of a large registry without
 * JavaScript, while the page lists only what is chosen and a few matches. The field may sit inside
 * another form: its input and button belong, by their `form` attribute, to a GET form drawn
 * elsewhere on the page (`ChoiceSearchForm`), since forms cannot nest.
 */
import { CHOICES_FIRST, CHOICES_LIMIT } from '../platform/forms/choice-limits.js';
import type { PageContext } from '../platform/web/page-context.js';

export interface ChoiceSearchProps {
  /** The query parameter, e.g. `find-signatories`; also names the GET form (`{param}-form`). */
  param: string;
  /** What the search is for, in a sentence: "Find {what} to add". */
  what: string;
  /** The words searched now ('' for none). */
  value: string;
  /** More rows than listed match (or exist, without a search). */
  more: boolean;
  /** The page's address without a query: the GET form's action, and "Clear the search". */
  page: string;
  /** The section to land on (an element id), so the results are in view. */
  anchor: string;
  /** How many rows besides the chosen ones were offered (to say "nothing else matches"). */
  offered: number;
}

export function ChoiceSearch(props: ChoiceSearchProps & { ctx: PageContext }): JSX.Element {
  const { t } = props.ctx;
  const formId = `${props.param}-form`;
  const inputId = `${props.param}-words`;
  const note = props.value
    ? props.offered === 0
      ? t.choicesNoneFound(props.value)
      : props.more
        ? t.choicesMoreFound(CHOICES_LIMIT)
        : t.choicesFoundFor(props.value)
    : props.more
      ? t.choicesFirstOnly(CHOICES_FIRST)
      : '';
  return (
    <div class="choice-search">
      <label for={inputId} safe>
        {t.choicesFindLabel(props.what)}
      </label>
      <input type="search" id={inputId} name={props.param} value={props.value} maxlength="100" form={formId} />
      <button type="submit" form={formId} class="button-secondary" safe>
        {t.choicesFind}
      </button>
      {note ? (
        <p class="hint" role="status">
          <span safe>{note}</span>
          {props.value ? (
            <>
              {' '}
              <a href={`${props.page}#${props.anchor}`} safe>
                {t.choicesClear}
              </a>
            </>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

/**
 * The GET form a ChoiceSearch submits, drawn outside any other form. `keep` holds the page's other
 * query parameters (e.g. the preview language), so a search keeps them.
 */
export function ChoiceSearchForm(props: ChoiceSearchProps & { keep?: Record<string, string> }): JSX.Element {
  return (
    <form method="get" action={`${props.page}#${props.anchor}`} id={`${props.param}-form`} class="choice-search-form">
      {Object.entries(props.keep ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}
