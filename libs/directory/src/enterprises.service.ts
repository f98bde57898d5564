import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { CLOCK, ConflictError, ForbiddenError, NotFoundError, OutboxService, UnitOfWork, isMember, isUuid } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { IdentityService } from '@smedx/identity';
import { DISTRICTS, INDUSTRIES, PILOT_BATCHES } from '@smedx/taxonomy';
import type { DigitalLevel, PilotBatchCode, ScaleCode, TaxonomyItem } from '@smedx/taxonomy';
import type { CreateEnterpriseInput, EnterpriseFilter, PilotPoolFilter, UpdateEnterpriseInput } from './dto/directory.dto.js';
import { mayManagePilot, maySeeEnterpriseDetails } from './directory.policy.js';
import { enterprisePublicView, enterpriseView, pilotPoolItem } from './directory.views.js';
import type { EnterprisePublicView, EnterpriseView, Page } from './directory.views.js';
import type { CodeCountView, PilotPoolView } from '@smedx/contracts';
import { Enterprise } from './entities/enterprise.entity.js';
import type { DigitalLevelSource, EnrolmentBasis } from './entities/enterprise.entity.js';
import { containsPattern, usccMustBeFree, usccTaken } from './persistence.js';
import { EnterpriseChanged } from './directory.events.js';

/** Fields whose changes go to the audit trail: identity, money and the flags that decide subsidy eligibility. */
const AUDITED_FIELDS = ['uscc', 'annualRevenueFen', 'isLittleGiantFunded', 'inPilot2022', 'isSpecialised'] as const;

/** The plan's rule: 规上 "应改尽改", 规下 "愿改尽改". */
const ENROLMENT_BASIS: Record<ScaleCode, EnrolmentBasis> = { above: 'should', below: 'willing' };

/** A code with its name and count (`CodeCountView` of the contract). */
export type CodeCount = CodeCountView;
/** The pilot pool; counts over the whole filtered pool, every code of each taxonomy, zeros included. */
export type PilotPool = PilotPoolView;

/**
 * Enterprise profiles and the dynamic pilot pool (动态试点企业库). Everyone signed in sees an
 * enterprise's public fields; its members and the officers whose scope covers it see the rest.
 */
