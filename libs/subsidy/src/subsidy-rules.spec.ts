import { ConflictError } from '@smedx/platform';
import { SUBSIDY_CAP_FEN } from '@smedx/contracts';
import { assertEligible, blacklistUntil, subsidyAmounts } from './subsidy-rules.js';
import type { EligibilityFacts, InvestmentLine } from './subsidy-rules.js';

const line = (category: InvestmentLine['category'], amountFen: number): InvestmentLine => ({ category, amountFen, description: category });

describe('subsidy amounts', () => {
  it('is half the eligible investment below the cap', () => {
    const amounts = subsidyAmounts([line('software', 30_000_000), line('cloud', 10_000_000), line('data_device', 20_000_001)]);
    expect(amounts).toEqual({ totalInvestmentFen: 60_000_001, eligibleFen: 60_000_001, amountFen: 30_000_000, capped: false });
  });

  it('reaches the cap exactly at 1,000,000 CNY of eligible investment', () => {
    expect(subsidyAmounts([line('software', 100_000_000)])).toMatchObject({ amountFen: SUBSIDY_CAP_FEN, capped: false });
  });

  it('stops at 500,000 CNY above it', () => {
    expect(subsidyAmounts([line('software', 100_000_002)])).toMatchObject({ amountFen: SUBSIDY_CAP_FEN, capped: true });
    expect(subsidyAmounts([line('data_device', 900_000_000)])).toMatchObject({ amountFen: SUBSIDY_CAP_FEN, capped: true });
  });

  it('counts ineligible categories in the total only', () => {
    const amounts = subsidyAmounts([line('software', 10_000_000), line('other', 500_000_000)]);
    expect(amounts).toEqual({ totalInvestmentFen: 510_000_000, eligibleFen: 10_000_000, amountFen: 5_000_000, capped: false });
    expect(subsidyAmounts([line('other', 500_000_000)])).toMatchObject({ eligibleFen: 0, amountFen: 0 });
  });

  it('rounds half a fen down and stays an integer', () => {
    const { amountFen } = subsidyAmounts([line('cloud', 3), line('software', 2)]);
    expect(amountFen).toBe(2);
    expect(Number.isInteger(amountFen)).toBe(true);
  });
});

describe('blacklisting', () => {
  it('lasts three years to the instant', () => {
    expect(blacklistUntil(new Date('2025-03-10T08:30:00Z')).toISOString()).toBe('2028-03-10T08:30:00.000Z');
  });
});

describe('eligibility', () => {
  const eligible: EligibilityFacts = {
    enterprise: { isLittleGiantFunded: false, inPilot2022: false },
    blacklistedUntil: null,
    project: { status: 'accepted' },
    passedLevel: 2,
    liveApplicationId: null,
  };
  const code = (facts: EligibilityFacts) => {
    try {
      assertEligible(facts);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      return (error as ConflictError).code;
    }
  };

  it('admits an accepted project at level 2 or more', () => {
    expect(code(eligible)).toBeNull();
    expect(code({ ...eligible, passedLevel: 4 })).toBeNull();
  });

  it.each([
    ['a funded 小巨人', { enterprise: { isLittleGiantFunded: true, inPilot2022: false } }, 'subsidy_little_giant_funded'],
    ['a 2022 pilot enterprise', { enterprise: { isLittleGiantFunded: false, inPilot2022: true } }, 'subsidy_in_pilot_2022'],
    ['a blacklisted enterprise', { blacklistedUntil: new Date('2028-01-01T00:00:00Z') }, 'subsidy_blacklisted'],
    ['a project not accepted', { project: { status: 'active' }, passedLevel: null }, 'subsidy_project_not_accepted'],
    ['a project at level 1', { passedLevel: 1 }, 'subsidy_level_below_2'],
    ['a project with a live application', { liveApplicationId: 'a1' }, 'subsidy_application_exists'],
  ] as const)('refuses %s', (_name, change, expected) => {
    expect(code({ ...eligible, ...change } as EligibilityFacts)).toBe(expected);
  });
});
