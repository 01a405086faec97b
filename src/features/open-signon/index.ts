/** The open-signon feature's front door: what other features, the app and the tests may use. */

export { openSignatories, signatoryExportRows } from './list-service.js';
export { openSignOnFeature } from './manifest.js';
export { decideSubmission, moderationQueue } from './moderation-service.js';
export { openSignOnIsOpen, saveOpenSignOnSettings } from './settings-service.js';
export { submitSignature, verifySignature, withdrawOpenSignature } from './submit-service.js';
