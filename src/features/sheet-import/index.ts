/** The sheet-import feature's front door: what the CLI, the app and the tests may use. */
export { checkSheetFile, importRecommendationsFile, textReport } from './cli.js';
export { createSheetImport, getSheetImport, runQueuedSheetImports, sheetImportsIdle } from './jobs.js';
export { sheetImportFeature } from './manifest.js';
export { bufferSource, formatOf, readSheet, SheetFileError, type SheetFormat } from './read-sheet.js';
export { addsSomething, hasProblems, type SheetReport } from './report.js';
export { BULK_FROM_BYTES, runSheetImport } from './run.js';
