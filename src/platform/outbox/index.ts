/**
 * The durable outbox (issue 18): the one way Puente sends email. Features enqueue mail in the
 * transaction of the change that causes it; one sender per process sends it (sender.ts). Platform
 * layer: knows no feature (the unsubscribe page lives in features/mail-preferences).
 */

export { OUTBOX_DEFAULTS } from './defaults.js';
export { enqueueMail, type OutgoingMail, outboxRow, wakeOutboxSenders } from './enqueue.js';
export { messageIdFor } from './message-id.js';
export {
  type OutboxSender,
  type OutboxSenderOptions,
  type PassReport,
  sendDueMail,
  startOutboxSender,
} from './sender.js';
export { type OutboxFilter, outboxCounts, outboxStatus, type RecipientStatus } from './status.js';
export { suppressAddress, suppressedAmong, suppressionKey, unsuppressAddress } from './suppressions.js';
export { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';
export { cancelQueued, forgetRecipient } from './withdraw.js';
