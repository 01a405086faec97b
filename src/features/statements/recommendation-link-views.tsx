/**
 * The links section of a recommendation's workspace page (issue 17): what it echoes and what echoes it,
 * each with a remove button, and a bounded picker to add a link (Find posts the add form with
 * `_action=find`, ui/choice-search.tsx, so any recommendation is found without listing them all).
 */
import type { FieldErrors } from '../../platform/forms/validation.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { ChoiceSearch, type ChoiceSearchState, choiceSearchProps } from '../../ui/choice-search.js';
import { HiddenFields, SelectField } from '../../ui/form.js';
import { localizedPlain } from '../../ui/localized-view.js';
import type { LinkedRecommendation } from './recommendation-links.js';

export interface LinksState {
  echoes: LinkedRecommendation[];
  echoedBy: LinkedRecommendation[];
  /** The add form's choices (bounded) and its search. */
  choices: LinkedRecommendation[];
  search: ChoiceSearchState;
  /** The recommendation picked before a Find or a refused add. */
  chosen: number | null;
  errors: FieldErrors;
}

/** "Statement title — Recommendation 3 (121.1)": how a linked recommendation is named in one line. */
function linkName(ctx: PageContext, r: LinkedRecommendation): string {
  const reference = r.sourceReference ? ` (${r.sourceReference})` : '';
  return `${localizedPlain(r.statementTitle, ctx)} — ${ctx.t.recommendationTitle(r.number)}${reference}`;
}

function LinkList(props: {
  ctx: PageContext;
  csrf: string;
  title: string;
  list: LinkedRecommendation[];
  /** Where a remove posts, and which side of the link this list is. */
  removeAction: string;
  direction: 'echoes' | 'echoed-by';
}): JSX.Element {
  const { ctx } = props;
  if (props.list.length === 0) return <></>;
  return (
    <>
      <h3 safe>{props.title}</h3>
      <ul class="linked-recommendations">
        {props.list.map((r) => (
          <li>
            <a href={`/${ctx.locale}/workspace/statements/${r.statementSlug}/recommendations/${r.id}`} safe>
              {linkName(ctx, r)}
            </a>
            <p safe>{localizedPlain(r.text, ctx).slice(0, 300)}</p>
            <form method="post" action={props.removeAction}>
              <HiddenFields csrf={props.csrf} />
              <input type="hidden" name="other" value={String(r.id)} />
              <input type="hidden" name="direction" value={props.direction} />
              <button
                type="submit"
                class="button-secondary"
                aria-label={ctx.t.editorialLinkRemoveNamed(linkName(ctx, r))}
                safe
              >
                {ctx.t.editorialLinkRemove}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}

export function LinksSection(props: {
  ctx: PageContext;
  csrf: string;
  /** The recommendation's workspace address: the forms post under it. */
  base: string;
  links: LinksState;
}): JSX.Element {
  const { ctx, csrf, links } = props;
  const { t } = ctx;
  const action = `${props.base}/links`;
  return (
    <section aria-labelledby="links-title" id="links">
      <h2 id="links-title" safe>
        {t.editorialLinksTitle}
      </h2>
      <p class="hint" safe>
        {t.editorialLinksHint}
      </p>
      {links.echoes.length + links.echoedBy.length === 0 ? (
        <p safe>{t.editorialLinksNone}</p>
      ) : (
        <>
          <LinkList
            ctx={ctx}
            csrf={csrf}
            title={t.editorialLinksEchoes}
            list={links.echoes}
            removeAction={`${action}/remove`}
            direction="echoes"
          />
          <LinkList
            ctx={ctx}
            csrf={csrf}
            title={t.editorialLinksEchoedBy}
            list={links.echoedBy}
            removeAction={`${action}/remove`}
            direction="echoed-by"
          />
        </>
      )}
      <form method="post" action={`${action}#links`} class="form" novalidate>
        <HiddenFields csrf={csrf} />
        <SelectField
          ctx={ctx}
          name="echoes"
          label={t.editorialLinkChoose}
          value={links.chosen === null ? '' : String(links.chosen)}
          emptyLabel={t.editorialChoose}
          options={links.choices.map((r) => ({
            value: String(r.id),
            label: `${linkName(ctx, r)}: ${localizedPlain(r.text, ctx).slice(0, 90)}`,
          }))}
          error={links.errors.echoes}
          required
        />
        <ChoiceSearch
          ctx={ctx}
          {...choiceSearchProps(links.search, {
            param: 'find-link',
            what: t.choicesWhatRecommendations,
            page: action,
          })}
        />
        <p class="form-actions">
          <button type="submit" safe>
            {t.editorialLinkAdd}
          </button>
        </p>
      </form>
    </section>
  );
}
