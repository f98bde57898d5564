import { ConflictError, isUniqueViolation } from '@smedx/platform';

/** A `LIKE … ESCAPE '\'` pattern matching `text` anywhere, with the user's `%` and `_` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Runs `write`, turning a unique-index violation on the USCC into a 409: the existence check
 * inside the transaction covers the usual case, the index covers two registrations racing.
 */
export async function usccMustBeFree<T>(kind: 'enterprise' | 'provider', write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw usccTaken(kind);
    throw error;
  }
}

export function usccTaken(kind: 'enterprise' | 'provider'): ConflictError {
  return new ConflictError('uscc_taken', `uscc: another ${kind} is already registered with this unified social credit code`);
}
