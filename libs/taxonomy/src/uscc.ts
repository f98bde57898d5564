import { SHENYANG_ADMIN_CODE } from './districts.js';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * set — registration authority (1), organisation category (1), administrative division (6),
 * organisation code per GB 11714 (9, its last one a check character of its own) and a check
 * character over the first 17.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_LENGTH = 18;
/** Weight of position i (0-based) is 3^i mod 31. */
const USCC_WEIGHTS = Array.from({ length: USCC_LENGTH - 1 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % 31;
  return w;
});
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** `reason` in English as the API has always written it, `reasonZh` for people. */
export type UsccValidation = { valid: true } | { valid: false; reason: string; reasonZh: string };

function charValue(char: string, position: number): number {
  const value = USCC_CHARSET.indexOf(char);
  if (value < 0) {
    throw new Error(`character '${char}' at position ${position} is not allowed in a USCC`);
  }
  return value;
}

/** The GB 32100-2015 check character (position 18) for the first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== USCC_LENGTH - 1) {
    throw new Error(`expected 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < first17.length; i += 1) sum += charValue(first17.charAt(i), i + 1) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** The GB 11714 check character (position 9) of an organisation code's 8-character body. */
export function orgCodeCheckCharacter(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error('an organisation code body is 8 digits or capital letters');
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = body8.charCodeAt(i);
    // Digits count as themselves, letters A–Z as 10–35.
    const value = c <= 57 ? c - 48 : c - 55;
    sum += value * ORG_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Checks length, character set and the check character. Lower-case input is reported as such
 * rather than silently upper-cased, so that what is stored is what was checked.
 */
export function validateUscc(code: string): UsccValidation {
  if (typeof code !== 'string') return { valid: false, reason: 'a USCC must be a string', reasonZh: '应为文本' };
  if (code.length !== USCC_LENGTH) {
    return { valid: false, reason: `a USCC has 18 characters, got ${code.length}`, reasonZh: `应为18位，实际为${code.length}位` };
  }
  for (let i = 0; i < code.length; i += 1) {
    const char = code.charAt(i);
    if (USCC_CHARSET.includes(char)) continue;
    const position = i + 1;
    if (/[a-z]/.test(char)) {
      return {
        valid: false,
        reason: `lower-case '${char}' at position ${position}; a USCC uses capital letters`,
        reasonZh: `第${position}位的“${char}”为小写字母，应使用大写字母`,
      };
    }
    if (/[IOZSV]/.test(char)) {
      return {
        valid: false,
        reason: `illegal character '${char}' at position ${position} (I, O, Z, S, V are not allowed)`,
        reasonZh: `第${position}位的“${char}”不允许使用（不使用 I、O、Z、S、V）`,
      };
    }
    return {
      valid: false,
      reason: `illegal character '${char}' at position ${position} (only digits and capital letters except I, O, Z, S, V)`,
      reasonZh: `第${position}位的“${char}”不允许使用（只用数字和除 I、O、Z、S、V 外的大写字母）`,
    };
  }
  const expected = usccCheckCharacter(code.slice(0, USCC_LENGTH - 1));
  const actual = code.charAt(USCC_LENGTH - 1);
  if (actual !== expected) {
    return {
      valid: false,
      reason: `wrong check character '${actual}' (expected ${expected})`,
      reasonZh: `校验位错误（第18位为“${actual}”，应为“${expected}”）`,
    };
  }
  return { valid: true };
}

const SERIAL_SPACE = 31 ** 6;
/** Coprime with 31, so n → n·MIXER mod 31^6 is a bijection that scatters consecutive integers. */
const MIXER = 1_000_003;
const OFFSET = 123_456_789;

export interface MakeUsccOptions {
  /** 6-digit administrative division code; Shenyang city-level (210100) by default. */
  regionCode?: string;
}

/**
 * A deterministic, valid USCC for a non-negative integer `n` < 31^6 (887,503,681): registration
 * authority 9 (market regulation), category 1 (enterprise), the region, an organisation code in
 * the post-2015 "MA…" style with its GB 11714 check character, and the GB 32100 check character.
 * Distinct `n` give distinct codes (whatever the regions).
 */
export function makeUscc(n: number, opts: MakeUsccOptions = {}): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= SERIAL_SPACE) {
    throw new RangeError(`makeUscc needs an integer in [0, ${SERIAL_SPACE}), got ${n}`);
  }
  const region = opts.regionCode ?? SHENYANG_ADMIN_CODE;
  if (!/^\d{6}$/.test(region)) throw new Error(`a region code has 6 digits, got '${region}'`);
  let serial = (n * MIXER + OFFSET) % SERIAL_SPACE;
  let tail = '';
  for (let i = 0; i < 6; i += 1) {
    tail = USCC_CHARSET.charAt(serial % 31) + tail;
    serial = Math.floor(serial / 31);
  }
  const body = `MA${tail}`;
  const first17 = `91${region}${body}${orgCodeCheckCharacter(body)}`;
  return first17 + usccCheckCharacter(first17);
}
