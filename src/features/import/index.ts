/** The import feature's front door: what other features, the app and the tests may use. */

export { importRelease, readSourceFile } from './cli.js';
export { importFeature } from './manifest.js';
export { planImport } from './plan.js';
export { readSource } from './read-source.js';
export { registerImportRoutes } from './routes.js';
export type { Expected, FieldCounts } from './score.js';
export { add, prf, scoreRelease, total } from './score.js';
