const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;

/**
 * The amount in capital Chinese numerals (人民币大写) as contracts, invoices
 * and cheques write it, following the People's Bank of China rules for
 * filling in payment instruments (《正确填写票据和结算凭证的基本规定》):
 *
 * - 壹拾 for a leading ten (¥10.00 → 壹拾元整), never a bare 拾;
 * - one 零 for any run of zeros inside the number (¥1,010.00 → 壹仟零壹拾元整,
 *   ¥10,050.05 → 壹万零伍拾元零伍分), none where a section of four digits
 *   starts with a non-zero thousands digit (¥107,000.53 → 壹拾万柒仟元零伍角叁分);
 * - 零 after 元 when the units digit or the 角 is zero and something follows
 *   (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分, ¥325.04 → 叁佰贰拾伍元零肆分) — the
 *   rules allow leaving it out in the first case; we always write it, which
 *   is the form their own examples give first;
 * - 整 after 元 when there are no 角 and 分 (¥1,000,000.00 → 壹佰万元整); after
 *   角 it may be left out and is (¥0.10 → 壹角); never after 分;
 * - nothing before the 角 of an amount under one yuan; zero is 零元整.
 *
 * @param fen a non-negative whole number of fen (分), at most `Number.MAX_SAFE_INTEGER`
 * @throws RangeError for anything else: money arrives validated, so this is a bug
 */
export function rmbUppercase(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`rmbUppercase: ${fen} is not a non-negative whole number of fen`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${yuan ? integerWords(yuan) : '零'}元整`;
  let words = '';
  if (yuan) words = `${integerWords(yuan)}元${jiao === 0 || yuan % 10 === 0 ? '零' : ''}`;
  if (jiao) words += `${DIGITS[jiao]}角`;
  if (cents) words += `${DIGITS[cents]}分`;
  return words;
}

/** A positive whole number in capital numerals, in 亿 and 万 sections of four digits. */
function integerWords(n: number): string {
  if (n < 10_000) return sectionWords(n);
  const [unit, size] = n < 100_000_000 ? (['万', 10_000] as const) : (['亿', 100_000_000] as const);
  const high = Math.floor(n / size);
  const low = n % size;
  if (!low) return `${integerWords(high)}${unit}`;
  // A lower part that does not fill its leading digit leaves a gap of zeros: one 零 stands for it.
  const gap = low < size / 10 ? '零' : '';
  return `${integerWords(high)}${unit}${gap}${integerWords(low)}`;
}

/** 1–9999: digits with 拾/佰/仟, one 零 for inner zeros, nothing for trailing ones. */
function sectionWords(n: number): string {
  let words = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      pendingZero = words !== '';
      continue;
    }
    if (pendingZero) words += '零';
    pendingZero = false;
    words += `${DIGITS[digit]}${PLACES[place]}`;
  }
  return words;
}
