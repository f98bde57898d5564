import { makeUscc, orgCodeCheckCharacter, USCC_CHARSET, usccCheckCharacter, validateUscc } from './uscc.js';

/*
 * Codes as printed on public business licences / registries. Each was checked by hand against
 * GB 32100-2015 before being put here; 911101087963838843, sometimes quoted as an example, is
 * NOT valid (its check character would be U), so it serves as a negative case below.
 */
const REAL_VALID = ['91110000802100433B', '91350100M000100Y43', '914403001922038216', '91110108551385082Q'];

describe('validateUscc', () => {
  it.each(REAL_VALID)('accepts the real code %s', (code) => {
    expect(validateUscc(code)).toEqual({ valid: true });
  });

  it('has the organisation-code check character right in the real codes too', () => {
    for (const code of REAL_VALID) expect(orgCodeCheckCharacter(code.slice(8, 16))).toBe(code.charAt(16));
  });

  it('rejects a mis-quoted code, naming the expected check character', () => {
    expect(validateUscc('911101087963838843')).toEqual({
      valid: false,
      reason: "wrong check character '3' (expected U)",
      reasonZh: '校验位错误（第18位为“3”，应为“U”）',
    });
  });

  it('reports the length', () => {
    expect(validateUscc('')).toEqual({ valid: false, reason: 'a USCC has 18 characters, got 0', reasonZh: '应为18位，实际为0位' });
    expect(validateUscc('91110000802100433')).toMatchObject({ valid: false, reason: 'a USCC has 18 characters, got 17' });
    expect(validateUscc('91110000802100433BB')).toMatchObject({ valid: false });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('names %s as an illegal character with its position', (char) => {
    const code = `91110000${char}02100433B`;
    expect(validateUscc(code)).toMatchObject({
      valid: false,
      reason: `illegal character '${char}' at position 9 (I, O, Z, S, V are not allowed)`,
    });
  });

  it('rejects lower case, punctuation and full-width characters', () => {
    expect(validateUscc('91350100m000100Y43')).toMatchObject({
      valid: false,
      reason: "lower-case 'm' at position 9; a USCC uses capital letters",
    });
    expect(validateUscc('9135-100M000100Y43').valid).toBe(false);
    expect(validateUscc('９1350100M000100Y43').valid).toBe(false);
  });

  it('detects every single-character change of every real code', () => {
    for (const code of REAL_VALID) {
      for (let i = 0; i < code.length; i += 1) {
        for (const char of USCC_CHARSET) {
          if (char === code.charAt(i)) continue;
          const corrupted = code.slice(0, i) + char + code.slice(i + 1);
          expect(validateUscc(corrupted).valid).toBe(false);
        }
      }
    }
  });

  it('detects swaps of adjacent different characters', () => {
    for (const code of REAL_VALID) {
      for (let i = 0; i + 1 < code.length; i += 1) {
        if (code.charAt(i) === code.charAt(i + 1)) continue;
        const swapped = code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2);
        expect(validateUscc(swapped).valid).toBe(false);
      }
    }
  });
});

describe('usccCheckCharacter', () => {
  it('computes the 18th character from the first 17', () => {
    for (const code of REAL_VALID) expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('refuses input that is not 17 legal characters', () => {
    expect(() => usccCheckCharacter('9111')).toThrow('expected 17 characters');
    expect(() => usccCheckCharacter('91110000O02100433')).toThrow("character 'O' at position 9");
  });
});

describe('makeUscc', () => {
  it('is deterministic and valid, with the expected structure', () => {
    const code = makeUscc(42, { regionCode: '210106' });
    expect(makeUscc(42, { regionCode: '210106' })).toBe(code);
    expect(validateUscc(code)).toEqual({ valid: true });
    expect(code).toMatch(/^91210106MA[0-9A-HJ-NP-RT-UW-Y]{7}[0-9A-HJ-NP-RT-UW-Y]$/);
    expect(orgCodeCheckCharacter(code.slice(8, 16))).toBe(code.charAt(16));
  });

  it('defaults to Shenyang', () => {
    expect(makeUscc(1).slice(0, 8)).toBe('91210100');
  });

  it('gives valid, distinct codes for distinct integers', () => {
    const seen = new Set<string>();
    const ns = [...Array.from({ length: 20_000 }, (_, i) => i), 887_503_680, 123_456_789];
    for (const n of ns) {
      const code = makeUscc(n);
      expect(validateUscc(code).valid).toBe(true);
      seen.add(code.slice(8));
    }
    expect(seen.size).toBe(ns.length);
  });

  it('refuses integers out of range and bad regions', () => {
    expect(() => makeUscc(-1)).toThrow(RangeError);
    expect(() => makeUscc(1.5)).toThrow(RangeError);
    expect(() => makeUscc(31 ** 6)).toThrow(RangeError);
    expect(() => makeUscc(1, { regionCode: '2101' })).toThrow('6 digits');
  });
});
