/**
 * The few typed errors services throw. One error handler (in src/app/app.tsx) turns them
 * into a page or JSON in the visitor's language; anything else is a 500 with details hidden.
 */
export class AppError extends Error {
  /**
   * `reason`: a catalog key for a sentence that tells the reader why and what to do, shown on the error
   * page in their language. The message stays English, for logs and the CLI.
   */
  constructor(
    message: string,
    readonly statusCode: number,
    readonly reason: RefusalReason | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends AppError {
  constructor(message = 'Not found') {
    super(message, 404);
  }
}

/** Without a reason the 403 page says only that the account lacks access. */
export class Forbidden extends AppError {
  constructor(message = 'Forbidden', reason: RefusalReason | null = null) {
    super(message, 403, reason);
  }
}

/** Refusals that deserve their own explanation (keys of the UI catalog). */
export type RefusalReason =
  | 'signonClosedReason'
  | 'signonPublishedReason'
  | 'signonAlreadyRequestedReason'
  | 'signonNothingToWithdrawReason'
  | 'signonAlreadyDecidedReason'
  | 'signonDeadlinePassedReason'
  | 'signonDeadlineInvalidReason'
  | 'signonAlreadySignatoryReason'
  | 'openSignonClosedReason'
  | 'openSignonDeadlinePassedReason'
  | 'openSignonLinkInvalidReason'
  | 'openSignonTrapReason'
  | 'openSignonTooManyReason'
  | 'openSignonNoMailReason'
  | 'openSignonNotDecidableReason'
  | 'openSignonMergeTargetReason'
  | 'openSignonUnknownOrganizationReason'
  | 'mailNotConfigured'
  | 'unreadableInputReason';

export interface FieldProblem {
  field: string;
  problem: string;
  /** For a text over its limit: the limit and what was typed, in characters, so the message can say both. */
  length?: { max: number; actual: number };
}

/**
 * Bad input. Forms show `problems` next to their fields; a request no form answers (a stale button, a
 * crafted POST) gets the 400 page, with `reason` when there is more to say than "nothing was changed".
 */
export class Invalid extends AppError {
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
    reason: RefusalReason | null = null,
  ) {
    super(message, 400, reason);
  }
}

export class Conflict extends AppError {
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message, 409);
  }
}

/**
 * A problem the operator must fix (configuration, a busy data dir, an unreachable database).
 * Printed as one line, without a stack trace unless LOG_LEVEL=debug.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}
