/** The static-export feature's front door: `puente export static DIR` (no routes, so no manifest). */
export {
  checkExportFolder,
  EXPORT_MARKER,
  exportStaticSite,
  type StaticExportOptions,
  type StaticExportReport,
} from './export-service.js';
export { fileFor, queryName, relativeHref } from './file-names.js';
