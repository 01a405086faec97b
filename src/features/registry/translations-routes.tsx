/** /{lang}/workspace/translations: what is missing or out of date, per language, across the registry. */
import { Type } from '@fastify/type-provider-typebox';
import type { TranslationSource } from '../../platform/feature.js';
import { messages } from '../../platform/i18n/format.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { workspaceRoutes } from '../../platform/web/workspace-request.js';
import { StateBadge } from '../../ui/bilingual-field.js';
import { DataTable, FilterBar, matchesQuery } from '../../ui/list.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import { type TranslationTodo, translationTodos } from './translations-service.js';

const Query = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal(''), ...LOCALES.map((l) => Type.Literal(l))])),
  state: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('missing'), Type.Literal('stale')])),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});

function TranslationsPage(
  props: WorkspaceProps & {
    todos: TranslationTodo[];
    filter: { q: string; lang: Locale | ''; state: 'missing' | 'stale' | '' };
  },
) {
  const { ctx, todos, filter } = props;
  const { t, locale } = ctx;
  const languages = filter.lang ? [filter.lang] : LOCALES;
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
      const filter = { q: request.query.q ?? '', lang: request.query.lang ?? '', state: request.query.state ?? '' };
      const todos = (await translationTodos(deps.db, w.user, w.ctx.t, locale, filter, sources)).filter((todo) =>
        matchesQuery(filter.q, todo.name, todo.field),
      );
      return sendHtml(reply, await (<TranslationsPage {...w} todos={todos} filter={filter} />));
    });
  });
}
