/** The api feature's front door: what other features, the app and the tests may use. */

export { apiFeature } from './manifest.js';
export { apiAddressNotFound, type OpenApiDocument } from './routes.js';
