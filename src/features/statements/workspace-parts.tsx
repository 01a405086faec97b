/** Pieces of the statement pages: the list, a state tag, each language's state, move buttons. */
import type { KeysetPage } from '../../platform/db/keyset.js';
import { formatDate, messages } from '../../platform/i18n/format.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { type LocalizedText, translationState } from '../../platform/text/localized-text.js';
import type { VisibilityState } from '../../platform/visibility.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { StateBadge } from '../../ui/bilingual-field.js';
import { HiddenFields } from '../../ui/form.js';
import type { Column } from '../../ui/list.js';
import { ListPage } from '../../ui/list-page.js';
import { LocalizedSpan } from '../../ui/localized-view.js';
import type { WorkspaceProps } from '../../ui/workspace-layout.js';
import { stateFilter, stateName } from './state-label.js';
import type { EditableStatementItem } from './workspace-read.js';

export function StatementListPage(
  props: WorkspaceProps & { page: KeysetPage<EditableStatementItem>; q: string; state: string },
): JSX.Element {
  const { t } = props.ctx;
  return (
    <EditorialListPage
      {...props}
      path="statements"
      title={t.editorialStatementsTitle}
      caption={t.editorialStatementsCaption}
      newLabel={t.editorialNewStatement}
      titleHeader={t.editorialColumnTitle}
      of={(i) => ({ slug: i.statement.slug, title: i.statement.title, date: i.statement.date, state: i.state })}
      more={[
        { header: t.editorialColumnRecommendations, cell: (i) => <span safe>{String(i.recommendationCount)}</span> },
      ]}
    />
  );
}

/**
 * The workspace list of statements or of releases: a linked title, the date and the state, then any
 * columns of its own; searchable and filtered by state.
 */
export function EditorialListPage<Row>(
  props: WorkspaceProps & {
    /** Under /{lang}/workspace/. */
    path: string;
    title: string;
    caption: string;
    newLabel: string;
    titleHeader: string;
    q: string;
    state: string;
    /** One page of the list (platform/db/keyset.ts). */
    page: KeysetPage<Row>;
    of: (row: Row) => { slug: string; title: LocalizedText; date: string; state: VisibilityState };
    more?: Column<Row>[];
  },
): JSX.Element {
  const { ctx, of } = props;
  const { t, locale } = ctx;
  const base = `/${locale}/workspace/${props.path}`;
  return (
    <ListPage
      {...props}
      title={props.title}
      caption={props.caption}
      create={{ href: `${base}/new`, label: props.newLabel }}
      search={{ action: base, q: props.q, filters: [stateFilter(t, props.state)] }}
      rows={props.page.items}
      page={props.page}
      columns={[
        {
          header: props.titleHeader,
          cell: (i) => (
            <a href={`${base}/${of(i).slug}`}>
              <LocalizedSpan value={of(i).title} ctx={ctx} />
            </a>
          ),
        },
        { header: t.editorialColumnDate, cell: (i) => <span safe>{formatDate(of(i).date, locale)}</span> },
        { header: t.editorialColumnState, cell: (i) => <StateTag ctx={ctx} state={of(i).state} /> },
        ...(props.more ?? []),
      ]}
    />
  );
}

export function StateTag({ ctx, state }: { ctx: PageContext; state: VisibilityState }): JSX.Element {
  return (
    <span class={`visibility visibility-${state}`} safe>
      {stateName(ctx.t, state)}
    </span>
  );
}

/** Each language's state of a text, in words (never by colour alone). */
export function TranslationStates({ ctx, value }: { ctx: PageContext; value: LocalizedText }): JSX.Element {
  return (
    <p class="translation-states">
      {LOCALES.map((l) => (
        <span class="translation-state">
          <span safe>{`${messages(l).switchToThisLanguage}: `}</span>
          <StateBadge t={ctx.t} state={translationState(value, l)} />{' '}
        </span>
      ))}
    </p>
  );
}

export function MoveButtons(props: { ctx: PageContext; csrf: string; action: string; version: number; name: string }) {
  const { t } = props.ctx;
  return (
    <form method="post" action={props.action} class="row-actions">
      <HiddenFields csrf={props.csrf} version={props.version} />
      <button type="submit" name="direction" value="up" class="button-secondary">
        <span safe>{t.workspaceMoveUp}</span>
        <span class="visually-hidden" safe>{`: ${props.name}`}</span>
      </button>
      <button type="submit" name="direction" value="down" class="button-secondary">
        <span safe>{t.workspaceMoveDown}</span>
        <span class="visually-hidden" safe>{`: ${props.name}`}</span>
      </button>
    </form>
  );
}
