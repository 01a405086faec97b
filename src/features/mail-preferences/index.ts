/** Front door of mail-preferences: the manifest, and the link to put in a list email. */
export { mailPreferencesFeature } from './manifest.js';
export { unsubscribe, unsubscribeLink, unsubscribeState } from './service.js';
