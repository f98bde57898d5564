/**
 * The programme subsidy (专项资金) for a transformation project, as the 2024
 * Shenyang plan sets it (SPEC capability 11): build first, subsidise after
 * (先建后补); once the accepted project reaches digital level 2 or higher,
 * the enterprise receives 50% of its eligible investment, at most 500,000 CNY.
 *
 * Eligible investment (符合要求的数字化改造资金投入) is what the enterprise
 * spent during the pilot on:
 * - software (软件) and cloud services (云服务);
 * - gateways, routers and other data collection and transmission devices
 *   (网关、路由等必要数据采集传输设备).
 * Anything else — production machinery, civil works, staff costs — is not
 * eligible, and neither are enterprises already funded as 专精特新"小巨人" by the
 * central SME fund, enterprises of the 2022 pilot (工信厅联企业〔2022〕22号), or
 * blacklisted enterprises (those checks belong to the application, not here).
 *
 * One function computes the amount, so the figure an enterprise sees when it
 * compares bids and the one the subsidy workflow grants agree. Arithmetic is
 * on integers only (BigInt), rounding down to whole fen.
 */

/**
 * What an enterprise spent, by kind: software (软件), cloud services (云服务),
 * gateways, routers and other data collection and transmission devices
 * (`data_device`), and anything else (`other`: machinery, civil works, staff…),
 * listed for the total but not subsidised.
 */
export const INVESTMENT_CATEGORIES = ['software', 'cloud', 'data_device', 'other'] as const;
export type InvestmentCategory = (typeof INVESTMENT_CATEGORIES)[number];

/** The categories that count as eligible investment. */
export const ELIGIBLE_CATEGORIES: readonly InvestmentCategory[] = Object.freeze(['software', 'cloud', 'data_device']);

/** The subsidy is this fraction of the eligible investment: 50%. */
export const SUBSIDY_RATE = Object.freeze({ numerator: 1n, denominator: 2n });

/** 500,000 CNY in fen: the most one enterprise receives. */
export const SUBSIDY_CAP_FEN = 50_000_000;

export interface SubsidyEstimateInput {
  /** The part of the investment that counts (see above), in fen. */
  eligibleInvestmentFen: number;
  /** The whole investment (e.g. a bid's price), in fen; at least the eligible part. */
  totalFen: number;
}

export interface SubsidyEstimate {
  /** 50% of the eligible investment rounded down to whole fen, at most {@link SUBSIDY_CAP_FEN}. */
  subsidyFen: number;
  /** What the enterprise pays after the subsidy: `totalFen − subsidyFen`. */
  netCostFen: number;
  /** Whether the cap cut the amount. */
  capped: boolean;
  /** Always true: the grant depends on acceptance, level 2+ and review. */
  isEstimate: true;
}

/**
 * The subsidy on an investment and the net cost left to the enterprise.
 *
 * @throws RangeError when an amount is not a non-negative safe integer or the
 *   eligible part exceeds the total — a caller's bug, never a client's input.
 */
export function estimateSubsidy({ eligibleInvestmentFen, totalFen }: SubsidyEstimateInput): SubsidyEstimate {
  assertFen('eligibleInvestmentFen', eligibleInvestmentFen);
  assertFen('totalFen', totalFen);
  if (eligibleInvestmentFen > totalFen) {
    throw new RangeError(`eligibleInvestmentFen (${eligibleInvestmentFen}) exceeds totalFen (${totalFen})`);
  }
  // BigInt division truncates, which for non-negative amounts is rounding down.
  const uncapped = Number((BigInt(eligibleInvestmentFen) * SUBSIDY_RATE.numerator) / SUBSIDY_RATE.denominator);
  const capped = uncapped > SUBSIDY_CAP_FEN;
  const subsidyFen = capped ? SUBSIDY_CAP_FEN : uncapped;
  return { subsidyFen, netCostFen: totalFen - subsidyFen, capped, isEstimate: true };
}

function assertFen(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer number of fen, got ${value}`);
}
