/**
 * The few typed errors services throw. One error handler (in src/app.tsx) turns them
 * into a page or JSON in the visitor's language; anything else is a 500 with details hidden.
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
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

export class Forbidden extends AppError {
  /**
   * `reason`: a catalog key for a sentence that tells the reader why and what to do, shown on the 403
   * page in their language; without one the page says only that the account lacks access.
   */
  constructor(
    message = 'Forbidden',
    readonly reason: ForbiddenReason | null = null,
  ) {
    super(message, 403);
  }
}

/** Refusals that deserve their own explanation (keys of the UI catalog). */
export type ForbiddenReason = 'signonClosedReason' | 'signonPublishedReason';

export interface FieldProblem {
  field: string;
  problem: string;
}

export class Invalid extends AppError {
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message, 400);
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
