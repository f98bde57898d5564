import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@smedx/platform';
import type { AppConfig } from '@smedx/platform';
import { SolutionsService } from '@smedx/catalogue';
import { NeedQueriesService } from '@smedx/demand';
import type { Need } from '@smedx/demand';
import { DirectoryService, providerRecord } from '@smedx/directory';
import type { Enterprise, Provider } from '@smedx/directory';
import { needFactsFromDocument, prepareNeed, scorePair, solutionFactsFromDocument } from '@smedx/matching';
import type { SolutionFacts } from '@smedx/matching';
import { estimateSubsidy } from '@smedx/contracts';
import type { BidRevisionView, BidSubsidyEstimate, BidView } from '@smedx/contracts';
import { BlacklistService } from '@smedx/subsidy';
import type { BidRevision } from './entities/bid-revision.entity.js';
import type { Bid } from './entities/bid.entity.js';

/** Who a bid view is for: the need's enterprise and officers, or a bidding provider. */
export type BidAudience = 'need_side' | 'bidder';

const WHOLE_PRICE_BASIS =
  '按报价全额计入软件、云服务及网关、路由等数据采集传输设备投入估算（补贴50%，最高50万元）；以项目验收达到二级及以上并经审核认定的投入为准';
const LITTLE_GIANT_BASIS = '企业已获中央财政专项资金支持的专精特新“小巨人”，不在本次补贴范围';
const PILOT_2022_BASIS = '企业已纳入2022年财政支持数字化转型改造试点，不在本次补贴范围';
const BLACKLIST_BASIS = '企业在黑名单期内，不得申报专项资金';

/**
 * Turns bids into views in a fixed number of queries, however many bids:
 * the need's facts, its enterprise, the providers and the solutions once each.
 */
@Injectable()
export class BidViews {
  constructor(
    private readonly needs: NeedQueriesService,
    private readonly solutions: SolutionsService,
    private readonly directory: DirectoryService,
    private readonly blacklist: BlacklistService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `audience`: the need's side (its enterprise, officers) or a bidder, who sees no subsidy estimate. */
  async views(need: Need, bids: readonly Bid[], audience: BidAudience): Promise<BidView[]> {
    if (!bids.length) return [];
    const buyerSide = audience === 'need_side';
    const [needDocument, enterprise, blacklisted, providers, solutionDocuments] = await Promise.all([
      this.needs.toSearchDocument(need.id),
      buyerSide ? this.directory.getEnterprise(need.enterpriseId) : null,
      buyerSide ? this.blacklist.activeEntry(need.enterpriseId).then((entry) => entry !== null) : false,
      this.directory.providersByIds([...new Set(bids.map((b) => b.providerId))]),
      this.solutions.toSearchDocuments([...new Set(bids.flatMap((b) => (b.solutionId ? [b.solutionId] : [])))]),
    ]);
    const providerById = new Map(providers.map((p) => [p.id, p]));
    const solutionById = new Map(solutionDocuments.map((d) => [String(d.id), solutionFactsFromDocument(d)]));
    const preparedNeed = needDocument ? prepareNeed(needFactsFromDocument(needDocument)) : null;
    const score = (provider: Provider | undefined, solution: SolutionFacts | undefined): number | null => {
      if (!preparedNeed || !provider || !solution) return null;
      const facts = {
        id: provider.id,
        name: provider.name,
        status: provider.status,
        districts: provider.districts,
        record: providerRecord(provider),
      };
      return scorePair(preparedNeed, solution, facts, this.config.matching.weights).score;
    };
    return bids.map((bid) => {
      const provider = providerById.get(bid.providerId);
      const solution = bid.solutionId ? solutionById.get(bid.solutionId) : undefined;
      return toBidView(bid, {
        provider,
        solutionTitle: solution?.title ?? null,
        matchScore: score(provider, solution),
        subsidyEstimate: enterprise ? subsidyFor({ ...enterprise, blacklisted }, bid.priceFen) : null,
      });
    });
  }

  async view(need: Need, bid: Bid, audience: BidAudience, revisions?: readonly BidRevision[]): Promise<BidView> {
    const [view] = await this.views(need, [bid], audience);
    return revisions ? { ...view!, revisions: revisions.map(toRevisionView) } : view!;
  }
}

/** The need a bid or an invitation is on, as the provider's lists show it; `fallback` stands for a deadline unknown. */
export function needSummary(
  need: Pick<Need, 'title' | 'status' | 'bidDeadline'> | undefined,
  fallback: Date,
): { needTitle: string; needStatus: string; bidDeadline: Date } {
  return { needTitle: need?.title ?? '', needStatus: need?.status ?? 'unknown', bidDeadline: need?.bidDeadline ?? fallback };
}

/**
 * The estimate for one price: the whole price counts as eligible (a 小快轻准
 * offer is software, cloud services and data-collection devices), unless the
 * enterprise is excluded from the subsidy altogether.
 */
export function subsidyFor(
  enterprise: Pick<Enterprise, 'isLittleGiantFunded' | 'inPilot2022'> & { blacklisted?: boolean },
  priceFen: number,
): BidSubsidyEstimate {
  const excluded = enterprise.isLittleGiantFunded
    ? LITTLE_GIANT_BASIS
    : enterprise.inPilot2022
      ? PILOT_2022_BASIS
      : enterprise.blacklisted
        ? BLACKLIST_BASIS
        : null;
  const eligibleInvestmentFen = excluded ? 0 : priceFen;
  return { ...estimateSubsidy({ eligibleInvestmentFen, totalFen: priceFen }), eligibleInvestmentFen, basis: excluded ?? WHOLE_PRICE_BASIS };
}

function toBidView(
  b: Bid,
  extra: {
    provider: Provider | undefined;
    solutionTitle: string | null;
    matchScore: number | null;
    subsidyEstimate: BidSubsidyEstimate | null;
  },
): BidView {
  return {
    id: b.id,
    needId: b.needId,
    providerId: b.providerId,
    providerName: extra.provider?.name ?? '',
    providerKind: extra.provider?.kind ?? '',
    providerRecord: extra.provider ? providerRecord(extra.provider) : null,
    solutionId: b.solutionId,
    solutionTitle: extra.solutionTitle,
    priceFen: b.priceFen,
    deliveryDays: b.deliveryDays,
    proposal: b.proposal,
    attachments: b.attachments,
    status: b.status,
    revision: b.revision,
    matchScore: extra.matchScore,
    subsidyEstimate: extra.subsidyEstimate,
    submittedAt: b.submittedAt,
    revisedAt: b.revisedAt,
    shortlistedAt: b.shortlistedAt,
    withdrawnAt: b.withdrawnAt,
    decidedAt: b.decidedAt,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  };
}

function toRevisionView(r: BidRevision): BidRevisionView {
  return {
    revision: r.revision,
    priceFen: r.priceFen,
    deliveryDays: r.deliveryDays,
    proposal: r.proposal,
    solutionId: r.solutionId,
    attachments: r.attachments,
    note: r.note,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}
