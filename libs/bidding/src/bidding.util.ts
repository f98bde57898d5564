const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** PostgreSQL rejects a malformed uuid in a query with an error; such an id is simply unknown. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

/** An amount for people to read in a notification, e.g. "35,000.00 元"; integer arithmetic, no rounding. */
export function formatFen(fen: number): string {
  const cents = fen % 100;
  const yuan = (fen - cents) / 100;
  return `${yuan.toLocaleString('en-US')}.${String(Math.abs(cents)).padStart(2, '0')} 元`;
}
