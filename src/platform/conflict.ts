/**
 * A stale write, as data: the changes others made since the writer's version (carried by a
 * `Conflict`), and how a form is rebuilt from them. The 409 page and the workspace's conflict notice
 * (src/ui) show it; services and routes only pass it on.
 */
import { Conflict } from './errors.js';

export interface ChangeSince {
  actorLabel: string;
  at: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

export function isChangesSince(value: unknown): value is { changes: ChangeSince[] } {
  return Array.isArray((value as { changes?: unknown } | null)?.changes);
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
