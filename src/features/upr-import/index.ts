/** Recommendations made by others (issue 17): the UPR Info CSV and OHCHR thematic list importers. */
export { readOhchrListFile, readUprInfoFile, runReviewImport } from './cli.js';
export { planImport, sourceKey } from './plan.js';
export { readOhchrList, reviewFromFileName } from './read-ohchr.js';
export { detectEncoding, readUprInfo, UPR_INFO_COLUMNS } from './read-upr-info.js';
export type { SourceRead, SourceRecommendation } from './source-rows.js';
export { stateCode } from './states.js';
