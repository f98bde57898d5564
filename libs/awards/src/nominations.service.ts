import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import {
  CLOCK,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  StateConflictError,
  UnitOfWork,
  hasRole,
  isMember,
} from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { SolutionsService } from '@smedx/catalogue';
import { ChainCasesService } from '@smedx/chains';
import { DirectoryService } from '@smedx/directory';
import { IdentityService } from '@smedx/identity';
import { NotificationsService } from '@smedx/notifications';
import { isDistrictCode } from '@smedx/taxonomy';
import { ASSESSOR_NOMINATION_STATUSES, PUBLIC_NOMINATION_STATUSES, mayReadNomination, visibleScores } from './awards.policy.js';
import { nominationView } from './awards.views.js';
import type { NominationView, Page } from './awards.views.js';
import type { CreateNominationInput, ListNominationsQuery } from './dto/awards.dto.js';
import { Nomination } from './entities/nomination.entity.js';
import type { NominationCategory } from './entities/nomination.entity.js';
import { NominationStore } from './nomination-store.js';

/** Who or what is nominated, as the nomination records it. */
interface Nominee {
  nomineeId: string;
  enterpriseId: string | null;
  industry: string | null;
  district: string;
}

export const CATEGORY_NAMES: Readonly<Record<NominationCategory, string>> = Object.freeze({
  chain_case: '链式典型案例',
  product: '优秀“小快轻准”产品',
  benchmark: '数字化转型示范标杆',
  digital_workshop: '数字化车间',
  smart_factory: '智能工厂',
});

/**
 * Nominations for the programme's awards (SPEC capability 17): filed by the enterprise (示范标杆,
 * 数字化车间, 智能工厂), the provider (优秀产品) or the chain leader (a chain case it nominated),
 * with evidence; read and listed by those the policy lets see them. The review steps are
 * {@link NominationReviewService}'s.
 */
