/**
 * Display helpers: money arrives as integer fen (分) and times as UTC instants; the UI
 * shows yuan (元 / 万元) and Asia/Shanghai wall-clock time. Integer arithmetic only on
 * money, so no float ever rounds a figure the user reads.
 */

import { formatFen } from '@smedx/contracts/format/money.js';

export { formatFen };

const FEN_PER_WAN = 1_000_000;

/** A price range, or one figure when both ends are equal. */
export function formatFenRange(minFen: number, maxFen: number): string {
  return minFen === maxFen ? formatFen(minFen) : `${formatFen(minFen)} ~ ${formatFen(maxFen)}`;
}

/** 万元 typed into a form → integer fen (the API's unit). */
export function wanToFen(wan: number): number {
  return Math.round(wan * FEN_PER_WAN);
}

/** Integer fen → 万元 for a form field (up to 0.0001 万元 = 1 元 precision is what a form needs). */
export function fenToWan(fen: number): number {
  return Math.round(fen / 100) / 10_000;
}

const SHANGHAI = 'Asia/Shanghai';
/** China has kept UTC+8 all year since 1991. */
const SHANGHAI_OFFSET = '+08:00';

const timeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(value: string | number | Date): Record<string, string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(timeParts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** `2024-07-01 18:00` in Asia/Shanghai, whatever the browser's own zone. */
export function formatTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const p = shanghaiParts(value);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '—';
}

/** `2024-07-01` in Asia/Shanghai. */
export function formatDate(value: string | number | Date | null | undefined): string {
  return formatTime(value).slice(0, 10);
}

/** An `<input type="datetime-local">` value read as Shanghai time → ISO 8601 with its offset. */
export function shanghaiLocalToIso(local: string): string {
  const withSeconds = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00` : local;
  return `${withSeconds}${SHANGHAI_OFFSET}`;
}

/** An instant → the `datetime-local` value showing it in Shanghai time. */
export function isoToShanghaiLocal(value: string | number | Date): string {
  const p = shanghaiParts(value);
  return p ? `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}` : '';
}
