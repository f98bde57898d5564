import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { CLOCK, ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnitOfWork, hasRole } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { SERVICE_FEE_CAPS_FEN, SERVICE_FEE_KINDS, remainingFeeFen } from '@smedx/contracts';
import type { ServiceFeeKind } from '@smedx/contracts';
import { AuditService } from '@smedx/audit';
import { DirectoryService, isDistrictOfficerFor } from '@smedx/directory';
import type { CreateServiceFeeInput, ListServiceFeesQuery } from './dto/service-fees.dto.js';
import { ServiceFee } from './entities/service-fee.entity.js';
import { serviceFeeView } from './service-fees.views.js';
import type { FeeCapView, ServiceFeeView, ServiceFeesPage } from './service-fees.views.js';

const KIND_NAMES: Readonly<Record<ServiceFeeKind, string>> = { diagnosis: 'diagnosis', acceptance_monitoring: 'acceptance-monitoring' };

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/**
 * Service fees against their caps (SPEC capability 17): diagnosis fees at most 7,000 CNY and
 * acceptance-monitoring fees at most 10,000 CNY per enterprise, recorded by officers per
 * enterprise and per service organisation. The enterprise's row is locked while a fee is checked
 * against what was paid before, so two concurrent payments cannot both pass the cap.
 */
