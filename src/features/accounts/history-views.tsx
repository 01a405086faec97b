import type { PageContext } from '../../platform/web/page-context.js';
import { ChangesTable } from '../../ui/conflict-page.js';
import { TitledPage } from '../../ui/layout.js';
import { EmptyOr } from '../../ui/list.js';
import type { PageCursors } from '../../ui/list-page.js';
import { keysetLinks, Pager, pageHref } from '../../ui/pager.js';
import type { HistoryItem } from './history.js';

export function HistoryPage(props: {
  ctx: PageContext;
  entityType: string;
  entityId: string;
  /** One page of the history, newest first. */
  items: HistoryItem[];
  page: PageCursors;
}) {
  const { ctx, entityType, entityId, items } = props;
  const { t, locale } = ctx;
  const title = t.historyTitle(t.entityName(entityType), entityId);
  const base = `/${locale}/admin/history/${entityType}/${entityId}`;
  return (
    <TitledPage ctx={ctx} title={title}>
      <p>
        <a href={`${base}/history.csv`} safe>
          {t.historyExportCsv}
        </a>
      </p>
      <EmptyOr empty={t.historyEmpty} isEmpty={items.length === 0}>
        <ol class="history">
          {items.map((item) => (
            <li>
              <p>
                <time datetime={item.at} safe>
                  {item.at}
                </time>{' '}
                · <span safe>{item.actor}</span> · <code safe>{item.action}</code>
              </p>
              {item.changes.length > 0 ? <ChangesTable ctx={ctx} changes={item.changes} /> : ''}
            </li>
          ))}
        </ol>
      </EmptyOr>
      <Pager ctx={ctx} links={keysetLinks(props.page, (cursor) => pageHref(base, {}, cursor))} />
    </TitledPage>
  );
}
