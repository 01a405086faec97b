/**
 * A stale save in the workspace: the changes others made since the form was opened (the same table
 * as the 409 page), above the form filled with what this editor typed and the current version, so
 * nothing is lost and saving again is a deliberate choice.
 */

import { Conflict } from '../platform/errors.js';
import type { PageContext } from '../platform/web/page-context.js';
import { type ChangeSince, ChangesTable, isChangesSince } from './conflict-page.js';

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

/** The history a `Conflict` carries, or null for any other error. */
export function conflictHistory(error: unknown): ChangeSince[] | null {
  return error instanceof Conflict && isChangesSince(error.current) ? error.current.changes : null;
}

/** The row as the stale editor saw it: the current row with the changes since undone, newest first. */
export function rowAsSeen<Row extends object>(current: Row, history: ChangeSince[]): Row {
  const seen = { ...current } as Record<string, unknown>;
  for (const entry of [...history].reverse()) {
    for (const change of [...entry.changes].reverse()) seen[change.field] = change.before;
  }
  return seen as Row;
}

/**
 * A three-way merge of form values after a conflict: what the editor changed stays as typed; what
 * they left as they saw it takes the newer value, so saving again does not quietly undo the other
 * editor's work. Works on any form object whose leaves are strings (arrays and booleans: typed wins).
 */
export function rebaseForm<T>(typed: T, seen: T, current: T): T {
  if (typeof typed === 'string') return (typed === seen ? current : typed) as T;
  if (typed && typeof typed === 'object' && !Array.isArray(typed)) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(typed)) {
      out[key] = rebaseForm(
        value,
        (seen as Record<string, unknown> | undefined)?.[key],
        (current as Record<string, unknown> | undefined)?.[key],
      );
    }
    return out as T;
  }
  return typed;
}
