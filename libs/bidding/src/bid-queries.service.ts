import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { ForbiddenError, NotFoundError, isUuid } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { SolutionsService } from '@smedx/catalogue';
import { Need, NeedQueriesService } from '@smedx/demand';
import type { BidView, MyBidView, Page } from '@smedx/contracts';
import { DirectoryService } from '@smedx/directory';
import { bidAudienceOf, bidPartyOf, maySeeBid, readableProviders } from './bidding.policy.js';
import { BidViews, needSummary } from './bid-views.js';
import type { BidAudience } from './bid-views.js';
import type { ListBidsQuery, ListMyBidsQuery } from './dto/bid.dto.js';
import { BidRevision } from './entities/bid-revision.entity.js';
import { Bid } from './entities/bid.entity.js';

/**
 * The read side of sealed bidding: one bid with its history, a need's bids
 * side by side, a provider's own bids. Sealed as {@link BiddingService}
 * describes: a provider only ever sees its own provider's bids.
 */
@Injectable()
export class BidQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly needs: NeedQueriesService,
    private readonly solutions: SolutionsService,
    private readonly directory: DirectoryService,
    private readonly views: BidViews,
  ) {}

  /** One bid with its history: for its provider's members, the need's enterprise and officers (404 for anyone else). */
  async get(actor: Principal, bidId: string): Promise<BidView> {
    const bid = isUuid(bidId) ? await this.dataSource.getRepository(Bid).findOneBy({ id: bidId }) : null;
    if (!bid) throw new NotFoundError('bid', bidId);
    const need = await this.needs.findById(bid.needId);
    if (!need || !maySeeBid(actor, need, bid)) throw new NotFoundError('bid', bidId);
    const revisions = await this.dataSource.getRepository(BidRevision).find({ where: { bidId }, order: { revision: 'ASC' } });
    return this.views.view(need, bid, bidAudienceOf(actor, need), revisions);
  }

  /**
   * The bids on a need. The enterprise's members and officers get all of them
   * side by side; a provider's members only their own provider's bids;
   * anyone else a 403.
   */
  async listForNeed(actor: Principal, needId: string, query: ListBidsQuery): Promise<Page<BidView>> {
    const need = await this.visibleNeed(this.dataSource.manager, actor, needId);
    const party = bidPartyOf(actor, need);
    if (party.kind === 'none') {
      throw new ForbiddenError("only the need's enterprise, officers and bidding providers see its bids", 'not_need_party');
    }
    const qb = this.dataSource.getRepository(Bid).createQueryBuilder('b').where('b.needId = :needId', { needId: need.id });
    if (party.kind === 'bidder') qb.andWhere('b.providerId IN (:...providerIds)', { providerIds: party.providerIds });
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('b.priceFen', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.views.views(need, rows, bidAudienceOf(actor, need)), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The bids of the caller's providers (or the one named), latest first, each
   * with the need it is on: four queries whatever the page holds. A caller
   * without a provider gets an empty page.
   */
  async mine(actor: Principal, query: ListMyBidsQuery): Promise<Page<MyBidView>> {
    const ids = readableProviders(actor, query.providerId, 'bids');
    if (!ids.length) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const [rows, total] = await this.dataSource.manager.findAndCount(Bid, {
      where: { providerId: In(ids), ...(query.status ? { status: query.status } : {}) },
      order: { submittedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const needIds = [...new Set(rows.map((r) => r.needId))];
    const solutionIds = [...new Set(rows.flatMap((r) => (r.solutionId ? [r.solutionId] : [])))];
    const needRows = needIds.length ? await this.dataSource.manager.findBy(Need, { id: In(needIds) }) : [];
    const [enterprises, providerRows, solutionDocs] = await Promise.all([
      this.directory.enterprisesByIds([...new Set(needRows.map((n) => n.enterpriseId))]),
      this.directory.providersByIds([...new Set(rows.map((r) => r.providerId))]),
      this.solutions.toSearchDocuments(solutionIds),
    ]);
    const needById = new Map(needRows.map((n) => [n.id, n]));
    const enterpriseById = new Map(enterprises.map((e) => [e.id, e.name]));
    const providerById = new Map(providerRows.map((p) => [p.id, p.name]));
    const solutionById = new Map(solutionDocs.map((d) => [String(d.id), d.title]));
    const items = rows.map((b): MyBidView => {
      const need = needById.get(b.needId);
      return {
        id: b.id,
        needId: b.needId,
        ...needSummary(need, b.submittedAt),
        enterpriseName: need ? (enterpriseById.get(need.enterpriseId) ?? null) : null,
        providerId: b.providerId,
        providerName: providerById.get(b.providerId) ?? '',
        solutionId: b.solutionId,
        solutionTitle: b.solutionId ? (solutionById.get(b.solutionId) ?? null) : null,
        priceFen: b.priceFen,
        deliveryDays: b.deliveryDays,
        status: b.status,
        revision: b.revision,
        submittedAt: b.submittedAt,
        revisedAt: b.revisedAt,
        decidedAt: b.decidedAt,
      };
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** A need the caller may see, or a 404 (a draft is private to its enterprise and officers). */
  async visibleNeed(tx: EntityManager, actor: Principal, needId: string, lock?: 'update'): Promise<Need> {
    const need = await this.needs.findById(needId, tx, { lock });
    if (!need || !this.needs.mayRead(actor, need)) throw new NotFoundError('need', needId);
    return need;
  }

  /** A bid as its writer sees it after a change: its provider, or the enterprise that shortlisted it. */
  async viewOf(bidId: string, audience: BidAudience): Promise<BidView> {
    const bid = await this.dataSource.getRepository(Bid).findOneByOrFail({ id: bidId });
    const need = await this.needs.findById(bid.needId);
    return this.views.view(need!, bid, audience);
  }
}
