import { ConflictError } from '@smedx/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** PostgreSQL rejects a malformed uuid in a query with an error; callers treat such an id as unknown. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A `LIKE … ESCAPE '\'` pattern matching `text` anywhere, with the user's `%` and `_` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
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
