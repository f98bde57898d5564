import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { CLOCK, ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnitOfWork, hasRole, isUuid } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DirectoryService } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import { DRAFT_ONLY_EVENT_FIELDS, eventFieldIssues } from './dto/events.dto.js';
import type { CreateEventInput, ListEventsQuery, UpdateEventInput } from './dto/events.dto.js';
import { MatchmakingEvent } from './entities/event.entity.js';
import { EventRegistration } from './entities/event-registration.entity.js';
import type { ParticipantSide } from './entities/event-registration.entity.js';
import { EventStateConflictError, EVENT_STATE_MACHINE } from '@smedx/contracts';
import type { EventAction, EventStatus } from '@smedx/contracts';
import { isEventOrganiser, isEventOverseer, mayViewEvent } from './events.policy.js';
import { emptyCounts, eventView } from './events.views.js';
import type { EventView, Page } from './events.views.js';

/** Status changes an organiser makes by name (each a route), with the audit action they record. */
const LIFECYCLE: Readonly<Partial<Record<EventAction, { audit: string; at?: 'completedAt' | 'cancelledAt' }>>> = {
  open_registration: { audit: 'event.registration_opened' },
  close_registration: { audit: 'event.registration_closed' },
  complete: { audit: 'event.completed', at: 'completedAt' },
  cancel: { audit: 'event.cancelled', at: 'cancelledAt' },
};

