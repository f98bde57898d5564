/** The domain errors live in `@smedx/contracts`, where the web UI reads the same codes. */
export {
  ConflictError,
  DomainError,
  ForbiddenError,
  GoneError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  StateConflictError,
  TooManyRequestsError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from '@smedx/contracts';
export type { DomainErrorKind, FieldProblem } from '@smedx/contracts';
