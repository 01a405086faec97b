/** The files feature's front door: what other features, the app and the tests may use. */

export { DEFAULT_UPLOAD_LIMITS, formatByteSize, parseByteSize } from './limits.js';
export { filesFeature } from './manifest.js';
export { receiveUploadForm } from './multipart.js';
export { CACHE_NOT_PUBLIC, receiveFile, registerFileRoutes, sendFile, statusOf } from './routes.js';
export type { FileRef, NewFile } from './service.js';
export {
  auditedFile,
  documentOf,
  fileRef,
  fileRefs,
  getPublicFile,
  logosFor,
  setOrganizationLogo,
  sha256Hex,
  storedFile,
  storeFile,
} from './service.js';
export { inspectUpload } from './sniff.js';
export { docxHtmlIsolated } from './untrusted.js';
export type { UploadProblem } from './upload-error.js';
export { UploadRejected } from './upload-error.js';
export { documentMeta, FullDocumentLink, fileUrl, LogoStrip, OrganizationLogo, problemMessage } from './views.js';
