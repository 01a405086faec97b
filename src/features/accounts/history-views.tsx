import type { PageContext } from '../../platform/web/page-context.js';
import { ChangesTable } from '../../ui/conflict-page.js';
import { TitledPage } from '../../ui/layout.js';
import { EmptyOr } from '../../ui/list.js';
import type { HistoryItem } from './history.js';

export function HistoryPage(props: { ctx: PageContext; entityType: string; entityId: string; items: HistoryItem[] }) {
  const { ctx, entityType, entityId, items } = props;
  const { t, locale } = ctx;
  const title = t.historyTitle(t.entityName(entityType), entityId);
  return (
    <TitledPage ctx={ctx} title={title}>
      <p>
        <a href={`/${locale}/admin/history/${entityType}/${entityId}/history.csv`} safe>
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
    </TitledPage>
  );
}
