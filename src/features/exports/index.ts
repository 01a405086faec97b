/** The exports feature's front door: the spreadsheet columns (issue 17's importer reads the same ones). */

export {
  type CellKind,
  type ColumnHeader,
  ENTRY_PUBLICATIONS,
  ENTRY_TYPES,
  type ExportColumn,
  type ExportRow,
  HEADERS,
  IMPLEMENTATION_STATUSES,
  LIST_SEPARATOR,
  protectCell,
  RECOMMENDATION_COLUMNS,
  RESPONSE_POSITIONS,
  STATEMENT_STATES,
  unprotectCell,
} from './columns.js';
export { exportsFeature } from './manifest.js';
export { type ExportScope, exportRows } from './rows.js';
export { CONTENT_TYPES, csvStream, EXPORT_FORMATS, type ExportFormat, xlsxStream } from './write.js';
