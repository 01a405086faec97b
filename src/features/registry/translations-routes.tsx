/**
 * /{lang}/workspace/translations: what is missing or out of date, per language, across the registry
 * and the editorial texts. Counts per kind, language and state on top (each a link to that list), then
 * one page of rows (keyset pages: ?after= / ?before=), filters kept across pages.
 */
import { Type } from '@fastify/type-provider-typebox';
import type { TranslationSource } from '../../platform/feature.js';
import { messages } from '../../platform/i18n/format.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { workspaceRoutes } from '../../platform/web/workspace-request.js';
import { StateBadge } from '../../ui/bilingual-field.js';
import { DataTable, FilterBar } from '../../ui/list.js';
import { keysetLinks, Pager, type PagerLinks } from '../../ui/pager.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import {
  type TodoState,
  type TranslationCount,
  type TranslationFilter,
  type TranslationTodo,
  translationCounts,
  translationTodoPage,
} from './translations-service.js';

const Cursor = Type.String({ maxLength: 2000 });
const Query = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal(''), ...LOCALES.map((l) => Type.Literal(l))])),
  state: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('missing'), Type.Literal('stale')])),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  after: Type.Optional(Cursor),
  before: Type.Optional(Cursor),
});

const STATES: TodoState[] = ['missing', 'stale'];

/** The page's address with these filters (and a cursor, for the pager). */
function listHref(locale: Locale, filter: TranslationFilter, cursor: { after?: string; before?: string } = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...cursor })) if (value) params.set(key, value);
  const query = params.toString();
  return `/${locale}/workspace/translations${query ? `?${query}` : ''}`;
}

function CountsTable(props: WorkspaceProps & { counts: TranslationCount[]; filter: TranslationFilter }) {
  const { ctx, counts, filter } = props;
  const { t, locale } = ctx;
  const kinds = [...new Map(counts.map((c) => [c.kindIndex, c.kind])).entries()].sort((a, b) => a[0] - b[0]);
  const count = (kind: number, l: Locale, state: TodoState) =>
    counts.find((c) => c.kindIndex === kind && c.locale === l && c.state === state)?.count ?? 0;
  const stateLabel = (state: TodoState) =>
    state === 'missing' ? t.workspaceStateNotTranslated : t.workspaceStateStale;
  if (kinds.length === 0) return '';
  return (
    <section class="table-scroll translation-counts" aria-label={t.registryTranslationsCounts} tabindex="0">
      <table class="data-table">
        <caption safe>{t.registryTranslationsCounts}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t.registryColumnKind}
            </th>
            {LOCALES.flatMap((l) =>
              STATES.map((state) => (
                <th scope="col" safe>
                  {`${messages(l).switchToThisLanguage}: ${stateLabel(state)}`}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {kinds.map(([index, kind]) => (
            <tr>
              <th scope="row" safe>
                {kind}
              </th>
              {LOCALES.flatMap((l) =>
                STATES.map((state) => (
                  <td>
                    <a href={listHref(locale, { q: filter.q, lang: l, state })} safe>
                      {String(count(index, l, state))}
                    </a>
                  </td>
                )),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function TranslationsPage(
  props: WorkspaceProps & {
    todos: TranslationTodo[];
    counts: TranslationCount[];
    filter: TranslationFilter;
    pager: PagerLinks;
  },
) {
  const { ctx, todos, filter } = props;
  const { t, locale } = ctx;
  // The rows come ordered by language: a section for each language on this page.
  const languages = (filter.lang ? [filter.lang] : LOCALES).filter(
    (l) => filter.lang || todos.length === 0 || todos.some((todo) => todo.locale === l),
  );
  return (
    <WorkspaceLayout {...props} title={t.registryTranslationsTitle}>
      <h1 safe>{t.registryTranslationsTitle}</h1>
      <p safe>{t.registryTranslationsIntro}</p>
      <FilterBar
        ctx={ctx}
        action={`/${locale}/workspace/translations`}
        q={filter.q}
        filters={[
          {
            name: 'lang',
            label: t.registryTranslationsLanguage,
            value: filter.lang,
            options: LOCALES.map((l) => ({ value: l, label: messages(l).switchToThisLanguage })),
          },
          {
            name: 'state',
            label: t.registryTranslationsState,
            value: filter.state,
            options: [
              { value: 'missing', label: t.workspaceStateNotTranslated },
              { value: 'stale', label: t.workspaceStateStale },
            ],
          },
        ]}
      />
      <CountsTable {...props} />
      <div class="translation-sections">
        {languages.map((language) => {
          const name = messages(language).switchToThisLanguage;
          return (
            <section aria-labelledby={`todo-${language}`}>
              <h2 id={`todo-${language}`} lang={language} safe>
                {name}
              </h2>
              <DataTable
                ctx={ctx}
                caption={t.registryTranslationsCaption(name)}
                rows={todos.filter((todo) => todo.locale === language)}
                columns={[
                  {
                    header: t.registryTranslationsEntity,
                    cell: (todo) => (
                      <a href={`/${locale}${todo.editPath}`} safe>
                        {todo.name}
                      </a>
                    ),
                  },
                  { header: t.registryColumnKind, cell: (todo) => <span safe>{todo.kind}</span> },
                  { header: t.registryTranslationsField, cell: (todo) => <span safe>{todo.field}</span> },
                  { header: t.registryTranslationsState, cell: (todo) => <StateBadge t={t} state={todo.state} /> },
                ]}
              />
            </section>
          );
        })}
      </div>
      <Pager ctx={ctx} links={props.pager} />
    </WorkspaceLayout>
  );
}

export function registerTranslationRoutes(
  app: FastifyTypeBox,
  deps: SiteDeps,
  options: AuthOptions,
  sources: readonly TranslationSource[],
) {
  workspaceRoutes(app, { deps, auth: options }, (scope, locale) => {
    scope.get('/workspace/translations', { schema: { querystring: Query } }, async (request, reply) => {
      const w = request.workspace;
      const query = request.query;
      const filter: TranslationFilter = { q: query.q ?? '', lang: query.lang ?? '', state: query.state ?? '' };
      const [page, counts] = await Promise.all([
        translationTodoPage(deps.db, w.user, w.ctx.t, locale, filter, sources, {
          after: query.after,
          before: query.before,
        }),
        translationCounts(deps.db, w.user, w.ctx.t, filter.q, sources),
      ]);
      const pager = keysetLinks(page, (cursor) => listHref(locale, filter, cursor));
      return sendHtml(
        reply,
        await (<TranslationsPage {...w} todos={page.items} counts={counts} filter={filter} pager={pager} />),
      );
    });
  });
}
