/**
 * A stale save in the workspace: the changes others made since the form was opened (the same table
 * as the 409 page), above the form filled with what this editor typed and the current version, so
 * nothing is lost and saving again is a deliberate choice.
 */

import type { ChangeSince } from '../platform/conflict.js';
import type { PageContext } from '../platform/web/page-context.js';
import { ChangesTable } from './conflict-page.js';

/** When, as people read it in the page's language (UTC, said so, since editors sit in several zones). */
function readableInstant(iso: string, ctx: PageContext): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function ConflictNotice(props: {
  ctx: PageContext;
  history: ChangeSince[];
  /** Column names → the labels the form shows, so the table speaks the form's words. */
  labels?: Record<string, string>;
}): JSX.Element {
  const { ctx, labels = {} } = props;
  const { t } = ctx;
  const history = props.history.map((entry) => ({
    ...entry,
    at: readableInstant(entry.at, ctx),
    changes: entry.changes.map((c) => ({ ...c, field: labels[c.field] ?? c.field })),
  }));
  return (
    <section class="conflict-notice" role="alert" aria-labelledby="conflict-title" tabindex="-1">
      <h2 id="conflict-title" safe>
        {t.conflictTitle}
      </h2>
      <p safe>{t.conflictBody}</p>
      {history.map((entry) => (
        <section class="conflict">
          <h3 safe>{t.conflictChangedBy(entry.actorLabel, entry.at)}</h3>
          <ChangesTable ctx={ctx} changes={entry.changes} />
        </section>
      ))}
      <p safe>{t.workspaceConflictKeep}</p>
    </section>
  );
}