@Injectable()
export class ServiceFeesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records a payment (a city officer, or the officer of the enterprise's district): 400 naming
   * `enterpriseId` for an unknown enterprise, 409 `service_fee_cap_exceeded` naming the amount
   * that remains under the cap.
   */
  async record(actor: Principal, input: CreateServiceFeeInput): Promise<ServiceFeeView> {
    const saved = await this.uow.run(async (tx) => {
      const enterprise = await this.directory.lockEnterprise(tx, input.enterpriseId).catch((error: unknown) => {
        if (error instanceof NotFoundError) throw new InvalidInputError([{ field: 'enterpriseId', reason: 'is not an enterprise' }]);
        throw error;
      });
      if (!hasRole(actor, 'city_officer') && !isDistrictOfficerFor(actor, enterprise.district)) {
        throw new ForbiddenError(
          `fees of this enterprise are recorded by city officers or the officer of district ${enterprise.district}`,
          'not_your_district',
        );
      }
      const paid = await this.paidFen(tx.getRepository(ServiceFee).createQueryBuilder('f'), input.enterpriseId, input.kind);
      const remaining = remainingFeeFen(input.kind, paid);
      if (input.amountFen > remaining) {
        throw new ConflictError(
          'service_fee_cap_exceeded',
          `the ${KIND_NAMES[input.kind]} fee cap of ${yuan(SERVICE_FEE_CAPS_FEN[input.kind])} CNY per enterprise leaves ${yuan(remaining)} CNY (${remaining} fen) for this enterprise`,
          { kind: input.kind, capFen: SERVICE_FEE_CAPS_FEN[input.kind], paidFen: paid, remainingFen: remaining },
        );
      }
      const row = tx.create(ServiceFee, {
        enterpriseId: enterprise.id,
        district: enterprise.district,
        kind: input.kind,
        amountFen: input.amountFen,
        serviceOrganisationName: input.serviceOrganisationName,
        serviceOrganisationId: input.serviceOrganisationId ?? null,
        paidAt: input.paidAt ? new Date(input.paidAt) : this.clock.now(),
        reference: input.reference ?? null,
        recordedBy: actor.userId,
      });
      const fee = await tx.save(row);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'service_fee.recorded',
        entityType: 'enterprise',
        entityId: enterprise.id,
        data: {
          feeId: fee.id,
          kind: fee.kind,
          amountFen: fee.amountFen,
          serviceOrganisationName: fee.serviceOrganisationName,
          before: { paidFen: paid },
          after: { paidFen: paid + fee.amountFen },
        },
      });
      return { fee, name: enterprise.name };
    });
    return serviceFeeView(saved.fee, saved.name);
  }

  /**
   * Fees, latest payment first, with the sums of everything that matches: all for city officers
   * and admins, their district's for district officers, an enterprise's for its members, those
   * paid to a provider for its members; 403 for anyone else.
   */
  async list(actor: Principal, query: ListServiceFeesQuery): Promise<ServiceFeesPage> {
    const scoped = () => {
      const qb = this.dataSource.getRepository(ServiceFee).createQueryBuilder('f');
      if (!hasRole(actor, 'city_officer', 'admin')) {
        const districts = actor.roles.flatMap((g) => (g.role === 'district_officer' && g.district ? [g.district] : []));
        const organisations = actor.memberships.map((m) => m.organisationId);
        if (!districts.length && !organisations.length) {
          throw new ForbiddenError('service fees are listed by officers and the organisations concerned', 'not_member');
        }
        qb.where(
          new Brackets((w) => {
            if (districts.length) w.orWhere('f.district IN (:...districts)', { districts });
            if (organisations.length) {
              w.orWhere('f.enterpriseId IN (:...organisations)', { organisations });
              w.orWhere('f.serviceOrganisationId IN (:...organisations)', { organisations });
            }
          }),
        );
      }
      if (query.enterpriseId) qb.andWhere('f.enterpriseId = :enterpriseId', { enterpriseId: query.enterpriseId });
      if (query.serviceOrganisationId) qb.andWhere('f.serviceOrganisationId = :sid', { sid: query.serviceOrganisationId });
      if (query.serviceOrganisationName) qb.andWhere('f.serviceOrganisationName = :sname', { sname: query.serviceOrganisationName });
      if (query.kind) qb.andWhere('f.kind = :kind', { kind: query.kind });
      return qb;
    };
    const [[rows, total], sumRows] = await Promise.all([
      scoped()
        .orderBy('f.paidAt', 'DESC')
        .addOrderBy('f.id', 'ASC')
        .skip((query.page - 1) * query.pageSize)
        .take(query.pageSize)
        .getManyAndCount(),
      scoped()
        .select('f.kind', 'kind')
        .addSelect('SUM(f.amountFen)', 'sum')
        .groupBy('f.kind')
        .getRawMany<{ kind: ServiceFeeKind; sum: string | number }>(),
    ]);
    const sums = Object.fromEntries(SERVICE_FEE_KINDS.map((k) => [k, Number(sumRows.find((r) => r.kind === k)?.sum ?? 0)])) as Record<
      ServiceFeeKind,
      number
    >;
    let caps: FeeCapView[] | null = null;
    if (query.enterpriseId) {
      // The caps are the enterprise's whole, whatever the other filters.
      const all = this.dataSource.getRepository(ServiceFee).createQueryBuilder('f');
      caps = await Promise.all(
        SERVICE_FEE_KINDS.map(async (kind) => {
          const paid = await this.paidFen(all.clone(), query.enterpriseId!, kind);
          return { kind, capFen: SERVICE_FEE_CAPS_FEN[kind], paidFen: paid, remainingFen: remainingFeeFen(kind, paid) };
        }),
      );
    }
    const names = new Map(
      (await this.directory.enterprisesByIds([...new Set(rows.map((r) => r.enterpriseId))])).map((e) => [e.id, e.name]),
    );
    return {
      items: rows.map((r) => serviceFeeView(r, names.get(r.enterpriseId) ?? null)),
      total,
      page: query.page,
      pageSize: query.pageSize,
      sums,
      caps,
    };
  }

  private async paidFen(qb: SelectQueryBuilder<ServiceFee>, enterpriseId: string, kind: ServiceFeeKind): Promise<number> {
    const row = await qb
      .select('COALESCE(SUM(f.amountFen), 0)', 'paid')
      .where('f.enterpriseId = :enterpriseId', { enterpriseId })
      .andWhere('f.kind = :kind', { kind })
      .getRawOne<{ paid: string | number }>();
    return Number(row?.paid ?? 0);
  }
}
