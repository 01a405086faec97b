/** The accounts feature's front door: what other features, the app and the tests may use. */

export { cleanupExpired, describeCleanup, scheduleCleanup } from './cleanup.js';
export { checkInviteOptions, createAdminWithLink, inviteWithLink, ROLES } from './cli.js';
export { registerHistoryRoutes } from './history-routes.js';
export { registerLinkRoutes } from './links-routes.js';
export { accountsFeature } from './manifest.js';
export { registerAccountRoutes } from './routes.js';
export type { NewUser } from './service.js';
export { createUser, issueToken, setPasswordWithToken } from './service.js';
export { enableTwoFactor, newTotpSecret, totpCode } from './two-factor.js';
export { registerTwoFactorRoutes } from './two-factor-routes.js';
export { registerUserAdminRoutes } from './users-routes.js';
