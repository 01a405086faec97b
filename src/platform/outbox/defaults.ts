/** The outbox sender's defaults, apart so the config can read them without loading the sender. */
export const OUTBOX_DEFAULTS = {
  /** Messages per second per process (PUENTE_MAIL_RATE). */
  ratePerSecond: 10,
  /** How long a claimed message is this sender's before another may retry it (PUENTE_MAIL_LEASE_SECONDS). */
  leaseMs: 120_000,
  /** Attempts before a message is `failed`. */
  maxAttempts: 8,
  /** The first retry's wait; each next one doubles, up to MAX_RETRY_WAIT_MS. */
  retryBaseMs: 30_000,
  pollMs: 1_000,
  /** Messages in flight at once (the SMTP pool has as many connections). */
  concurrency: 4,
};
