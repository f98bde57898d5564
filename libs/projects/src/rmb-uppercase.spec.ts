import fc from 'fast-check';
import { rmbUppercase } from './rmb-uppercase.js';

const DIGIT = '零壹贰叁肆伍陆柒捌玖';
const PLACE: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/** Reads capital numerals back into fen, independently of the code under test. */
function parseFen(words: string): number {
  const plain = words.replace(/整$/, '');
  const [integer, fraction] = plain.includes('元') ? plain.split('元') : ['', plain];
  let big = 0;
  let mid = 0;
  let section = 0;
  let digit = 0;
  for (const ch of integer!.replace(/^零$/, '')) {
    if (DIGIT.includes(ch)) digit = DIGIT.indexOf(ch);
    else if (PLACE[ch]) {
      section += digit * PLACE[ch];
      digit = 0;
    } else if (ch === '万') {
      mid += (section + digit) * 10_000;
      section = digit = 0;
    } else if (ch === '亿') {
      big = (big + mid + section + digit) * 100_000_000;
      mid = section = digit = 0;
    } else throw new Error(`unexpected ${ch} in ${words}`);
  }
  const yuan = big + mid + section + digit;
  const jiao = /(.)角/.exec(fraction!);
  const fen = /(.)分/.exec(fraction!);
  return yuan * 100 + (jiao ? DIGIT.indexOf(jiao[1]!) * 10 : 0) + (fen ? DIGIT.indexOf(fen[1]!) : 0);
}

/** Yuan as written in figures → fen, so the table reads like the amounts it checks. */
const fen = (yuan: string): number => {
  const [whole, decimals = ''] = yuan.replace(/,/g, '').split('.');
  return Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
};

describe('rmbUppercase (人民币大写)', () => {
  it.each([
    // the amounts the contract must get right
    ['1,000,000.00', '壹佰万元整'],
    ['10,050.05', '壹万零伍拾元零伍分'],
    ['0.10', '壹角'],
    ['0.00', '零元整'],
    ['100,000,000.01', '壹亿元零壹分'],
    ['1,010.00', '壹仟零壹拾元整'],
    // the examples of 《正确填写票据和结算凭证的基本规定》
    ['1,409.50', '壹仟肆佰零玖元伍角'],
    ['6,007.14', '陆仟零柒元壹角肆分'],
    ['1,680.32', '壹仟陆佰捌拾元零叁角贰分'],
    ['107,000.53', '壹拾万柒仟元零伍角叁分'],
    ['16,409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
    // leading ten, units, cents alone
    ['10.00', '壹拾元整'],
    ['15.00', '壹拾伍元整'],
    ['1.00', '壹元整'],
    ['0.01', '壹分'],
    ['0.05', '伍分'],
    ['0.15', '壹角伍分'],
    ['10.50', '壹拾元零伍角'],
    ['1.05', '壹元零伍分'],
    ['2.30', '贰元叁角'],
    // zeros across the 万 and 亿 sections
    ['100,010.00', '壹拾万零壹拾元整'],
    ['100,000.00', '壹拾万元整'],
    ['1,001.00', '壹仟零壹元整'],
    ['20,000,000.00', '贰仟万元整'],
    ['100,001,000.00', '壹亿零壹仟元整'],
    ['100,500,000.00', '壹亿零伍拾万元整'],
    ['120,000,000.00', '壹亿贰仟万元整'],
    ['1,000,000,000,000.00', '壹万亿元整'],
    ['1,000,500,000,000.00', '壹万零伍亿元整'],
    ['500,000.00', '伍拾万元整'],
    ['123,456,789.12', '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分'],
    ['90,000,000,000,000.00', '玖拾万亿元整'],
  ])('¥%s → %s', (yuan, words) => {
    expect(rmbUppercase(fen(yuan))).toBe(words);
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses %p', (value) => {
    expect(() => rmbUppercase(value)).toThrow(RangeError);
  });

  it('reads back as the same amount, with no doubled 零, no 零 before a unit, 整 only without 角 and 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000_000_000 }), (fen) => {
        const words = rmbUppercase(fen);
        expect(parseFen(words)).toBe(fen);
        expect(words).not.toMatch(/零零|零[元万亿拾佰仟角分整]|^零/);
        expect(words.endsWith('整')).toBe(fen % 100 === 0);
        expect(words.startsWith('拾')).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});
