/**
 * Money as people read it, one helper for the UI, notifications and e-mails: integer fen in,
 * integer arithmetic only, so no float ever rounds a figure the user reads.
 */

const FEN_PER_YUAN = 100;
const FEN_PER_WAN = 1_000_000;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `¥1,234.56元` below 10,000 元; from 10,000 元 on `¥12.35万元` (rounded half up to
 * 0.01 万元 = 100 元). Trailing zero decimals are dropped: `¥1,500元`, `¥5万元`.
 */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  if (abs < FEN_PER_WAN) {
    const yuan = Math.floor(abs / FEN_PER_YUAN);
    const cents = abs % FEN_PER_YUAN;
    const decimals = cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`.replace(/0$/, '');
    return `${sign}¥${groupThousands(String(yuan))}${decimals}元`;
  }
  // Hundreds of yuan, rounded half up: 0.01 万元 each.
  const hundreds = Math.floor((abs + 5_000) / 10_000);
  const wan = Math.floor(hundreds / 100);
  const rest = hundreds % 100;
  const decimals = rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`.replace(/0$/, '');
  return `${sign}¥${groupThousands(String(wan))}${decimals}万元`;
}
