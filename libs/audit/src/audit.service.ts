import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { CLOCK, OnJob, OutboxService, UnitOfWork } from '@smedx/platform';
import type { Clock, JobContext } from '@smedx/platform';
import type { AuditEntryView, Page } from '@smedx/contracts';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditRecordJob } from './audit.jobs.js';
import type { AuditRecordPayload } from './audit.jobs.js';

export interface AuditFact {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  reason?: string | null;
  data?: Record<string, unknown> | null;
}

/**
 * How far a reader sees the trail. `null`: all of it (city officers, admins). Otherwise the
 * entries whose object lies in one of `districts`: `rules` maps an entity type to SQL that
 * selects, as text, the ids of that type's objects in `:...districts` (or `true`: every
 * object of the type is in scope). Entity types without a rule are not shown at all.
 */
export interface AuditScope {
  districts: string[];
  rules: Record<string, string | true>;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  page: number;
  pageSize: number;
}

/**
 * The audit trail. Facts are recorded through the outbox in the caller's
 * transaction, so a decision and its audit entry commit or roll back together.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Records a fact as part of the transaction `tx`. */
  async record(tx: EntityManager, fact: AuditFact): Promise<void> {
    await this.outbox.add(tx, AuditRecordJob, { ...fact, at: this.clock.now().toISOString() });
  }

  @OnJob(AuditRecordJob)
  async write(payload: AuditRecordPayload, context: JobContext): Promise<void> {
    // One insert, unique per job: a statement of its own is enough.
    await this.uow.statement((db) =>
      db
        .createQueryBuilder()
        .insert()
        .into(AuditEntry)
        .values({
          jobId: context.jobId,
          actorId: payload.actorId,
          action: payload.action,
          entityType: payload.entityType,
          entityId: payload.entityId,
          reason: payload.reason ?? null,
          data: (payload.data ?? null) as never,
          at: new Date(payload.at),
        })
        .orIgnore()
        .execute(),
    );
  }

  async list(query: AuditQuery, scope: AuditScope | null = null): Promise<Page<AuditEntryView>> {
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e');
    if (query.entityType) qb.andWhere('e.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (scope) {
      const rules = Object.entries(scope.rules);
      if (!rules.length || !scope.districts.length) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      qb.andWhere(
        new Brackets((any) => {
          rules.forEach(([entityType, rule], i) => {
            const sameType = `e.entityType = :scopeType${i}`;
            any.orWhere(rule === true ? sameType : `(${sameType} AND e.entityId IN (${rule}))`, { [`scopeType${i}`]: entityType });
          });
        }),
        { districts: scope.districts },
      );
    }
    const [items, total] = await qb
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: items.map((e) => auditEntryView(e)), total, page: query.page, pageSize: query.pageSize };
  }
}

/**
 * An entry as the API shows it (the outbox job that wrote it stays internal); `actorName` is
 * filled by whoever can name people (the API's audit route, from identity).
 */
export function auditEntryView(e: AuditEntry, actorName: string | null = null): AuditEntryView {
  return {
    id: e.id,
    actorId: e.actorId,
    actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    reason: e.reason,
    data: e.data,
    at: e.at,
  };
}
