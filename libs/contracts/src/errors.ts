import type { ErrorCode, ErrorEntity } from './errors/error-codes.js';

/**
 * Domain errors: services throw these, never HTTP exceptions; one filter maps
 * the kind to a status code. Every code is one of {@link ErrorCode}, so each
 * has a Chinese text.
 */
export type DomainErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'gone' | 'too_large' | 'unsupported_type' | 'too_many_requests';

export interface FieldProblem {
  field: string;
  reason: string;
  /** The reason in Chinese, where the validation wrote one (else the UI derives it from `reason`). */
  reasonZh?: string;
}

export class DomainError extends Error {
  constructor(
    public readonly kind: DomainErrorKind,
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** 400: the input breaks a rule; `problems` names each field and why. */
export class InvalidInputError extends DomainError {
  constructor(
    public readonly problems: FieldProblem[],
    code: ErrorCode = 'invalid_input',
  ) {
    super('invalid', code, problems.map((p) => `${p.field}: ${p.reason}`).join('; '), { problems });
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: ErrorEntity, id?: string) {
    super('not_found', `${entity}_not_found`, id ? `${entity} ${id} not found` : `${entity} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'you may not do this', code: ErrorCode = 'forbidden') {
    super('forbidden', code, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'authentication required', code: ErrorCode = 'unauthenticated') {
    super('unauthenticated', code, message);
  }
}

/** 429: slow down; `retryAfterSeconds` becomes the `Retry-After` header. */
export class TooManyRequestsError extends DomainError {
  constructor(code: ErrorCode, message: string, retryAfterSeconds: number) {
    super('too_many_requests', code, message, { retryAfterSeconds });
  }
}

/** 409: a transition the current state forbids, naming that state. */
export class StateConflictError extends DomainError {
  constructor(
    entity: ErrorEntity,
    public readonly state: string,
    action: string,
  ) {
    super('conflict', `${entity}_invalid_transition`, `cannot ${action} a ${entity} that is ${state}`, {
      state,
      action,
    });
  }
}

export class ConflictError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super('conflict', code, message, details);
  }
}

export class GoneError extends DomainError {
  constructor(code: ErrorCode, message: string) {
    super('gone', code, message);
  }
}

/** 413: an upload beyond a size, count or quota limit; nothing of it was kept. */
export class PayloadTooLargeError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super('too_large', code, message, details);
  }
}

/** 415: content of a type the route does not take (decided from the bytes, not the name). */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super('unsupported_type', code, message, details);
  }
}
