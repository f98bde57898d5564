import { SUBSIDY_CAP_FEN, estimateSubsidy } from './subsidy-estimate.js';

describe('estimateSubsidy', () => {
  it.each([
    // [case, eligible, total, subsidy, net, capped]
    ['below the cap', 30_000_000, 35_000_000, 15_000_000, 20_000_000, false],
    ['exactly at the cap (1,000,000 CNY eligible)', 100_000_000, 100_000_000, 50_000_000, 50_000_000, false],
    ['one fen above the cap', 100_000_002, 100_000_002, 50_000_000, 50_000_002, true],
    ['far above the cap', 800_000_000, 900_000_000, 50_000_000, 850_000_000, true],
    ['nothing eligible', 0, 12_345_678, 0, 12_345_678, false],
    ['zero investment', 0, 0, 0, 0, false],
    ['an odd number of fen (rounded down)', 12_345_679, 12_345_679, 6_172_839, 6_172_840, false],
    ['one fen', 1, 1, 0, 1, false],
  ])('%s', (_, eligibleInvestmentFen, totalFen, subsidyFen, netCostFen, capped) => {
    expect(estimateSubsidy({ eligibleInvestmentFen, totalFen })).toEqual({ subsidyFen, netCostFen, capped, isEstimate: true });
  });

  it('caps at 500,000 CNY in fen', () => {
    expect(SUBSIDY_CAP_FEN).toBe(500_000 * 100);
  });

  it('stays exact on amounts near 2^53', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(estimateSubsidy({ eligibleInvestmentFen: big, totalFen: big })).toEqual({
      subsidyFen: SUBSIDY_CAP_FEN,
      netCostFen: big - SUBSIDY_CAP_FEN,
      capped: true,
      isEstimate: true,
    });
  });

  it.each([
    ['a fraction of a fen', { eligibleInvestmentFen: 100.5, totalFen: 200 }, /eligibleInvestmentFen must be a non-negative integer/],
    ['a negative total', { eligibleInvestmentFen: 0, totalFen: -1 }, /totalFen must be a non-negative integer/],
    ['an unsafe integer', { eligibleInvestmentFen: 0, totalFen: 2 ** 53 }, /totalFen must be/],
    ['eligible above the total', { eligibleInvestmentFen: 200, totalFen: 100 }, /exceeds totalFen/],
  ])('refuses %s', (_, input, message) => {
    expect(() => estimateSubsidy(input)).toThrow(RangeError);
    expect(() => estimateSubsidy(input)).toThrow(message);
  });
});