@Injectable()
export class EnterprisesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Registers an enterprise; the caller becomes its owner. 409 `uscc_taken` if the USCC is registered. */
  async create(principal: Principal, input: CreateEnterpriseInput): Promise<EnterpriseView> {
    const enterprise = await usccMustBeFree('enterprise', () =>
      this.uow.run(async (tx) => {
        if (await tx.existsBy(Enterprise, { uscc: input.uscc })) throw usccTaken('enterprise');
        const created = await tx.save(tx.create(Enterprise, { ...input }));
        await this.identity.addOwner(tx, created.id, 'enterprise', principal.userId);
        await this.audit.record(tx, {
          actorId: principal.userId,
          action: 'enterprise.registered',
          entityType: 'enterprise',
          entityId: created.id,
          data: pick(created, AUDITED_FIELDS),
        });
        return created;
      }),
    );
    return enterpriseView(enterprise);
  }

  /** The profile as the caller may see it: in full, or its public fields. */
  async get(principal: Principal, id: string): Promise<EnterpriseView | EnterprisePublicView> {
    const enterprise = await this.getEnterprise(id);
    return this.viewFor(principal, enterprise);
  }

  /**
   * Changes the profile (members only). A changed USCC is checked for uniqueness again; changes
   * to the USCC, revenue and eligibility flags are audited with their before and after values.
   */
  async update(principal: Principal, id: string, input: UpdateEnterpriseInput): Promise<EnterpriseView> {
    const enterprise = await usccMustBeFree('enterprise', () =>
      this.uow.run(async (tx) => {
        const current = await this.getEnterprise(id, tx);
        if (!isMember(principal, id)) throw new ForbiddenError('only members of this enterprise may change it');
        if (input.uscc !== undefined && input.uscc !== current.uscc && (await tx.existsBy(Enterprise, { uscc: input.uscc }))) {
          throw usccTaken('enterprise');
        }
        const before = pick(current, AUDITED_FIELDS);
        const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<Enterprise>;
        Object.assign(current, changes);
        if (changes.scale && current.pilotBatch) current.pilotEnrolmentBasis = ENROLMENT_BASIS[changes.scale];
        const saved = await tx.save(current);
        // Its needs' search documents carry its name, industry, district and level.
        if (Object.keys(changes).length) await this.outbox.publish(tx, EnterpriseChanged, { enterpriseId: id, change: 'profile' });
        const after = pick(saved, AUDITED_FIELDS);
        const changed = AUDITED_FIELDS.filter((f) => before[f] !== after[f]);
        if (changed.length) {
          await this.audit.record(tx, {
            actorId: principal.userId,
            action: 'enterprise.updated',
            entityType: 'enterprise',
            entityId: id,
            data: { before: pick(before, changed), after: pick(after, changed) },
          });
        }
        return saved;
      }),
    );
    return enterpriseView(enterprise);
  }

  /** Enterprises matching the filter, newest first; each in full or public form as the caller may see it. */
  async list(
    principal: Principal,
    filter: EnterpriseFilter,
    page: number,
    pageSize: number,
  ): Promise<Page<EnterpriseView | EnterprisePublicView>> {
    const qb = this.dataSource.getRepository(Enterprise).createQueryBuilder('e');
    applyEnterpriseFilter(qb, filter);
    const [rows, total] = await qb
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map((e) => this.viewFor(principal, e)), total, page, pageSize };
  }

  /**
   * Puts an enterprise into a batch of the pilot pool, or moves it to another batch (the pool is
   * dynamic). City officers, or the officer of the enterprise's district. The basis — 应改尽改 for
   * 规上, 愿改尽改 for 规下 — follows from the scale and is kept with the enrolment.
   */
  async enrolInPilot(principal: Principal, id: string, batch: PilotBatchCode): Promise<EnterpriseView> {
    const enterprise = await this.uow.run(async (tx) => {
      const current = await this.getEnterprise(id, tx);
      if (!mayManagePilot(principal, current)) {
        throw new ForbiddenError("only city officers or the enterprise's district officer may enrol it in the pilot pool");
      }
      if (current.pilotBatch === batch) {
        throw new ConflictError('already_enrolled', `the enterprise is already in pilot batch ${batch}`, { state: batch });
      }
      const before = { pilotBatch: current.pilotBatch, enrolmentBasis: current.pilotEnrolmentBasis };
      current.pilotBatch = batch;
      current.pilotEnrolmentBasis = ENROLMENT_BASIS[current.scale];
      current.pilotEnrolledAt = this.clock.now();
      const saved = await tx.save(current);
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'enterprise.pilot_enrolled',
        entityType: 'enterprise',
        entityId: id,
        data: { before, after: { pilotBatch: batch, enrolmentBasis: saved.pilotEnrolmentBasis } },
      });
      return saved;
    });
    return enterpriseView(enterprise);
  }

  /** Takes an enterprise out of the pilot pool (same officers as enrolment); 409 if it is not in it. */
  async withdrawFromPilot(principal: Principal, id: string): Promise<EnterpriseView> {
    const enterprise = await this.uow.run(async (tx) => {
      const current = await this.getEnterprise(id, tx);
      if (!mayManagePilot(principal, current)) {
        throw new ForbiddenError("only city officers or the enterprise's district officer may withdraw it from the pilot pool");
      }
      if (!current.pilotBatch)
        throw new ConflictError('not_enrolled', 'the enterprise is not in the pilot pool', { state: 'not_enrolled' });
      const before = { pilotBatch: current.pilotBatch, enrolmentBasis: current.pilotEnrolmentBasis };
      current.pilotBatch = null;
      current.pilotEnrolmentBasis = null;
      current.pilotEnrolledAt = null;
      const saved = await tx.save(current);
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'enterprise.pilot_withdrawn',
        entityType: 'enterprise',
        entityId: id,
        data: { before, after: { pilotBatch: null, enrolmentBasis: null } },
      });
      return saved;
    });
    return enterpriseView(enterprise);
  }

  /** The pilot pool by batch, industry and district, with counts over the whole filtered pool. */
  async pilotPool(filter: PilotPoolFilter, page: number, pageSize: number): Promise<PilotPool> {
    const pool = () => {
      const qb = this.dataSource.getRepository(Enterprise).createQueryBuilder('e').where('e.pilotBatch IS NOT NULL');
      applyEnterpriseFilter(qb, { pilotBatch: filter.batch, industry: filter.industry, district: filter.district });
      return qb;
    };
    const countBy = async (column: 'pilotBatch' | 'industry' | 'district', codes: readonly TaxonomyItem[]) => {
      const rows = await pool()
        .select(`e.${column}`, 'code')
        .addSelect('COUNT(*)', 'count')
        .groupBy(`e.${column}`)
        .getRawMany<{ code: string; count: string | number }>();
      const found = new Map(rows.map((r) => [r.code, Number(r.count)]));
      return codes.map(({ code, name }) => ({ code, name, count: found.get(code) ?? 0 }));
    };
    const [[rows, total], byBatch, byIndustry, byDistrict] = await Promise.all([
      pool()
        .orderBy('e.pilotEnrolledAt', 'DESC')
        .addOrderBy('e.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount(),
      countBy('pilotBatch', PILOT_BATCHES),
      countBy('industry', INDUSTRIES),
      countBy('district', DISTRICTS),
    ]);
    return { items: rows.map(pilotPoolItem), total, page, pageSize, counts: { byBatch, byIndustry, byDistrict } };
  }

  /** The enterprise, or a 404 (a malformed id is simply unknown). Pass `tx` to read inside a transaction. */
  async getEnterprise(id: string, tx?: EntityManager): Promise<Enterprise> {
    const enterprise = isUuid(id) ? await (tx ?? this.dataSource.manager).findOneBy(Enterprise, { id }) : null;
    if (!enterprise) throw new NotFoundError('enterprise', id);
    return enterprise;
  }

  /**
   * The enterprise, its row locked for the rest of `tx` on PostgreSQL (SQLite runs write
   * transactions one at a time): for a decision that reads its level and then sets it.
   */
  async lockEnterprise(tx: EntityManager, id: string): Promise<Enterprise> {
    const qb = tx.getRepository(Enterprise).createQueryBuilder('e').where('e.id = :id', { id });
    if (this.dataSource.options.type === 'postgres') qb.setLock('pessimistic_write');
    const enterprise = isUuid(id) ? await qb.getOne() : null;
    if (!enterprise) throw new NotFoundError('enterprise', id);
    return enterprise;
  }

  /** The enterprises with these ids, in one query; unknown ids are left out. */
  async enterprisesByIds(ids: readonly string[], tx?: EntityManager): Promise<Enterprise[]> {
    const valid = [...new Set(ids)].filter(isUuid);
    if (!valid.length) return [];
    return (tx ?? this.dataSource.manager).findBy(Enterprise, { id: In(valid) });
  }

  /** Sets the current digital level inside the caller's transaction (diagnosis, acceptance). */
  async setDigitalLevel(tx: EntityManager, enterpriseId: string, level: DigitalLevel, source: DigitalLevelSource): Promise<void> {
    if (!isUuid(enterpriseId)) throw new NotFoundError('enterprise', enterpriseId);
    const result = await tx.update(
      Enterprise,
      { id: enterpriseId },
      { digitalLevel: level, digitalLevelSource: source, digitalLevelAt: this.clock.now() },
    );
    if (!result.affected) throw new NotFoundError('enterprise', enterpriseId);
    await this.outbox.publish(tx, EnterpriseChanged, { enterpriseId, change: 'level' });
  }

  /** Marks or unmarks an enterprise as a chain leader (链主) inside the caller's transaction. */
  async setChainLeader(tx: EntityManager, enterpriseId: string, isChainLeader: boolean): Promise<void> {
    if (!isUuid(enterpriseId)) throw new NotFoundError('enterprise', enterpriseId);
    const result = await tx.update(Enterprise, { id: enterpriseId }, { isChainLeader });
    if (!result.affected) throw new NotFoundError('enterprise', enterpriseId);
  }

  private viewFor(principal: Principal, enterprise: Enterprise): EnterpriseView | EnterprisePublicView {
    return maySeeEnterpriseDetails(principal, enterprise) ? enterpriseView(enterprise) : enterprisePublicView(enterprise);
  }
}

function applyEnterpriseFilter(qb: SelectQueryBuilder<Enterprise>, filter: EnterpriseFilter): void {
  if (filter.industry) qb.andWhere('e.industry = :industry', { industry: filter.industry });
  if (filter.district) qb.andWhere('e.district = :district', { district: filter.district });
  if (filter.scale) qb.andWhere('e.scale = :scale', { scale: filter.scale });
  if (filter.pilotBatch) qb.andWhere('e.pilotBatch = :pilotBatch', { pilotBatch: filter.pilotBatch });
  if (filter.q) qb.andWhere("LOWER(e.name) LIKE :q ESCAPE '\\'", { q: containsPattern(filter.q) });
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, source[k]])) as Pick<T, K>;
}
