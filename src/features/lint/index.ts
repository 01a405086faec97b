/** The lint feature's front door: what other features, the app and the tests may use. */
export { cliLocale, formatFindings, lintFindings } from './cli.js';
export type { Finding } from './finding.js';
export { say, sortFindings } from './finding.js';
export { hasErrors, lintExtraction, lintText } from './lint.js';
export type { RegistryOrg } from './registry.js';
export { loadRegistry } from './registry.js';
export { similarity, squash } from './trigram.js';
export { FindingItem, FindingList } from './views.js';