@Injectable()
export class NominationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly store: NominationStore,
    private readonly directory: DirectoryService,
    private readonly solutions: SolutionsService,
    private readonly chainCases: ChainCasesService,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Files a nomination. 400 naming `subjectId` when there is no such subject, 403 when the caller
   * does not speak for it, 409 when the subject is not eligible (a delisted product) or already
   * has a live nomination.
   */
  async nominate(actor: Principal, input: CreateNominationInput): Promise<NominationView> {
    const nominee = await this.nominee(actor, input);
    const id = await this.uow.run(async (tx) => {
      const now = this.clock.now();
      const row = tx.create(Nomination, {
        category: input.category,
        subjectId: input.subjectId,
        liveSubjectKey: `${input.category}:${input.subjectId}`,
        ...nominee,
        title: input.title,
        summary: input.summary,
        evidence: input.evidence,
        status: 'nominated',
        scores: [],
        reviewScore: null,
        noticeStartsAt: null,
        noticeEndsAt: null,
        objections: [],
        awardFen: null,
        awardedAt: null,
        history: [
          { action: 'nominate', fromStatus: null, toStatus: 'nominated', reason: null, actorId: actor.userId, at: now.toISOString() },
        ],
        nominatedBy: actor.userId,
        nominatedAt: now,
      });
      const saved = await this.store.insert(tx, row);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'nomination.nominated',
        entityType: 'nomination',
        entityId: saved.id,
        data: { category: saved.category, subjectId: saved.subjectId, district: saved.district, evidence: saved.evidence.length },
      });
      await this.notifications.notify(tx, {
        recipients: { userIds: await this.identity.holdersOf('district_officer', saved.district, tx) },
        kind: 'nomination.recommendation-requested',
        title: `有${CATEGORY_NAMES[saved.category]}申报待区县推荐`,
        body: `“${saved.title}”已申报，请审核后推荐或不予推荐。`,
        link: `/nominations/${saved.id}`,
        data: { nominationId: saved.id, status: saved.status },
        dedupeKey: `nomination.recommendation-requested:${saved.id}`,
      });
      return saved.id;
    });
    return this.get(actor, id);
  }

  /** One nomination for those who may read it (404 for others). */
  async get(actor: Principal, id: string): Promise<NominationView> {
    const n = await this.store.find(id);
    if (!n || !mayReadNomination(actor, n)) throw new NotFoundError('nomination', id);
    const names = await this.store.nomineeNames([n]);
    return nominationView(n, names.get(n.nomineeId) ?? null, visibleScores(actor, n));
  }

  /**
   * Nominations, newest first: all for city officers and admins; for others those of their
   * district (district officers), their organisations', the ones they filed, those under
   * review (assessors) and those on public notice or awarded (everyone).
   */
  async list(actor: Principal, query: ListNominationsQuery): Promise<Page<NominationView>> {
    const qb = this.dataSource.getRepository(Nomination).createQueryBuilder('n');
    if (!hasRole(actor, 'city_officer', 'admin')) {
      const districts = actor.roles.flatMap((g) => (g.role === 'district_officer' && g.district ? [g.district] : []));
      const organisations = actor.memberships.map((m) => m.organisationId);
      const statuses = hasRole(actor, 'assessor') ? ASSESSOR_NOMINATION_STATUSES : PUBLIC_NOMINATION_STATUSES;
      qb.where(
        new Brackets((w) => {
          w.where('n.status IN (:...statuses)', { statuses: [...statuses] });
          w.orWhere('n.nominatedBy = :me', { me: actor.userId });
          if (districts.length) w.orWhere('n.district IN (:...districts)', { districts });
          if (organisations.length) w.orWhere('n.nomineeId IN (:...organisations)', { organisations });
        }),
      );
    }
    if (query.category) qb.andWhere('n.category = :category', { category: query.category });
    if (query.status) qb.andWhere('n.status = :status', { status: query.status });
    if (query.district) qb.andWhere('n.district = :district', { district: query.district });
    const [rows, total] = await qb
      .orderBy('n.nominatedAt', 'DESC')
      .addOrderBy('n.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const names = await this.store.nomineeNames(rows);
    return {
      items: rows.map((n) => nominationView(n, names.get(n.nomineeId) ?? null, visibleScores(actor, n))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The nominee the subject names, checking that the caller speaks for it. */
  private async nominee(actor: Principal, input: CreateNominationInput): Promise<Nominee> {
    const noSubject = (reason: string) => new InvalidInputError([{ field: 'subjectId', reason }]);
    if (input.category === 'chain_case') {
      const found = await this.chainCases.caseWithChain(input.subjectId);
      if (!found) throw noSubject('is not a chain case');
      if (!isMember(actor, found.chain.leaderEnterpriseId)) {
        throw new ForbiddenError('only members of the chain leader nominate its chain cases', 'not_chain_leader');
      }
      const [leader] = await this.directory.enterprisesByIds([found.chain.leaderEnterpriseId]);
      if (!leader) throw noSubject('the chain has no leader enterprise');
      return { nomineeId: leader.id, enterpriseId: leader.id, industry: leader.industry, district: leader.district };
    }
    if (input.category === 'product') {
      const solution = await this.solutions.get(actor, input.subjectId).catch((error: unknown) => {
        if (error instanceof NotFoundError) throw noSubject('is not a solution');
        throw error;
      });
      if (!isMember(actor, solution.providerId)) {
        throw new ForbiddenError('only members of the provider nominate its products', 'not_member');
      }
      if (solution.status !== 'published') throw new StateConflictError('solution', solution.status, 'nominate');
      const [provider] = await this.directory.providersByIds([solution.providerId]);
      const districts = provider?.districts ?? [];
      const district = input.district ?? districts[0];
      if (!district || !isDistrictCode(district) || !districts.includes(district)) {
        throw new InvalidInputError([{ field: 'district', reason: "must be one of the provider's service districts" }]);
      }
      return { nomineeId: solution.providerId, enterpriseId: null, industry: solution.industries[0] ?? null, district };
    }
    const [enterprise] = await this.directory.enterprisesByIds([input.subjectId]);
    if (!enterprise) throw noSubject('is not an enterprise');
    if (!isMember(actor, enterprise.id)) {
      throw new ForbiddenError('only members of the enterprise nominate it', 'not_member');
    }
    return { nomineeId: enterprise.id, enterpriseId: enterprise.id, industry: enterprise.industry, district: enterprise.district };
  }
}
