/** An entity's history for admins: readable per-field diffs, and the same as CSV. */

import { type AuditEntry, diffRecords, type FieldChange } from '../../platform/audit.js';
import { readableValue } from '../../ui/conflict-page.js';

export const AUDITED_ENTITIES = ['organization', 'statement', 'user'] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

export interface HistoryItem {
  at: string;
  actor: string;
  action: string;
  changes: FieldChange[];
}

export function historyItems(entries: AuditEntry[]): HistoryItem[] {
  return entries.map((e) => ({
    at: e.at.toISOString(),
    actor: e.actorLabel,
    action: e.action,
    changes: diffRecords(e.before, e.after),
  }));
}

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a
 * leading apostrophe (OWASP "CSV injection"): histories hold text written by members.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function historyCsv(entityType: string, entityId: string, items: HistoryItem[]): string {
  const rows = [['at', 'actor', 'entity_type', 'entity_id', 'action', 'field', 'before', 'after']];
  for (const item of items) {
    const base = [item.at, item.actor, entityType, entityId, item.action];
    if (item.changes.length === 0) rows.push([...base, '', '', '']);
    for (const c of item.changes) rows.push([...base, c.field, readableValue(c.before), readableValue(c.after)]);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
