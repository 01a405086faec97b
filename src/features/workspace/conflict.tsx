/**
 * A stale save in the workspace: the changes others made since the form was opened (the same table
 * as the 409 page), above the form filled with what this editor typed and the current version, so
 * nothing is lost and saving again is a deliberate choice.
 */
import { type ChangeSince, ChangesTable, isChangesSince } from '../../lib/conflict-page.js';
import { Conflict } from '../../lib/errors.js';
import type { PageContext } from '../../lib/page-context.js';

export function ConflictNotice({ ctx, history }: { ctx: PageContext; history: ChangeSince[] }): JSX.Element {
  const { t } = ctx;
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
