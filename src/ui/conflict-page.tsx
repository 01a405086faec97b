/** The 409 page: a stale write was refused; show who changed what since the writer's version. */

import type { ChangeSince } from '../platform/conflict.js';
import type { PageContext } from '../platform/web/page-context.js';
import { TitledPage } from './layout.js';

/** A value as people read it: text as is, localized text per language, anything else as JSON. */
export function readableValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([, v]) => typeof v === 'object' && v !== null && 'text' in v)) {
      return entries.map(([locale, v]) => `[${locale}] ${(v as { text: string }).text}`).join('\n');
    }
  }
  return JSON.stringify(value);
}

export function ConflictPage({ ctx, history }: { ctx: PageContext; history: ChangeSince[] }): JSX.Element {
  const { t } = ctx;
  return (
    <TitledPage noindex ctx={ctx} title={t.conflictTitle}>
      <p safe>{t.conflictBody}</p>
      <div>
        {history.map((entry) => (
          <section class="conflict">
            <h2 safe>{t.conflictChangedBy(entry.actorLabel, entry.at)}</h2>
            <ChangesTable ctx={ctx} changes={entry.changes} />
          </section>
        ))}
      </div>
      <p safe>{t.conflictRetry}</p>
    </TitledPage>
  );
}

/** Field, before and after: the one way a change is shown (409 page, admin history). */
export function ChangesTable({ ctx, changes }: { ctx: PageContext; changes: ChangeSince['changes'] }): JSX.Element {
  const { t } = ctx;
  return (
    <table>
      <thead>
        <tr>
          <th safe>{t.conflictField}</th>
          <th safe>{t.conflictBefore}</th>
          <th safe>{t.conflictAfter}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr>
            <td safe>{c.field}</td>
            <td class="diff-before">
              <del safe>{readableValue(c.before)}</del>
            </td>
            <td class="diff-after">
              <ins safe>{readableValue(c.after)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
