/** An amount for people to read in a notification, e.g. "35,000.00 元"; integer arithmetic, no rounding. */
export function formatFen(fen: number): string {
  const cents = fen % 100;
  const yuan = (fen - cents) / 100;
  return `${yuan.toLocaleString('en-US')}.${String(Math.abs(cents)).padStart(2, '0')} 元`;
}