/**
 * Matchmaking events (供需对接活动): organisers create and run events.
 * Registrations live in {@link EventRegistrationsService}, the schedule in
 * {@link EventScheduleService} (its reads, the agenda among them, in
 * {@link EventScheduleQueriesService}), the day itself in {@link EventOutcomesService}.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Creates an event in `draft`, run by the calling organiser. */
  async create(actor: Principal, input: CreateEventInput): Promise<EventView> {
    if (input.startsAt.getTime() <= this.clock.now().getTime()) {
      throw new InvalidInputError([{ field: 'startsAt', reason: 'must be in the future' }]);
    }
    const id = await this.uow.run(async (tx) => {
      const created = await tx.save(
        tx.create(MatchmakingEvent, {
          title: input.title,
          industry: input.industry,
          district: input.district,
          venue: input.venue ?? null,
          online: input.online,
          startsAt: input.startsAt,
          slotMinutes: input.slotMinutes,
          slots: input.slots,
          tables: input.tables,
          capacityEnterprises: input.capacityEnterprises,
          capacityProviders: input.capacityProviders,
          minMeetingsPerEnterprise: input.minMeetingsPerEnterprise,
          maxMeetingsPerProvider: input.maxMeetingsPerProvider,
          status: 'draft',
          organizerId: actor.userId,
          proposedMeetings: null,
          proposedValue: null,
          unmetMinimums: null,
        }),
      );
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'event.created',
        entityType: 'event',
        entityId: created.id,
        data: { title: input.title, startsAt: input.startsAt.toISOString(), slots: input.slots, tables: input.tables },
      });
      return created.id;
    });
    return this.get(actor, id);
  }

  /**
   * Changes an event's own fields (its organiser), until a schedule is drawn.
   * Once registration has opened, the fields that shape the schedule grid
   * and what registrants signed up for (industry, district, slot length and
   * count) stay as they are (409), and a capacity cannot drop below the
   * registrations already approved on that side (409). Approved participants
   * are told when the time or the place changes.
   */
  async update(actor: Principal, id: string, input: UpdateEventInput): Promise<EventView> {
    await this.uow.run(async (tx) => {
      const event = await this.forOrganiser(tx, actor, id);
      EVENT_STATE_MACHINE.next(event.status, 'edit');
      const changed = (Object.keys(input) as (keyof UpdateEventInput)[]).filter((field) => !sameValue(event[field], input[field]));
      if (event.status !== 'draft') {
        const fixed = changed.find((field) => (DRAFT_ONLY_EVENT_FIELDS as readonly string[]).includes(field));
        if (fixed) throw new EventStateConflictError(event.status, `change ${fixed} of`);
      }
      if (input.startsAt && changed.includes('startsAt') && input.startsAt.getTime() <= this.clock.now().getTime()) {
        throw new InvalidInputError([{ field: 'startsAt', reason: 'must be in the future' }]);
      }
      const after = { ...event, ...input, venue: input.venue === undefined ? event.venue : input.venue };
      const problems = eventFieldIssues(after);
      if (problems.length) throw new InvalidInputError(problems);
      if (!changed.length) return;
      const approved = await this.approvedRegistrations(id, tx);
      for (const [side, field] of [
        ['enterprise', 'capacityEnterprises'],
        ['provider', 'capacityProviders'],
      ] as const) {
        const count = approved.filter((r) => r.side === side).length;
        if (after[field] < count) {
          throw new ConflictError(
            'capacity_below_approved',
            `${field} must be at least the ${count} ${side} registrations already approved`,
          );
        }
      }
      const changes = Object.fromEntries(changed.map((field) => [field, after[field]])) as Partial<MatchmakingEvent>;
      await this.transition(tx, event, 'edit', changes);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'event.updated',
        entityType: 'event',
        entityId: id,
        data: {
          before: Object.fromEntries(changed.map((field) => [field, auditValue(event[field])])),
          after: Object.fromEntries(changed.map((field) => [field, auditValue(after[field])])),
        },
      });
      if (changed.some((field) => field === 'startsAt' || field === 'venue' || field === 'online')) {
        await this.notifyParticipants(
          tx,
          event,
          'event.changed',
          `供需对接活动“${after.title}”时间或地点有变`,
          `活动时间：${after.startsAt.toISOString()}；地点：${after.online ? '线上' : (after.venue ?? '')}。`,
          `event.changed:${id}:${after.startsAt.toISOString()}:${after.online}:${after.venue ?? ''}`,
        );
      }
    });
    return this.get(actor, id);
  }

  /** One event with its registration counts; a draft only for its organiser and overseers (404 for others). */
  async get(actor: Principal, id: string): Promise<EventView> {
    const event = await this.visible(actor, id);
    const counts = await this.registrationCounts([event.id]);
    return eventView(event, counts.get(event.id));
  }

  /** Events, latest start first: every event past draft, plus the caller's own drafts (all drafts for overseers). */
  async list(actor: Principal, query: ListEventsQuery): Promise<Page<EventView>> {
    const qb = this.dataSource.getRepository(MatchmakingEvent).createQueryBuilder('e');
    if (!actor.userId) {
      // A visitor (no user id: the organiser column is a uuid on PostgreSQL) sees events past draft only.
      qb.where("e.status <> 'draft'");
    } else if (!isEventOverseer(actor)) {
      qb.where(new Brackets((w) => w.where("e.status <> 'draft'").orWhere('e.organizerId = :me', { me: actor.userId })));
    }
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('e.startsAt', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const counts = await this.registrationCounts(rows.map((e) => e.id));
    return { items: rows.map((e) => eventView(e, counts.get(e.id))), total, page: query.page, pageSize: query.pageSize };
  }

  /** Events not yet over and not cancelled (past draft), soonest first: the public portal's "upcoming". */
  async upcoming(limit: number): Promise<EventView[]> {
    const now = this.clock.now();
    const rows = await this.dataSource
      .getRepository(MatchmakingEvent)
      .createQueryBuilder('e')
      .where('e.status IN (:...statuses)', { statuses: ['registration_open', 'registration_closed', 'scheduled', 'published'] })
      // An event lasts a day at most: those that started within the day are read, those already over dropped.
      .andWhere('e.startsAt >= :since', { since: new Date(now.getTime() - 24 * 3_600_000) })
      .orderBy('e.startsAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(limit * 2)
      .getMany();
    const counts = await this.registrationCounts(rows.map((e) => e.id));
    return rows
      .map((e) => eventView(e, counts.get(e.id)))
      .filter((e) => e.endsAt.getTime() >= now.getTime())
      .slice(0, limit);
  }

  /** `open_registration`, `close_registration`, `complete` or `cancel`, by the event's organiser. */
  async changeStatus(
    actor: Principal,
    id: string,
    action: 'open_registration' | 'close_registration' | 'complete' | 'cancel',
  ): Promise<EventView> {
    await this.uow.run(async (tx) => {
      const event = await this.forOrganiser(tx, actor, id);
      const status = EVENT_STATE_MACHINE.next(event.status, action);
      const change = LIFECYCLE[action]!;
      await this.transition(tx, event, action, { status, ...(change.at ? { [change.at]: this.clock.now() } : {}) });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: change.audit,
        entityType: 'event',
        entityId: id,
        data: { before: { status: event.status }, after: { status } },
      });
      if (action === 'cancel')
        await this.notifyParticipants(tx, event, 'event.cancelled', `供需对接活动“${event.title}”已取消`, '组织方已取消本次供需对接活动。');
    });
    return this.get(actor, id);
  }

  // ------------------------------------------------------------------ shared with the other event services

  /** The event if the caller may know it exists (404 otherwise); `lock` takes the row for the transaction on PostgreSQL. */
  async visible(actor: Principal, id: string, tx?: EntityManager, lock = false): Promise<MatchmakingEvent> {
    const event = isUuid(id) ? await this.load(id, tx, lock) : null;
    if (!event || !mayViewEvent(actor, event)) throw new NotFoundError('event', id);
    return event;
  }

  /**
   * The event, locked, for its organiser: 404 when the caller may not see
   * it, 403 when it is someone else's event.
   */
  async forOrganiser(tx: EntityManager, actor: Principal, id: string): Promise<MatchmakingEvent> {
    const event = await this.visible(actor, id, tx, true);
    this.assertOrganiser(actor, event);
    return event;
  }

  /** 403 unless the caller runs this event. */
  assertOrganiser(actor: Principal, event: MatchmakingEvent): void {
    if (!isEventOrganiser(actor, event)) {
      throw new ForbiddenError(
        hasRole(actor, 'organizer') ? "only the event's own organiser runs it" : 'requires role organizer',
        'not_organiser',
      );
    }
  }

  /** Writes a status change conditional on the status read (a concurrent change makes it a 409). */
  async transition(tx: EntityManager, event: MatchmakingEvent, action: EventAction, changes: Partial<MatchmakingEvent>): Promise<void> {
    const result = await tx.update(MatchmakingEvent, { id: event.id, status: event.status }, changes);
    if (!result.affected) {
      const current = await tx.findOneBy(MatchmakingEvent, { id: event.id });
      EVENT_STATE_MACHINE.next((current?.status ?? event.status) as EventStatus, action);
      throw new ConflictError('event_changed', 'the event changed meanwhile; reload and try again');
    }
  }

  /** Names of enterprises and providers by id, in two queries. */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const [enterprises, providers] = await Promise.all([this.directory.enterprisesByIds(unique), this.directory.providersByIds(unique)]);
    return new Map([...enterprises, ...providers].map((o) => [o.id, o.name]));
  }

  /** Approved registrations of the event (the participants), in one query. */
  approvedRegistrations(eventId: string, tx?: EntityManager): Promise<EventRegistration[]> {
    return (tx ?? this.dataSource.manager).find(EventRegistration, {
      where: { eventId, status: 'approved' },
      order: { side: 'ASC', organisationId: 'ASC' },
    });
  }

  /** Notifies every approved participant of the event (inside `tx`). */
  async notifyParticipants(
    tx: EntityManager,
    event: MatchmakingEvent,
    kind: string,
    title: string,
    body: string,
    dedupeKey = `${kind}:${event.id}`,
  ): Promise<void> {
    const participants = await this.approvedRegistrations(event.id, tx);
    if (!participants.length) return;
    await this.notifications.notify(tx, {
      recipients: { organisationIds: participants.map((r) => r.organisationId) },
      kind,
      title,
      body,
      link: `/events/${event.id}`,
      data: { eventId: event.id },
      dedupeKey,
    });
  }

  // ------------------------------------------------------------------ internals

  private async load(id: string, tx: EntityManager | undefined, lock: boolean): Promise<MatchmakingEvent | null> {
    const qb = (tx ?? this.dataSource.manager).getRepository(MatchmakingEvent).createQueryBuilder('e').where('e.id = :id', { id });
    // SQLite runs write transactions one at a time; on PostgreSQL the row lock serialises changes to one event.
    if (lock && tx && this.dataSource.options.type === 'postgres') qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  private async registrationCounts(eventIds: string[]): Promise<Map<string, ReturnType<typeof emptyCounts>>> {
    const counts = new Map(eventIds.map((id) => [id, emptyCounts()]));
    if (!eventIds.length) return counts;
    const rows = await this.dataSource
      .getRepository(EventRegistration)
      .createQueryBuilder('r')
      .select('r.eventId', 'eventId')
      .addSelect('r.side', 'side')
      .addSelect('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('r.eventId IN (:...eventIds)', { eventIds })
      .groupBy('r.eventId')
      .addGroupBy('r.side')
      .addGroupBy('r.status')
      .getRawMany<{ eventId: string; side: ParticipantSide; status: 'pending' | 'approved' | 'rejected'; n: string | number }>();
    for (const row of rows) {
      const entry = counts.get(row.eventId);
      if (entry) entry[row.side === 'enterprise' ? 'enterprises' : 'providers'][row.status] = Number(row.n);
    }
    return counts;
  }
}

/** Whether a stored field already holds the requested value (dates by instant). */
function sameValue(stored: unknown, requested: unknown): boolean {
  if (stored instanceof Date && requested instanceof Date) return stored.getTime() === requested.getTime();
  return stored === requested;
}

function auditValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
