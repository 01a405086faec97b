/** The release-text feature's front door: what other features, the app and the tests may use. */
export { websiteIn } from './boilerplates.js';
export { EMAIL } from './contacts.js';
export type { ImportedBoilerplate, ImportedRelease, Recognition } from './contract.js';
export { isImportedRelease, UNSURE_BELOW } from './contract.js';
export { dateline } from './dateline.js';
export { findDate } from './dates.js';
export type { Extraction } from './extract.js';
export { extractRelease } from './extract.js';
export type { RegistryMatch } from './match.js';
export { FUZZY_THRESHOLD, matchKey, matchOrganization, matchPerson, nameSimilarity } from './match.js';
export { acronymOf, cleanOrgName, isNamePhrase } from './names.js';
export type { Block } from './normalize.js';
export { normalizeText, plain } from './normalize.js';
export { isEventName, namedOrganizations, nameLists, uniqueOrganizations } from './organizations.js';
export type { ImportParams } from './params.js';
export { DEFAULT_PARAMS, PARAM_GRID } from './params.js';
