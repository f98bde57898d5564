import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, IsNull, LessThanOrEqual, MoreThan, Not } from 'typeorm';
import { CLOCK, ConflictError, InvalidInputError, NotFoundError, StateConflictError, UnitOfWork, isUuid } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DirectoryService } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import type { CreateBlacklistEntryInput, ListBlacklistQuery } from './dto/subsidy.dto.js';
import { BlacklistEntry } from './entities/blacklist-entry.entity.js';
import type { BlacklistSource } from './entities/blacklist-entry.entity.js';
import { blacklistUntil } from './subsidy-rules.js';
import { blacklistEntryView } from './subsidy.views.js';
import type { BlacklistEntryView, Page } from './subsidy.views.js';

export interface BlacklistingFact {
  enterpriseId: string;
  reason: string;
  source: BlacklistSource;
  applicationId?: string | null;
}

/**
 * The blacklist (黑名单, 第十三条): enterprises barred from programme funds
 * for three years. City officers add and lift entries; a revocation for fraud
 * adds one in its own transaction ({@link addIn}).
 */
@Injectable()
export class BlacklistService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The entry barring the enterprise now (started, not ended, not lifted), if any. */
  async activeEntry(enterpriseId: string, tx?: EntityManager): Promise<BlacklistEntry | null> {
    const now = this.clock.now();
    return (tx ?? this.dataSource.manager).findOne(BlacklistEntry, {
      where: { enterpriseId, liftedAt: IsNull(), from: LessThanOrEqual(now), until: MoreThan(now) },
      order: { until: 'DESC' },
    });
  }

  /** Blacklists an enterprise for three years from now (a city officer); 409 while an entry is in force. */
  async add(actor: Principal, input: CreateBlacklistEntryInput): Promise<BlacklistEntryView> {
    const id = await this.uow.run(async (tx) => {
      const exists = await this.directory.enterprisesByIds([input.enterpriseId], tx);
      if (!exists.length) throw new InvalidInputError([{ field: 'enterpriseId', reason: 'no such enterprise' }]);
      await this.directory.lockEnterprise(tx, input.enterpriseId);
      const active = await this.activeEntry(input.enterpriseId, tx);
      if (active) {
        throw new ConflictError('already_blacklisted', `the enterprise is already blacklisted until ${active.until.toISOString()}`, {
          entryId: active.id,
          until: active.until.toISOString(),
        });
      }
      const entry = await this.addIn(tx, actor, { enterpriseId: input.enterpriseId, reason: input.reason, source: 'manual' });
      return entry.id;
    });
    return this.get(id);
  }

  /**
   * Writes an entry in the caller's transaction, audited, the enterprise
   * told; the caller holds the enterprise's lock.
   */
  async addIn(tx: EntityManager, actor: Principal, fact: BlacklistingFact): Promise<BlacklistEntry> {
    const from = this.clock.now();
    const entry = await tx.save(
      tx.create(BlacklistEntry, {
        enterpriseId: fact.enterpriseId,
        reason: fact.reason,
        from,
        until: blacklistUntil(from),
        source: fact.source,
        applicationId: fact.applicationId ?? null,
        createdBy: actor.userId,
        liftedAt: null,
        liftedBy: null,
        liftReason: null,
      }),
    );
    await this.audit.record(tx, {
      actorId: actor.userId,
      action: 'blacklist.added',
      entityType: 'enterprise',
      entityId: fact.enterpriseId,
      reason: fact.reason,
      data: {
        entryId: entry.id,
        source: fact.source,
        applicationId: entry.applicationId,
        from: entry.from.toISOString(),
        until: entry.until.toISOString(),
      },
    });
    await this.notifications.notify(tx, {
      recipients: { organisationIds: [fact.enterpriseId] },
      kind: 'blacklist.added',
      title: '企业已被纳入专项资金黑名单',
      body: `三年内（至 ${entry.until.toISOString().slice(0, 10)}）不得享受政府财政专项资金。原因：${fact.reason}`,
      link: null,
      data: { entryId: entry.id, until: entry.until.toISOString() },
      dedupeKey: `blacklist.added:${entry.id}`,
    });
    return entry;
  }

  /** Lifts an entry early (a city officer), with a reason; 409 if it was lifted already. */
  async lift(actor: Principal, id: string, reason: string): Promise<BlacklistEntryView> {
    await this.uow.run(async (tx) => {
      const entry = isUuid(id) ? await tx.findOneBy(BlacklistEntry, { id }) : null;
      if (!entry) throw new NotFoundError('blacklist_entry', id);
      if (entry.liftedAt) throw new StateConflictError('blacklist_entry', 'lifted', 'lift');
      const now = this.clock.now();
      const updated = await tx.update(
        BlacklistEntry,
        { id, liftedAt: IsNull() },
        { liftedAt: now, liftedBy: actor.userId, liftReason: reason },
      );
      if (!updated.affected) throw new StateConflictError('blacklist_entry', 'lifted', 'lift');
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'blacklist.lifted',
        entityType: 'enterprise',
        entityId: entry.enterpriseId,
        reason,
        data: { entryId: id, until: entry.until.toISOString(), liftedAt: now.toISOString() },
      });
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [entry.enterpriseId] },
        kind: 'blacklist.lifted',
        title: '企业已移出专项资金黑名单',
        body: `市工信局已解除黑名单。原因：${reason}`,
        link: null,
        data: { entryId: id },
        dedupeKey: `blacklist.lifted:${id}`,
      });
    });
    return this.get(id);
  }

  /** Entries, newest first, filtered by enterprise, source and whether in force now. */
  async list(query: ListBlacklistQuery): Promise<Page<BlacklistEntryView>> {
    const now = this.clock.now();
    const base: FindOptionsWhere<BlacklistEntry> = {};
    if (query.enterpriseId) base.enterpriseId = query.enterpriseId;
    if (query.source) base.source = query.source;
    const where: FindOptionsWhere<BlacklistEntry> | FindOptionsWhere<BlacklistEntry>[] =
      query.active === true
        ? { ...base, liftedAt: IsNull(), from: LessThanOrEqual(now), until: MoreThan(now) }
        : query.active === false
          ? // Not in force: lifted, ended, or not started yet.
            [
              { ...base, liftedAt: Not(IsNull()) },
              { ...base, until: LessThanOrEqual(now) },
              { ...base, from: MoreThan(now) },
            ]
          : base;
    const [rows, total] = await this.dataSource.getRepository(BlacklistEntry).findAndCount({
      where,
      order: { from: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const names = await this.names(rows.map((r) => r.enterpriseId));
    return {
      items: rows.map((r) => blacklistEntryView(r, names.get(r.enterpriseId) ?? null, now)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async get(id: string): Promise<BlacklistEntryView> {
    const entry = await this.dataSource.manager.findOneByOrFail(BlacklistEntry, { id });
    const names = await this.names([entry.enterpriseId]);
    return blacklistEntryView(entry, names.get(entry.enterpriseId) ?? null, this.clock.now());
  }

  private async names(ids: readonly string[]): Promise<Map<string, string>> {
    const enterprises = await this.directory.enterprisesByIds([...new Set(ids)]);
    return new Map(enterprises.map((e) => [e.id, e.name]));
  }
}
