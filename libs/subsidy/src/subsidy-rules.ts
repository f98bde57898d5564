import { ConflictError } from '@smedx/platform';
import { ELIGIBLE_CATEGORIES, estimateSubsidy } from '@smedx/contracts';
import type { InvestmentLine } from '@smedx/contracts';

export { ELIGIBLE_CATEGORIES, INVESTMENT_CATEGORIES } from '@smedx/contracts';
export type { InvestmentCategory, InvestmentLine } from '@smedx/contracts';

export interface SubsidyAmounts {
  totalInvestmentFen: number;
  eligibleFen: number;
  /** 50% of `eligibleFen`, at most 500,000 CNY: {@link estimateSubsidy}, the one place that computes it. */
  amountFen: number;
  capped: boolean;
}

/** The figures of an application from its lines (integers throughout). */
export function subsidyAmounts(lines: readonly InvestmentLine[]): SubsidyAmounts {
  let totalInvestmentFen = 0;
  let eligibleFen = 0;
  for (const line of lines) {
    totalInvestmentFen += line.amountFen;
    if (ELIGIBLE_CATEGORIES.includes(line.category)) eligibleFen += line.amountFen;
  }
  const estimate = estimateSubsidy({ eligibleInvestmentFen: eligibleFen, totalFen: totalInvestmentFen });
  return { totalInvestmentFen, eligibleFen, amountFen: estimate.subsidyFen, capped: estimate.capped };
}

/** The lowest digital level an accepted project must reach (二级及以上). */
export const MIN_LEVEL_AFTER = 2;

/** A blacklisting lasts three years (三年内不得享受政府财政专项资金, 第十三条). */
export const BLACKLIST_YEARS = 3;

/** The end of a blacklisting that starts at `from`: the same instant three years later (29 Feb rolls to 1 Mar). */
export function blacklistUntil(from: Date): Date {
  const until = new Date(from.getTime());
  until.setUTCFullYear(until.getUTCFullYear() + BLACKLIST_YEARS);
  return until;
}

/** What the eligibility check needs to know, gathered by the service. */
export interface EligibilityFacts {
  enterprise: { isLittleGiantFunded: boolean; inPilot2022: boolean };
  /** The active blacklisting of the enterprise, if any. */
  blacklistedUntil: Date | null;
  project: { status: string };
  /** The level of the project's passed acceptance; null without one. */
  passedLevel: number | null;
  /** The live application of the project, if any. */
  liveApplicationId: string | null;
}

/**
 * 409 with a stable code for the first rule the application breaks (第六条
 * exclusions, the blacklist, 先建后补 with level 2+, one live application per
 * project); nothing when it may be submitted.
 */
export function assertEligible(facts: EligibilityFacts): void {
  if (facts.enterprise.isLittleGiantFunded) {
    throw new ConflictError(
      'subsidy_little_giant_funded',
      'the enterprise is a 专精特新"小巨人" already funded by the central SME fund and is not eligible for the subsidy',
    );
  }
  if (facts.enterprise.inPilot2022) {
    throw new ConflictError(
      'subsidy_in_pilot_2022',
      'the enterprise was in the 2022 transformation pilot (工信厅联企业〔2022〕22号) and is not eligible for the subsidy',
    );
  }
  if (facts.blacklistedUntil) {
    throw new ConflictError(
      'subsidy_blacklisted',
      `the enterprise is blacklisted until ${facts.blacklistedUntil.toISOString()} and may not receive programme funds`,
      { until: facts.blacklistedUntil.toISOString() },
    );
  }
  if (facts.project.status !== 'accepted' || facts.passedLevel === null) {
    throw new ConflictError(
      'subsidy_project_not_accepted',
      `the project is ${facts.project.status}: the subsidy is applied for after a passed acceptance (先建后补)`,
      { projectStatus: facts.project.status },
    );
  }
  if (facts.passedLevel < MIN_LEVEL_AFTER) {
    throw new ConflictError(
      'subsidy_level_below_2',
      `the acceptance found digital level ${facts.passedLevel}; the subsidy needs level ${MIN_LEVEL_AFTER} or higher`,
      { levelAfter: facts.passedLevel },
    );
  }
  if (facts.liveApplicationId) {
    throw new ConflictError('subsidy_application_exists', `the project already has a live subsidy application ${facts.liveApplicationId}`, {
      applicationId: facts.liveApplicationId,
    });
  }
}
