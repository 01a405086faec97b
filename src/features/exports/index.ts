/** The exports feature's front door: the spreadsheet columns (issue 17's importer reads the same ones). */

export {
  type ColumnHeader,
  type ExportRow,
  HEADERS,
  LIST_SEPARATOR,
  protectCell,
  RECOMMENDATION_COLUMNS,
  unprotectCell,
} from './columns.js';
export { exportsFeature } from './manifest.js';
export { type ExportScope, exportRows } from './rows.js';
export { csvStream, EXPORT_FORMATS, type ExportFormat, xlsxStream } from './write.js';
